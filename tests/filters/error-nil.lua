return {note = function() error() end}

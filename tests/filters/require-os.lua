return {note = function() return require("os") end}

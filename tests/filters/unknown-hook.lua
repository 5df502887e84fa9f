return {scor = function() return 1 end}

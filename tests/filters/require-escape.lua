-- require cannot climb out of the filter folders.
return {note = function() return require("..secret") end}

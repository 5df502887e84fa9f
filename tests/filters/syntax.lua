-- Does not parse: refused before any note.
return {score = function(point)
  return 1 +
end}

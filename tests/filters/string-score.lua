-- A score hook must return a number.
return {score = function(point, note)
  return "high"
end}

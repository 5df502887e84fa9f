return {score = function(point)
  if point.words > 0 then error({code = 42}) end
end}

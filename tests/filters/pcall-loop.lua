-- pcall cannot swallow the end of the budget for long.
return {note = function()
  while true do pcall(function() while true do end end) end
end}

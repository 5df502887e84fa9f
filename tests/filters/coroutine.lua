-- A coroutine that never yields back still runs on the note's budget.
return {note = function()
  local co = coroutine.wrap(function() while true do end end)
  co()
end}

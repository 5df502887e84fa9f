-- The issue's reproduction: a message handler that loops, called for the
-- error the instruction budget raises.
return {score = function()
  xpcall(function() while true do end end, function(e) while true do end end)
end}

-- The issue's reproduction: backtracking in Lua's C pattern matcher,
-- where no instruction is counted; for the second note only.
return {note = function(note)
  if note.company == "Bigcorp" then
    string.find(("a"):rep(50), ("a?"):rep(50) .. ("a"):rep(50))
  end
end}

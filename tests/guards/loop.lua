-- A note hook that loops LOOPS times (from the note's front matter).
return {note = function(note)
  local x = 0
  for i = 1, tonumber(note.meta.loops) do x = x + i end
  print("looped " .. note.meta.loops .. " times")
end}

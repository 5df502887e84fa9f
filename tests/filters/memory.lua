-- Memory without end in the first note; the second note runs normally.
return {note = function(note)
  if not note.path:find("basic") then return end
  local t = {}
  while true do t[#t + 1] = ("x"):rep(1e6) end
end}

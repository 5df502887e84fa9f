-- The string metatable is shared by every note: it cannot be reached.
return {note = function(note)
  if note.path:find("basic") then
    getmetatable("").__index = function() return "evil" end
  end
  assert(("abc"):upper() == "ABC", "the string metatable changed")
end}

-- A string of a terabyte.
return {note = function(note)
  if note.path:find("basic") then return string.rep("x", 2^40) end
end}

-- A hook that gives a global a new value, and removes none: the next
-- note's run sees the global as the file left it (the environment is put
-- back field by field, without copying the whole snapshot).
local notes = 0
VERSION_SEEN = "file"
return {note = function(note)
  notes = notes + 1
  if notes == 1 then
    tostring = function() return "bent" end
    VERSION_SEEN = "first note"
    return
  end
  assert(tostring(1) == "1", "a global a hook replaced stayed replaced")
  assert(VERSION_SEEN == "file", "the file's own global kept a hook's value")
end}

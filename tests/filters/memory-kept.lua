-- The memory cap counts from what the state holds live before a note's
-- run: a filter that keeps 12 MiB from its loading may still build 24 MiB
-- in a hook under --max-memory 32.
local kept = {}
for i = 1, 12 do kept[i] = string.rep(string.char(64 + i), 1 << 20) end

return {note = function(note)
  if not note.path:find("basic") then return end
  local built = {}
  for i = 1, 24 do built[i] = string.rep(string.char(96 + i), 1 << 20) end
  print(string.format("kept %d MiB, built %d MiB", #kept, #built))
end}

-- The memory cap is on the whole state, what a file keeps from its
-- loading included: a filter that keeps 12 MiB may build 12 MiB more in a
-- hook under --max-memory 32 (basic.md), not 24 (second.md).
local kept = {}
for i = 1, 12 do kept[i] = string.rep(string.char(64 + i), 1 << 20) end

return {note = function(note)
  local n = note.path:find("basic") and 12 or 24
  local built = {}
  for i = 1, n do built[i] = string.rep(string.char(96 + i), 1 << 20) end
  print(string.format("kept %d MiB, built %d MiB", #kept, #built))
end}

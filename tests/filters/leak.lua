-- What the first note's run does must not be seen by the second's:
-- globals, library tables, the environment's metatable, required modules.
local first = true
return {note = function(note)
  if note.path:find("basic") then
    LEAKED = "yes"
    string.upper = nil
    table.insert = function() error("poisoned") end
    math.pi = 3
    setmetatable(_G, {__index = function() return "leaked" end})
    assert(first, "the filter's own locals are fresh for each note")
    first = false
    return
  end
  assert(rawget(_G, "LEAKED") == nil, "a global leaked")
  assert(_G.anything == nil, "the environment's metatable leaked")
  assert(string.upper ~= nil and ("a"):upper() == "A", "string leaked")
  local t = {}
  table.insert(t, 1)
  assert(t[1] == 1, "table leaked")
  assert(math.pi > 3.14, "math leaked")
  assert(first, "the filter's own locals leaked")
end}

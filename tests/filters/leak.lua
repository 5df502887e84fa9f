-- What the first note's run does must not be seen by the second's:
-- globals, the environment's metatable, and the libraries (which are
-- read-only, shared by every filter and every note).  The file itself
-- runs once per batch, so its own locals do carry over (documented in
-- secondround-filters(7)).
local notes = 0
local function refused(f)
  local ok, err = pcall(f)
  assert(not ok and err:find("read%-only"), "a library could be changed")
end
-- A metatable the file itself sets on its environment stays for every
-- note (a hook's does not: below).
local helpers = {shout = function(s) return s:upper() .. "!" end}
setmetatable(_ENV, {__index = helpers})
return {note = function(note)
  notes = notes + 1
  refused(function() string.upper = nil end)
  refused(function() table.insert = function() error("poisoned") end end)
  refused(function() math.pi = 3 end)
  refused(function() sr.words = nil end)
  refused(function() rawset(string, "upper", function() return "x" end) end)
  refused(function() rawset(sr, "words", nil) end)
  -- pairs walks a library without handing out the table behind it
  local walk, state = pairs(string)
  assert(state == string, "pairs(string) gave another table")
  local k, v = walk(state, nil)
  assert(k ~= nil and v ~= nil)
  assert(shout("hi") == "HI!", "the file's own metatable on _ENV is gone")
  assert(math.pi > 3.14 and ("a"):upper() == "A")
  local seen = 0
  for _ in pairs(string) do seen = seen + 1 end
  assert(seen > 10, "pairs(string) sees the library")
  if note.path:find("basic") then
    LEAKED = "yes"
    ipairs = nil
    setmetatable(_G, {__index = function() return "leaked" end})
    assert(shout == nil or shout == "leaked")
    assert(notes == 1)
    return
  end
  assert(rawget(_G, "LEAKED") == nil, "a global leaked")
  assert(type(ipairs) == "function", "a global a hook removed stayed away")
  assert(_G.anything == nil, "the environment's metatable leaked")
  assert(notes == 2, "the filter's own locals carry over")
end}

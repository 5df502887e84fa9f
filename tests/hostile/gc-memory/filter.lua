-- The issue's reproduction: a finalizer that takes 2 GB at lua_close,
-- outside every run, where no cap was in force.
local mt = {} setmetatable(_ENV, mt)
rawset(mt, "__gc", function()
  local a = string.rep("x", 1 << 30)
  local b = string.rep("y", 1 << 30)
end)
return {}

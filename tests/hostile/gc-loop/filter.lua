-- The issue's reproduction: a finalizer added to the environment's
-- metatable after setmetatable, which Lua would run at lua_close with no
-- budget (finalizers run with hooks off).
local mt = {} setmetatable(_ENV, mt) rawset(mt, "__gc", function() while true do end end)
return {}

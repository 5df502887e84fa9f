-- A module for module.lua.
local M = {}
function M.bonus(point) return point.strong and 1 or 0, "helper" end
return M

-- A module that returns nothing: require gives true.
local x = 1

-- A module beside the filter, loaded once per note.
local helper = require "lib.helper"
local again = require "lib.helper"
assert(helper == again, "require caches within a note")
return {score = function(point) return helper.bonus(point) end}

-- A module beside the filter, loaded once per note.
local helper = require "lib.helper"
local again = require "lib.helper"
assert(helper == again, "require caches within a note")
assert(require "lib.nothing" == true and require "lib.nothing" == true,
       "a module that returns nothing gives true")
assert(require "lib.helper" == helper, "and the others are as they were")
return {score = function(point) return helper.bonus(point) end}

-- The issue's reproduction: a top-level local that grows by 25 MB a note.
local keep = {}
return {note = function()
  keep[#keep + 1] = string.rep("k", 25 * 1024 * 1024) .. #keep
end}

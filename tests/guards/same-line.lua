-- A note hook that requires a module (another for each note) and then
-- logs the same line: each note's line is shown (only what a filter's
-- file logs as it loads is shown once).
return {note = function(note)
  local m = require(note.path:find("good") and "same-line-module"
                    or "same-line-other")
  print(m.line)
end}

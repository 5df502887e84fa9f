-- A note hook that requires a module and then logs the same line for
-- every note: each note's line is shown (only what a filter's file logs
-- as it loads is shown once).
return {note = function(note)
  local m = require "same-line-module"
  print(m.line)
end}

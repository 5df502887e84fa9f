-- A filter notes name, that prints when its file runs and in a hook, and
-- draws random numbers in both: with -j every line must come out as with
-- one process (the file's own lines once), and the numbers the same.
local drawn = math.random(1000)
print("loud.lua loaded, drew " .. drawn)
return {note = function(note)
  print(note.path .. ": a hook drew " .. math.random(1000) ..
        " (the file drew " .. drawn .. ")")
end}

-- Keeps nothing from note to note: the note whose role ends in "a" builds
-- about 0.45 MiB, the others about 6 MiB, garbage once the note is done.
-- Under --max-memory 3 (the whole state: the default filters, their
-- slabs and this) "a" passes and the others must fail, whether or not
-- "a"'s garbage is still there when they start: an allocation over the
-- cap collects the garbage before it is refused.
return {note = function(note)
  local n = note.role:match("a$") and 3000 or 40000
  local t = {}
  for i = 1, n do t[i] = string.rep("x", 100) .. i end
end}

-- A filter a note names whose functions are named nearly as hooks: each
-- is warned about, with its line, for the note that names it.
function Draft(d, note)
  d.subject = "never set"
end

function scores(p) return 1 end

function score(p) return 1, "the real hook" end

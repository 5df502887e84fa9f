-- concise.lua: a tighter draft.  The body's budget drops to 100 words
-- (or the note's own max_words, if lower), so the selection keeps only the
-- strongest points; the draft hook checks that the result fits.

local BUDGET = 100

local function note(n)
  n.max_words = math.min(n.max_words or BUDGET, BUDGET)
end

local function draft(d)
  d.max_words = math.min(d.max_words or BUDGET, BUDGET)
end

return {note = note, draft = draft}

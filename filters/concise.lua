-- concise.lua: the shortest email that still does the job.  The body's
-- budget drops to 100 words (or the note's own max_words, if lower), the
-- thanks is shorter, and only the moment that connected, their problem,
-- your best evidence, the correction and the next step are worded: what
-- excited you and a second piece of evidence have no wording here, so
-- they are left out (explain says so).

local BUDGET = 100

local function note(n)
  n.max_words = math.min(n.max_words or BUDGET, BUDGET)
end

local function draft(d)
  d.max_words = math.min(d.max_words or BUDGET, BUDGET)
end

return {
  note = note,
  draft = draft,
  phrases = {
    closing = "Best,",
    thanks = {
      role_company = "Thanks for the conversation about the {role} role.",
      role = "Thanks for the conversation about the {role} role.",
      company = "Thanks for the conversation at {company}.",
      none = "Thanks for the conversation.",
    },
    excited = {clause = false, you = false, noun = false, gerund = false,
               i = false},
    evidence_also = {i = false, we = false, past = false, have = false,
                     clause = false, headed = false, headed_at = false},
    tie = false,
    correction = "One correction:",
  },
}

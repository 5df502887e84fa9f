-- The sr module, checked from Lua.
local sr2 = require "secondround"
assert(sr2.version == sr.version and sr.version:match("^%d+%.%d+"))
assert(sr.words("Cut churn from 9% to 4% — in two quarters") == 9)
assert(sr.words("") == 0)
local shared = sr.overlap("Cut nurse turnover from 24% to 15%",
                          "Nurse turnover hit 28% last year")
assert(#shared == 2 and shared[1] == "nurse" and shared[2] == "turnover",
       table.concat(shared, ","))
assert(#sr.overlap("the and of with", "the and of with") == 0, "stop words")
assert(#sr.overlap("Scheduling nurses", sr.terms("nurse schedule")) == 2,
       "stems")
assert(#sr.overlap("Équipe réseau", "réseau d'équipe") >= 1, "UTF-8")
assert(#sr.overlap("mostly M&E subbies", "M&E: the coordinator") == 1,
       "M&E is one word")
assert(#sr.overlap("3 left this yr, 9 wks behind", "2 yrs, 22-23 wks") == 0,
       "a note's years and weeks")
local terms = sr.terms("Nurse schedules, nurse turnover")
local stems = {}
for stem in pairs(terms) do stems[#stems + 1] = stem end
table.sort(stems)
assert(#terms == 3 and table.concat(stems, ",") == "nurs,schedul,turnover",
       "terms: " .. #terms .. " " .. table.concat(stems, ","))
assert(terms.nurse and terms.Nurses and terms["nurse's"] and terms.scheduling
       and not terms.budget, "terms[word]")
assert(sr.terms("two new policies").policy and #sr.overlap("policies",
       "one policy") == 1, "ies")
assert(sr.has_quantity("from 4.1 to 2.6 hours"))
assert(sr.has_quantity("cut costs by 28%"))
assert(sr.has_quantity("$2.4M in savings"))
assert(sr.has_quantity("shipped 3x faster"))
assert(sr.has_quantity("revenue doubled"))
assert(not sr.has_quantity("in 2024 we met at 10:30, Q2, 3pm"))
assert(not sr.has_quantity("no numbers here"))
-- a number that names something is not a result
assert(not sr.has_quantity("I'm a Level 2 trained Forest School practitioner"))
assert(not sr.has_quantity("the end of Key Stage 1, in Year 3"))
assert(not sr.has_quantity("I have my OSHA 10 and the office on Route 9"))
assert(sr.has_quantity("Level 2 to Level 4 in 18 months"))
assert(sr.has_quantity("a team of 12"))
sr.log("helpers ok", 1, true)
return {}

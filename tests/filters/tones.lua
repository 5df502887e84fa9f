-- The tone filters, tried on a draft table (the composer calls them later).
local formal = require "formal"
local warm = require "warm"
local concise = require "concise"
local function draft()
  return {to = {name = "Maria Alvarez"}, greeting = "Dear Maria,",
    paragraphs = {"I'm grateful, and I didn\u{2019}t say it: it's true.",
                  "Don't worry; I can't wait. I'd like that."},
    closing = "Best regards,", max_words = 150}
end
local d = draft()
formal.draft(d)
assert(d.paragraphs[1] == "I am grateful, and I did not say it: it is true.",
       d.paragraphs[1])
assert(d.paragraphs[2] == "Do not worry; I cannot wait. I would like that.",
       d.paragraphs[2])
assert(d.greeting == "Dear Maria Alvarez," and d.closing == "Kind regards,")
d = draft()
warm.draft(d)
assert(d.greeting == "Hi Maria," and d.closing == "Warm wishes,")
assert(d.paragraphs[1]:find("I'm"), "warm keeps contractions")
d = draft()
concise.draft(d)
assert(d.max_words == 100)
local n = {max_words = 150}
concise.note(n)
assert(n.max_words == 100)
n = {max_words = 80}
concise.note(n)
assert(n.max_words == 80)
return {}

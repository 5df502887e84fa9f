-- impact.lua: the default scorer.  It decides which of your points are
-- "the most impactful information", in the spirit of the article:
--
--   a quantified result beats a claim                       +3
--   what you marked in bold mattered to you                 +2
--   a point that answers their stated problems or the
--   guidance they gave (shares content words with them)     +1 a word, up to +4
--   a problem of theirs that your evidence answers          +1 a word, up to +4
--   evidence you did not get to say is new to them          +1
--   a long point will not fit three short paragraphs        -1 per 10 words past 30
--   what you wrote off ("prob irrelevant", "ignore")         -4
--   #must forces a point in, #skip keeps it out
--
-- A score hook returns an amount and a reason, or, as here, a list of
-- {amount, reason} pairs; `secondround explain NOTE` shows each one.
-- Copy this file to start a scorer of your own, and pass it with --filter
-- or name it in a note's `filters:` list.

local sr = require "secondround"

-- Once per note: the content words of their side (problems, guidance)
-- and of your evidence, as sets, so each point is compared cheaply.
local their_words, your_words

local function words_of(n, keys)
  local texts = {}
  for _, key in ipairs(keys) do
    for _, p in ipairs(n.sections[key]) do texts[#texts + 1] = p.text end
  end
  return sr.terms(table.concat(texts, " "))
end

local function note(n)
  their_words = words_of(n, {"problems", "guidance"})
  your_words = words_of(n, {"not_said", "excited_them"})
end

local function score(point)
  if point.tags.skip then
    point.skip = true
    return 0, "#skip"
  end
  if point.section == "other" or point.section == "private" then
    return 0
  end

  local reasons = {}
  if point.tags.must then
    reasons[#reasons + 1] = {100, "#must"}
  end
  if sr.has_quantity(point.text) then
    reasons[#reasons + 1] = {3, "quantified result"}
  end
  if point.strong then
    reasons[#reasons + 1] = {2, "strong emphasis"}
  end
  if point.section == "problems" or point.section == "guidance" then
    local shared = sr.overlap(point.text, your_words)
    if #shared > 0 then
      reasons[#reasons + 1] = {math.min(#shared, 4),
        "your evidence speaks to it: " .. table.concat(shared, ", ")}
    end
  else
    local shared = sr.overlap(point.text, their_words)
    if #shared > 0 then
      reasons[#reasons + 1] = {math.min(#shared, 4),
        "answers their problems: " .. table.concat(shared, ", ")}
    end
  end
  if point.section == "not_said" then
    reasons[#reasons + 1] = {1, "not said in the interview"}
  end
  -- "Probably irrelevant, it's in their standing orders": you wrote it off
  local l = point.text:lower()
  if l:find("irrelevant", 1, true) or l:find("not relevant", 1, true) or
     l:find("%f[%a]ignore[%s%p]*$") or l:find("doesn't matter", 1, true) or
     l:find("never mind", 1, true) then
    reasons[#reasons + 1] = {-4, "you wrote it off"}
  end
  -- a draft uses a point's first sentence: a long paragraph whose first
  -- sentence is short is not long
  local first = point.text
  if first:find(".", 1, true) or first:find("!", 1, true) or
     first:find("?", 1, true) then
    first = first:match("^(.-[%.!?])%s") or first
  end
  local words = sr.words(first)
  if words > 30 then
    reasons[#reasons + 1] = {-((words - 30) // 10 + 1),
      string.format("long (%d words)", words)}
  end
  return reasons
end

return {note = note, score = score}

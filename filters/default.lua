-- default.lua: the built-in selection and composer, always loaded first.
--
-- select picks the points for the article's three short paragraphs:
--   1. thanks, naming the moment that connected (what excited them, or
--      what excited you);
--   2. their problem answered by your strongest evidence (ideally what you
--      did not get to say), and the guidance you took on board;
--   3. the honest correction of what you would say differently.
-- Within each role the highest-scored points win; a point tagged #must is
-- always taken; then, while the chosen points are over the word budget, the
-- lowest-scored optional one is dropped.  The best point of each core role
-- (the connection, their problem, your evidence, the correction) is never
-- dropped: without it the draft would not be the article's.  Each point left out gets a
-- `why_not` that `secondround explain` shows.
--
-- compose writes them as an email: each point becomes a sentence a person
-- would write (a full sentence stays one; a fragment gets a lead-in that
-- fits its form), the greeting names the interviewer, and the body keeps to
-- the word budget by dropping whole optional sentences, never half of one.
--
-- A filter of your own can replace either by defining `select` or
-- `compose` (the last one defined wins).

local sr = require "secondround"

-- The roles, in the order of the draft: section key, paragraph, how many.
local roles = {
  {key = "excited_them",    paragraph = 1, role = "connect",    max = 1},
  {key = "excited_me",      paragraph = 1, role = "connect",    max = 1},
  {key = "problems",        paragraph = 2, role = "problem",    max = 1},
  {key = "not_said",        paragraph = 2, role = "evidence",   max = 2},
  {key = "guidance",        paragraph = 2, role = "guidance",   max = 1},
  {key = "say_differently", paragraph = 3, role = "correction", max = 1},
}
local core = {connect = true, problem = true, evidence = true,
              correction = true}

-- Words the template around the points takes (greeting, thanks, close).
local TEMPLATE_WORDS = 45

local function by_score(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return a.line < b.line
end

local function select(points, note)
  local budget = (note.max_words or 150) - TEMPLATE_WORDS
  local chosen = {}

  for _, r in ipairs(roles) do
    local why_not = "a higher-scored " .. r.role .. " point was taken"
    -- Only the r.max best and the #must points can be taken: one pass
    -- keeps the best in order, not a sort of every point (a long note
    -- has thousands of them for one or two places).
    local candidates, musts = {}, {}
    for _, p in ipairs(note.sections[r.key] or {}) do
      if not p.skip and p.words > 0 then
        local i = #candidates + 1
        while i > 1 and by_score(p, candidates[i - 1]) do i = i - 1 end
        local out = p
        if i <= r.max then
          table.insert(candidates, i, p)
          out = candidates[r.max + 1]
          candidates[r.max + 1] = nil
        end
        if out then
          if out.tags.must then musts[#musts + 1] = out
          else out.why_not = why_not end
        end
      end
    end
    -- every one of them is taken: fewer than r.max points rank above
    -- each of the best, and a #must point is always taken
    if #musts > 0 then
      for _, p in ipairs(musts) do candidates[#candidates + 1] = p end
      table.sort(candidates, by_score)
    end
    for _, p in ipairs(candidates) do
      p.paragraph, p.role = r.paragraph, r.role
      chosen[#chosen + 1] = p
    end
  end

  -- Keep within the budget: drop the lowest-scored optional point; the
  -- best point of each paragraph and every #must point stay.
  local function words()
    local n = 0
    for _, p in ipairs(chosen) do n = n + p.words end
    return n
  end
  local function kept(p)
    if p.tags.must then return true end
    if not core[p.role] then return false end
    for _, q in ipairs(chosen) do
      if q ~= p and q.role == p.role and by_score(q, p) then return false end
    end
    return true
  end
  while words() > budget do
    local worst
    for i, p in ipairs(chosen) do
      if not kept(p) and
         (worst == nil or by_score(chosen[worst], p)) then
        worst = i
      end
    end
    if worst == nil then break end
    local p = table.remove(chosen, worst)
    p.paragraph, p.role = nil, nil
    p.why_not = string.format("over the word budget (%d words for points)",
                              budget)
  end

  -- In the order of the draft: by paragraph, then as the roles come.
  for _, p in ipairs(points) do
    if not p.paragraph and not p.why_not then
      if p.skip then
        p.why_not = "skipped"
      elseif p.section == "other" or p.section == "private" then
        p.why_not = "not one of the six questions"
      end
    end
  end
  return chosen
end

-- ---- composing -----------------------------------------------------------

-- Words that may start a fragment and are not names: these are lowered
-- when the fragment goes mid-sentence ("The board" -> "the board").
local starters = {}
for w in ([[a an the this that these those their our my his her its your
  every each some any all most many much more less one two three four five
  when where how what why while after before during since because if
  cutting building leading running moving shipping]]):gmatch("%a+") do
  starters[w] = true
end

for w in ([[new old big small large first last next early late daily weekly
  monthly annual open closed current recent strong weak high low faster
  slower better worse real full half whole same different only main key
  several both other another such no not nearly almost over under about
  around team teams people customers clients users patients staff
  engineers nurses managers sales revenue costs budget growth retention
  turnover churn demand supply quality safety data product products
  platform process processes operations delivery deliveries routes
  releases deploys board leadership hiring onboarding training
  everyone nobody someone they we you he she it there here]]):gmatch("%a+") do
  starters[w] = true
end

-- Verbs in the past tense that start a résumé-style fragment.
local past = {}
for w in ([[led built cut ran grew drove made won took set brought wrote
  sold kept spent got held rebuilt found taught chose began became went
  did sat oversaw shrank hit put beat overhauled]]):gmatch("%a+") do
  past[w] = true
end
local not_past = {need = true, speed = true, seed = true, feed = true,
  bed = true, red = true, shed = true, hundred = true, indeed = true}

-- Verbs that start advice ("Talk to Anita before round two").
local imperative = {}
for w in ([[talk read bring show lead ask send prepare focus come think be
  keep make meet reach look review share write expect emphasize speak
  follow get use consider do don't prepare tell check call email]]):gmatch("[%a']+") do
  imperative[w] = true
end

-- Words that make a fragment a clause ("Nurse turnover hit 28%").
local verbs = {}
for w in ([[is are was were has have had will would can could should may
  might must does do did cares care runs run wants want needs need plans
  plan hit hits ships ship stall stalls grew grows takes take spends spend
  breaks break gets get moves move sits sit goes go loses lose costs cost
  missed misses opens open launches launch uses use lacks lack struggles
  struggle weigh weighs expects expect face faces faced own owns
  isn't aren't wasn't doesn't don't can't won't]]):gmatch("[%a']+") do
  verbs[w] = true
end

-- The first n words of s (all of them when n is nil).
local function words_of(s, n)
  local t = {}
  for w in s:gmatch("[%w\128-\255'\u{2019}%-]+") do
    t[#t + 1] = w
    if n and #t >= n then break end
  end
  return t
end

local function first_word(s)
  return (s:match("^[%w\128-\255'\u{2019}%-]+") or "")
end

-- The text of a point as a sentence part: tags, mentions and a leading
-- "Name:" dropped, blanks folded, no trailing punctuation.
-- Trailing blanks and , ; : - as a loop from the end: a pattern anchored
-- with $ would be tried at every position of the text.
local function trim_end(text)
  local n = #text
  while n > 0 do
    local c = text:byte(n)
    if c == 32 or c == 9 or c == 44 or c == 59 or c == 58 or c == 45 then
      n = n - 1
    else
      break
    end
  end
  return text:sub(1, n)
end

local function clean(text)
  local changed = false
  if text:find("@", 1, true) then
    text = text:gsub("%(%s*@[^%)]*%)", "")
    text = text:gsub("^%s*@[%w_%.%-\128-\255]+%s*[:,]%s*", "")
    changed = true
  end
  if text:find(":", 1, true) then
    local n
    text, n = text:gsub("^%u[%w\128-\255]*:%s+", "")
    changed = changed or n > 0
  end
  if text:find("#", 1, true) then
    text = text:gsub("%f[^%s]#%a[%w_/%-]*", "")
    changed = true
  end
  -- the text of a point comes with its blanks folded already; only what
  -- was taken out above leaves blanks to fold
  if changed then
    text = text:gsub("%s+", " "):gsub("^ ", "")
    text = text:gsub(" ([,.;:!?])", "%1")
  end
  return trim_end(text)
end

-- The first clause only: what follows ";", " - " or a full stop is
-- usually a note to self ("; he asked who else was involved").
local abbreviations = {st = true, dr = true, mr = true, mrs = true,
  ms = true, inc = true, co = true, ltd = true, vs = true, jr = true,
  sr = true, no = true, dept = true, approx = true, etc = true}

-- Where the first sentence of text ends (a full stop not after "St." or
-- "Dr."), or nil.
local function sentence_end(text)
  local from = 1
  while true do
    local at = text:find("[%.!?][\"'\u{201D}]?%s+[%u\"]", from)
    if not at then return nil end
    local word = text:sub(1, at - 1):match("([%a]+)$") or ""
    if not abbreviations[word:lower()] and not word:match("^%u$") then
      return at
    end
    from = at + 1
  end
end

local function first_clause(text)
  local cut = text:find(";%s") or text:find("%s[-\u{2013}\u{2014}]%s") or
              sentence_end(text)
  if cut and cut > 12 then text = text:sub(1, cut - 1) end
  return (text:gsub("[%s,;:%.]+$", ""))
end

-- What the note itself says about a word, asked only when a fragment
-- starts with a word that is neither a known starter nor "I": written in
-- lower case mid-sentence, it is a common word and may be lowered; written
-- capitalised mid-sentence, or in the company's name, it is a name and
-- keeps its capital anywhere.
local corpus, fields, seen = "", "", {}
-- the note learnt last, held weakly: a filter's locals outlive the note,
-- and a note kept alive would count against the next one's memory cap
local learnt = setmetatable({}, {__mode = "k"})
local clauses = {} -- text -> whether it reads as a clause, for one note

local function learn_words(note)
  -- once per note: compose runs once per member of a panel
  if learnt[note] then return end
  learnt = setmetatable({[note] = true}, {__mode = "k"})
  local texts = {}
  for _, p in ipairs(note.points or {}) do texts[#texts + 1] = p.text end
  corpus = " " .. table.concat(texts, " ") .. " "
  fields = " " .. (note.company or "") .. " " .. (note.role or "") .. " "
  seen = {}
  clauses = {}
end

-- Whether w occurs in hay as a word written after a blank (and, when mid
-- is true, after a blank that does not follow the end of a sentence or a
-- colon), followed by anything but a letter or digit.  A plain search and
-- a look at the bytes around each hit: a pattern starting with %s would
-- be tried at every position of the note.
local function occurs(hay, w, mid)
  local from = 1
  while true do
    local a, b = hay:find(w, from, true)
    if not a then return false end
    local d = hay:byte(b + 1)
    local k = a - 1
    local c = hay:byte(k)
    if c and (c == 32 or (c >= 9 and c <= 13)) and not (d and (d >= 128 or
        (d >= 48 and d <= 57) or (d >= 65 and d <= 90) or
        (d >= 97 and d <= 122))) then
      if not mid then return true end
      while c and (c == 32 or (c >= 9 and c <= 13)) do
        k = k - 1
        c = hay:byte(k)
      end
      -- . ! ? :
      if c and c ~= 46 and c ~= 33 and c ~= 63 and c ~= 58 then
        return true
      end
    end
    from = a + 1
  end
end

local function seen_lower(lw)
  local key = "l" .. lw
  if seen[key] == nil then
    seen[key] = occurs(corpus, lw, false)
  end
  return seen[key]
end

local function is_name(w)
  local key = "n" .. w
  if seen[key] == nil then
    seen[key] = occurs(fields, w, false) or occurs(corpus, w, true)
  end
  return seen[key]
end

local function lower_first(s)
  local w = first_word(s)
  if w == "I" or w:match("^I['\u{2019}]") or w:match("^%u%u") then
    return s
  end
  local lw = w:lower()
  if starters[lw] or (lw:match("^%l+ing$") and #lw > 5) or seen_lower(lw)
  then
    return lw .. s:sub(#w + 1)
  end
  return s
end

-- Whether lower_first would lower s (or it starts in lower case already):
-- then s can follow "that" mid-sentence.
local function lowers(s)
  return lower_first(s):match("^[%l\"']") ~= nil or first_word(s) == "I" or
         is_name(first_word(s))
end

local function capitalize(s)
  return (s:gsub("^%l", string.upper))
end

-- Closing quotes and brackets (bytes of " ' ) \u{201D} \u{2019}) that
-- may follow the full stop of a sentence.
local closers = {[34] = true, [39] = true, [41] = true, [0xE2] = true,
                 [0x80] = true, [0x9D] = true, [0x99] = true}

local function sentence(s)
  s = capitalize(s)
  -- from the end, as a loop: a pattern anchored with $ would be tried at
  -- every position of the text
  local n = #s
  while n > 0 and closers[s:byte(n)] do n = n - 1 end
  local c = s:byte(n)
  if not (c == 46 or c == 33 or c == 63) then s = s .. "." end
  return s
end

-- "They're moving to Rust" -> "you're moving to Rust": the interviewer
-- speaks for the organisation.
local function to_you(s)
  return (s:gsub("^They're ", "you're "):gsub("^They ", "you ")
           :gsub("^Their ", "your "):gsub("^They\u{2019}re ", "you're "))
end

local function is_first_person(s)
  local w = words_of(s, 6)
  if w[1] == "I" or (w[1] or ""):match("^I['\u{2019}]") or w[1] == "We" then
    return true
  end
  -- "At Mercy West I cut nurse turnover ..."
  for i = 2, math.min(#w, 6) do
    if w[i] == "I" then return true end
  end
  return false
end

local function is_past(s)
  local w = first_word(s):lower()
  if past[w] then return true end
  return #w >= 5 and w:match("ed$") ~= nil and not not_past[w]
end

local function is_gerund(s)
  local w = first_word(s):lower()
  return #w > 5 and w:match("^%l+ing$") ~= nil
end

local function is_clause_of(s)
  local w = words_of(s, 7)
  if w[1] and (w[1]:match("['\u{2019}]re$") or w[1]:match("['\u{2019}]s$"))
  then
    return true
  end
  for i = 2, math.min(#w, 7) do
    local lw = w[i]:lower()
    if verbs[lw] or lw:match("'s$") or lw:match("\u{2019}s$") then
      return true
    end
  end
  return false
end

local function is_clause(s)
  local known = clauses[s]
  if known ~= nil then return known end
  known = is_clause_of(s)
  clauses[s] = known
  return known
end

local function is_imperative(s)
  return imperative[first_word(s):lower()] == true
end

-- "I cut X" -> "I also cut X"; "Led Y" -> "I also led Y".
local function also(s)
  if s:match("^I%s") then return "I also " .. s:sub(3) end
  if is_past(s) then return "I also " .. lower_first(s:lower():sub(1, 1) ..
    s:sub(2)) end
  return s
end

-- A résumé fragment in the first person: "Led Y" -> "I led Y".
local function own(s)
  if is_past(s) then return "I " .. s:sub(1, 1):lower() .. s:sub(2) end
  return s
end

-- Markdown would read *, _, [, <, ` and \ as markup: escape them, so a
-- note's text reaches every format as text.
local function md(s)
  return sr.escape(s)
end

-- @mentions read as names: the recipient's as "you", another's as the
-- name it stands for.
local function mentions(s, note)
  if not s:find("@", 1, true) then return s end
  return (s:gsub("@([%w_%.%-\128-\255]+)", function(m)
    local lm = m:lower()
    local to = note.to and note.to.name and note.to.name:match("^(%S+)")
    if to and to:lower() == lm then return "you" end
    for _, p in ipairs(note.interviewers or {}) do
      local first = p.name and p.name:match("^(%S+)")
      if first and first:lower() == lm then return first end
    end
    return (m:gsub("^%l", string.upper))
  end))
end

local third_person_verbs = {"asked", "said", "told", "wanted", "pushed",
  "challenged", "mentioned", "pressed", "had", "was", "seemed", "raised",
  "brought"}

-- In a correction, the one interviewer is "you": "she asked" -> "you
-- asked"; and a fragment "Should have said X" gets its "I".
local function second_person(s, note)
  if #(note.interviewers or {}) == 1 and s:find("he ", 1, true) then
    local ls = s:lower()
    for _, v in ipairs(third_person_verbs) do
      -- a plain search first: the patterns scan the whole text
      if ls:find("he " .. v, 1, true) then
        s = s:gsub("%f[%a][Hh]e " .. v .. "%f[%A]", "you " .. v)
        s = s:gsub("%f[%a][Ss]he " .. v .. "%f[%A]", "you " .. v)
      end
    end
    s = s:gsub("^you ", "You "):gsub("([%.!?]%s+)you ", "%1You ")
  end
  s = s:gsub("^([Ss]hould)", "I should"):gsub("([%.!?]%s+)Should ", "%1I should ")
  s = s:gsub("^([Ww]ould have)", "I would have")
  s = s:gsub("^I should", "I should"):gsub("^I [Ss]hould", "I should")
  return s
end

-- The interviewer named in the third person becomes "you".
local function address(s, to)
  if not (to and to.name) then return s end
  local names = {to.name, to.name:match("^(%S+)")}
  for _, n in ipairs(names) do
    if not s:find(n, 1, true) then goto next end
    local q = n:gsub("%p", "%%%0")
    s = s:gsub("%f[%w]" .. q .. "['\u{2019}]s%f[%W]", "your")
    for _, v in ipairs({"with", "to", "told", "asked", "showed", "gave",
                        "pushed", "challenged"}) do
      s = s:gsub("%f[%w]" .. v .. " " .. q .. "%f[%W]", v .. " you")
    end
    ::next::
  end
  return s
end

local function first_name(person)
  return person and person.name and person.name:match("^(%S+)") or nil
end

-- A subject of at most 60 characters: the role and, when their problem
-- and your evidence share words, what they share.
local function subject(note, problem, evidence)
  local topic
  if problem and evidence then
    local shared = sr.overlap(problem.text, evidence.text)
    if #shared > 0 then
      topic = shared[1]
      if shared[2] and problem.text:lower():find(shared[1] .. " " ..
                                                 shared[2], 1, true) then
        topic = topic .. " " .. shared[2]
      end
    end
  end
  local role, company = note.role, note.company
  local options = {}
  if role and topic and company then
    options[#options + 1] = role .. ": " .. topic .. " at " .. company
  end
  if role and topic then options[#options + 1] = role .. ": " .. topic end
  if role and company then options[#options + 1] = role .. " at " .. company end
  if role then options[#options + 1] = role end
  if company then
    options[#options + 1] = "Our conversation at " .. company
  end
  options[#options + 1] = "Following up on our conversation"
  for _, o in ipairs(options) do
    if utf8.len(o) and utf8.len(o) <= 60 then return o end
  end
  return options[#options]
end

local function compose(chosen, note)
  local budget = note.max_words or 150
  learn_words(note)
  local by_role = {}
  for _, p in ipairs(chosen) do
    local list = by_role[p.role or p.section] or {}
    list[#list + 1] = p
    by_role[p.role or p.section] = list
  end
  local function take(role, i) return (by_role[role] or {})[i or 1] end

  -- Each sentence: its paragraph, its text, and whether it may go when
  -- the body is over budget (the lowest `keep` goes first).
  local sentences = {}
  local function say(para, text, keep)
    if text and text ~= "" then
      sentences[#sentences + 1] = {para = para, text = text, keep = keep}
    end
  end

  -- 1: thanks, and the moment that connected
  local role, company = note.role, note.company
  if role then
    say(1, "Thank you for our conversation about the " .. md(role) ..
        " role" .. (company and (" at " .. md(company)) or "") .. ".", 99)
  elseif company then
    say(1, "Thank you for our conversation at " .. md(company) .. ".", 99)
  else
    say(1, "Thank you for our conversation.", 99)
  end
  -- the text of a point, ready to be woven in
  local function text_of(p) return mentions(clean(p.text), note) end

  for i, p in ipairs(by_role.connect or {}) do
    local t = first_clause(text_of(p))
    local keep = i == 1 and 50 or p.score
    if p.section == "excited_me" then
      t = to_you(t)
      if is_first_person(t) then
        say(1, md(sentence(t)), keep)
      elseif is_clause(t) and lowers(t) then
        say(1, "I enjoyed hearing that " .. md(lower_first(t)) .. ".", keep)
      elseif not is_clause(t) then
        say(1, "I enjoyed hearing about " .. md(lower_first(t)) .. ".", keep)
      else
        say(1, "I especially enjoyed one thing you shared: " ..
            md(sentence(t)), keep)
      end
    else
      local after = t:match(":%s+(I%s.*)$")
      if after then t = after end
      local head, rest = t:match("^(.-):%s+(.*)$")
      if head and is_past(rest) and not is_clause(head) then
        t = head .. ", where " .. own(rest)
      end
      if first_word(t):lower() == "when" then
        say(1, "You seemed most interested " .. md(lower_first(t)) .. ".",
            keep)
      elseif t:match("^I%s") then
        say(1, "I was glad we got to talk about how " .. md(t) .. ".", keep)
      elseif not is_clause(t) then
        say(1, "I was glad we got to talk about " .. md(lower_first(t)) ..
            ".", keep)
      else
        say(1, "I was glad we got to talk about this: " .. md(sentence(t)),
            keep)
      end
    end
  end

  -- 2: their problem, your evidence, their guidance
  local problem, guidance = take("problem"), take("guidance")
  local pt = problem and to_you(text_of(problem))
  local gt = guidance and text_of(guidance)
  local advice = gt and is_imperative(gt)
  local function told(t) return is_clause(t) and lowers(t) end
  -- "Sterile processing backlog: trays late" reads as a heading and its
  -- detail: "Sterile processing backlog (trays late)".
  local function detail(t)
    local head, rest = t:match("^(.-):%s+(.*)$")
    if head and not is_clause(head) then return head .. " (" .. rest .. ")" end
    return t
  end
  if pt and gt and not advice and told(to_you(gt)) and told(pt) then
    say(2, "You told me that " .. md(lower_first(to_you(gt))) ..
        ", and that " .. md(lower_first(pt)) .. ".", 60)
  else
    if pt then
      if told(pt) then
        say(2, "You told me that " .. md(lower_first(pt)) .. ".", 60)
      else
        say(2, "One challenge you described: " .. md(sentence(detail(pt))),
            60)
      end
    end
    if gt and not advice then
      gt = to_you(gt)
      if told(gt) then
        say(2, (pt and "I also took your point that " or "You told me that ")
            .. md(lower_first(gt)) .. ".", pt and guidance.score or 40)
      else
        say(2, "You also said: " .. md(sentence(gt)), pt and guidance.score
            or 40)
      end
    end
  end
  local first_evidence = take("evidence")
  for i, p in ipairs(by_role.evidence or {}) do
    local t = text_of(p)
    if i == 1 then
      t = own(t)
      say(2, md(sentence(t)), 70)
      if problem and company and #sr.overlap(p.text, problem.text) > 0 then
        say(2, "I would bring the same approach to " .. md(company) .. ".",
            5)
      end
    else
      say(2, md(sentence(also(t))), p.score)
    end
  end

  -- 3: the honest correction, and the next step
  local correction = take("correction")
  if correction then
    local t = second_person(address(text_of(correction), note.to), note)
    if t:match("^I%s+%a+") and (t:match("^I said") or t:match("^I told")
        or t:match("^I called") or t:match("^I claimed")) then
      say(3, "One correction: " .. md(sentence(t)), 80)
    else
      say(3, "I owe you a correction. " .. md(sentence(t)), 80)
    end
  end
  if advice then
    say(3, "As you suggested, I will " .. md(lower_first(
        gt:sub(1, 1):lower() .. gt:sub(2))) .. ".", 30)
  end
  say(3, "I would welcome the next conversation and can make time this " ..
      "week.", 90)

  -- Keep to the budget: drop whole sentences, the least needed first.
  local function count()
    local n = 0
    for _, s in ipairs(sentences) do n = n + sr.words(s.text) end
    return n
  end
  while count() > budget do
    local worst
    for i, s in ipairs(sentences) do
      if s.keep < 50 and (worst == nil or s.keep < sentences[worst].keep) then
        worst = i
      end
    end
    if not worst then break end
    table.remove(sentences, worst)
  end

  local paragraphs = {}
  for para = 1, 3 do
    local parts = {}
    for _, s in ipairs(sentences) do
      if s.para == para then parts[#parts + 1] = s.text end
    end
    if #parts > 0 then paragraphs[#paragraphs + 1] = table.concat(parts, " ") end
  end

  local name = first_name(note.to)
  return {
    to = note.to,
    from = note.candidate,
    subject = subject(note, problem, first_evidence),
    greeting = name and ("Dear " .. md(name) .. ",") or "Hello,",
    paragraphs = paragraphs,
    closing = "Best regards,",
    signature = note.candidate and note.candidate.name and
                md(note.candidate.name) or nil,
    send_by = note.send_by,
    points = chosen,
    max_words = budget,
  }
end

return {select = select, compose = compose}

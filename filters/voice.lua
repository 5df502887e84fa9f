-- voice.lua: from note-speak to email prose, one point at a time.
--
-- Notes are shorthand written for oneself, about the interviewer in the
-- third person; the email is prose written to them.  The composer
-- (default.lua) asks this module, for each point it uses:
--
--   voice.normalize(text)        shorthand expanded, self-talk dropped,
--                                 blanks, casing and punctuation made right
--   voice.address(text, who)     the reader made "you", the verb agreeing
--   voice.form(text)             what shape of words it is, so the slot can
--                                 pick a wording that fits it
--   voice.sentences(text)        its sentences
--   voice.unresolved(text, who)  what is left that a rule could not make
--                                 right (a pronoun for the reader, raw
--                                 shorthand), for the user to word with say:
--
-- Its word lists are data at the top of the file; every rule is a short
-- function below them.  A filter can require "voice" and use the same rules.

local voice = {}

-- ---- data ----------------------------------------------------------------

-- Shorthand as people write it after an interview, and its long form.
-- Each entry is a whole word (case aside) unless it holds punctuation.
voice.shorthand = {
  abt = "about", b4 = "before", ur = "your", bc = "because", esp = "especially",
  wknd = "weekend", wknds = "weekends", wkend = "weekend", wkends = "weekends",
  mth = "month", mths = "months",
  thru = "through", tonite = "tonight", tmrw = "tomorrow", ppl = "people",
  mgmt = "management", mgr = "manager", mgrs = "managers", govt =
  "government", dept = "department", exp = "experience", sched =
  "schedule", stn = "station", prob = "probably", probs = "problems",
  mtg = "meeting", mtgs = "meetings", convo = "conversation", approx =
  "about", yr = "year", yrs = "years", wk = "week", wks = "weeks",
  mo = "month", mos = "months", hr = "hour", hrs = "hours", qtr =
  "quarter", q = "question", ["q's"] = "questions", qs = "questions",
  pls = "please", thx = "thanks", info = "information", dont = "don't",
  doesnt = "doesn't", didnt = "didn't", cant = "can't", wont = "won't",
  isnt = "isn't", wasnt = "wasn't", shouldve = "should have", wouldve =
  "would have", couldve = "could have", shoulda = "should have",
  woulda = "would have", im = "I'm", ive = "I've", ["i'd"] = "I'd",
  ["i'm"] = "I'm", ["i've"] = "I've", ["i'll"] = "I'll", i = "I",
  msg = "message", msgs = "messages", thats = "that's", whats = "what's",
  theres = "there's", avg = "on average",
  pt = "patient", pts = "patients", w = "with", ["sat/sun"] =
  "Saturdays and Sundays", cert = "certificate", certs = "certificates",
  nxt = "next", alot = "a lot", eng = "engineering", hes = "he's",
  shes = "she's", incl = "including", pax = "passengers",
  diff = "different", meds = "medicines", shud = "should", shd = "should",
  fwd = "forward", fwding = "forwarding", fwded = "forwarded",
  wud = "would", cud = "could", couldnt = "couldn't",
  wouldnt = "wouldn't", shouldnt = "shouldn't", hasnt = "hasn't",
  havent = "haven't", hadnt = "hadn't", arent = "aren't", werent =
  "weren't", theyre = "they're", youre = "you're", theyll = "they'll",
  youll = "you'll", xmas = "Christmas", yoy = "year on year",
  svc = "service", svcs = "services",
  til = "until", ["'til"] = "until", mgmt = "management",
  mgr = "manager", mgrs = "managers", asap = "as soon as possible",
  depts = "departments", appt = "appointment", appts = "appointments",
  hods = "heads of department",
  techs = "technicians", deps = "dependencies", refs = "references",
  tix = "tickets", invig = "invigilation", invigs = "invigilators",
  qual = "qualification", quals = "qualifications",
}

-- Misspellings common enough to be sure of, and the word meant.
local typos = {}
for wrong, right in ([[loosing=losing threatend=threatened availablity=availability
  theyve=they've weve=we've youve=you've
  hygene=hygiene recieve=receive recieved=received definately=definitely
  seperate=separate untill=until occured=occurred accomodate=accommodate
  becuase=because thier=their buisness=business managment=management
  enviroment=environment goverment=government commited=committed
  begining=beginning calender=calendar experiance=experience
  sucess=success succesful=successful tommorow=tomorrow wierd=weird
  truely=truly arguement=argument refered=referred prefered=preferred
  transfered=transferred questionaires=questionnaires
  questionaire=questionnaire intrested=interested intresting=interesting
  responsability=responsibility adress=address wich=which teh=the
  acheive=achieve acheived=achieved beleive=believe neccessary=necessary
  occassion=occasion recomend=recommend recomended=recommended
  persue=pursue copys=copies dosent=doesn't doesnt=doesn't realy=really
  finaly=finally basicly=basically comming=coming freind=friend
  accross=across agressive=aggressive apparantly=apparently
  collegue=colleague collegues=colleagues foward=forward happend=happened
  immediatly=immediately independant=independent knowlege=knowledge
  liason=liaison noticable=noticeable reccomend=recommend
  relevent=relevant wether=whether writting=writing
  maintainance=maintenance suprise=surprise suprised=surprised
  threshhold=threshold tomorow=tomorrow insted=instead
  inconsistant=inconsistent]]):gmatch("(%a+)=([%a']+)") do
  typos[wrong] = right
end

-- Small talk: a point about these, with no number in it, is not for the
-- email ("we talked about dogs for 5 min", "nice break room").
voice.smalltalk = {"dog", "dogs", "cat", "cats", "weather", "parking",
  "football", "soccer", "holiday", "vacation", "lunch", "coffee",
  "break room", "greyhounds", "traffic", "commute"}

-- After a number, these read as units: "3 yrs" -> "3 years", "8 mo" ->
-- "8 months" (but "last mo" -> "last month").
local units = {yr = "years", yrs = "years", mo = "months", mos = "months",
  wk = "weeks", wks = "weeks", hr = "hours", hrs = "hours", min =
  "minutes", mins = "minutes", sec = "seconds", k = "thousand"}
local per = {day = "a day", wk = "a week", week = "a week", mo = "a month",
  month = "a month", yr = "a year", year = "a year", hr = "an hour",
  hour = "an hour", qtr = "a quarter", quarter = "a quarter", shift =
  "a shift"}
-- Pairs a slash joins that stay as written ("and/or", "yes/no").
local slash_pairs = {}
for w in ([[and/or either/or yes/no on/off in/out pass/fail his/her he/she
  him/her input/output read/write am/pm day/night pre/post before/after
  they/them she/her he/him win/loss profit/loss remote/hybrid
  full/part yes/no true/false]]):gmatch("%S+") do
  slash_pairs[w] = true
end
local times = {["1x"] = "once", ["2x"] = "twice", ["3x"] = "three times",
  ["4x"] = "four times"}

-- Self-talk: words and short sentences written to oneself, never to the
-- interviewer.  A sentence made only of these (and punctuation) goes.
voice.selftalk = {"lol", "lmao", "haha", "ha", "ugh", "oops", "meh", "dumb",
  "idk", "smh", "yikes", "argh", "doh", "kinda", "sorta", "tbh", "ngl"}
local selftalk_set = {}
for _, w in ipairs(voice.selftalk) do selftalk_set[w] = true end

-- Whole sentences a writer says to themself about their own answer.
voice.verdicts = {"not true", "wrong", "so wrong", "dumb", "bad answer",
  "idiot", "stupid", "so stupid", "stupid me", "what an idiot",
  "waffly", "waffled", "rambly", "cringe", "embarrassing", "misspoke",
  "weak answer", "bad look", "sounds passive", "sounded passive",
  "rambled", "i rambled", "classic", "facepalm", "big mistake",
  "mistake", "not great", "awkward", "oh well", "nothing really",
  "felt like a good conversation", "prob not relevant",
  "probably not relevant", "not relevant", "i think", "not sure",
  "i think so", "weak", "bad word", "bad", "vague", "ouch", "yikes",
  "should have said that", "i should have said that",
  "should've said that", "i should've said that",
  -- (on the interview as a whole)
  "better than i expected", "better than expected", "went well",
  "went ok", "went okay", "went better than expected", "good interview",
  "good vibes", "good vibe", "good chat", "overall good", "not bad"}
local verdict_set = {}
for _, w in ipairs(voice.verdicts) do verdict_set[w] = true end

-- Third-person verbs and the form they take after "you".
local agree = {is = "are", was = "were", has = "have", does = "do",
  ["isn't"] = "aren't", ["wasn't"] = "weren't", ["hasn't"] = "haven't",
  ["doesn't"] = "don't", ["'s"] = "'re", says = "say", goes = "go",
  tries = "try", ["'d"] = "'d", ["'ll"] = "'ll"}
-- Third-person -s verbs whose base is the word without the s.
local s_verbs = {}
for w in ([[want need care like run plan think feel expect seem look
  know ask mention prefer hope believe worry love hate hire manage lead
  own use value read keep spend lose get make take see push call work
  insist suggest recommend agree struggle face handle report say
  start plan open offer join merge grow expand close launch move
  need hire come depend rely remain stay reckon guess admit estimate
  doubt mean find give arrive reopen return happen begin double triple
  halve save reduce put]]):gmatch("%a+") do
  s_verbs[w .. "s"] = w
end

-- Words that may stand between the subject and its verb.
local adverbs = {really = true, also = true, just = true, still = true,
  always = true, never = true, already = true, ["then"] = true, clearly =
  true, definitely = true, probably = true, obviously = true, actually =
  true, usually = true, often = true, mostly = true, only = true}

-- Verbs in the past tense that start a résumé fragment ("Led a team").
local past = {}
for w in ([[led built cut ran grew drove made won took set brought wrote
  sold kept spent got held rebuilt found taught chose began became went
  did sat oversaw shrank hit put beat overhauled closed launched reduced
  raised saved filled moved signed oriented trained managed designed
  delivered introduced created started opened hired mentored redesigned
  negotiated shipped migrated automated scaled doubled tripled halved
  improved increased decreased lowered wired passed caught supervised
  coordinated organized organised planned handled implemented
  established developed wrote coached piloted lost missed failed dropped
  slipped fell rose had gave showed explained
  presented pitched shared]]):gmatch("%a+") do
  past[w] = true
end

-- Past verbs that say what a thing led to, after an arrow ("tag on
-- the QA form -> fed into process fixes"): not a past form that names
-- a state ("manual -> automated reports").
local leads_to = {}
for w in ([[fed led cut saved halved doubled tripled brought took
  freed gave meant helped reduced]]):gmatch("%a+") do
  leads_to[w] = true
end

-- Verbs that start advice ("Talk to Anita before round two").
local imperative = {}
for w in ([[talk read bring show lead ask send prepare focus come think be
  keep make meet reach look review share write expect emphasize speak
  follow get use consider do don't tell check call email practise
  practice study learn label watch dress arrive plan mention brush
  avoid remember try present visit rehearse revise]]):gmatch("[%a']+") do
  imperative[w] = true
end

-- Words after which a note's "id" opens a clause.
voice.id_after = {}
for w in ([[said say says how that like if when what where why think
  thought hope guess because so and but said whether]]):gmatch("%a+") do
  voice.id_after[w] = true
end
-- Verbs after a note's "id" that make it "I'd" (with those of advice).
voice.id_verbs = {}
for w in ([[handle rush have go love like rather need want do say take
  put run start hire fix build choose leave move stay quit push]]):gmatch("%a+") do
  voice.id_verbs[w] = true
end

-- Base verbs that start a first-person fragment ("have my food handler
-- cert", "can do doubles").
local first_verbs = {have = true, can = true, am = true, live = true,
  speak = true, know = true, hold = true, ["can't"] = true, used = true}

-- Words after which a fragment is a clause ("Nurse turnover hit 28%").
local verbs = {}
for w in ([[is are was were has have had will would can could should may
  might must does do did cares care runs run wants want needs need plans
  plan hit hits ships ship stall stalls grew grows takes take spends spend
  breaks break gets get moves move sits sit goes go loses lose costs cost
  missed misses opens open launches launch uses use lacks lack struggles
  struggle weigh weighs expects expect face faces faced own owns went
  isn't aren't wasn't doesn't don't can't won't said told asked liked
  complain complains rotate rotates splits split got dropped fell rose
  went came became grew lost]]):gmatch("[%a']+") do
  verbs[w] = true
end

-- Days as notes shorten them, read as days only where a day is meant
-- ("sat 8am", "next tue"; not "I sat on", "Mon-Thu covers").
local days = {mon = "Monday", tue = "Tuesday", tues = "Tuesday",
  wed = "Wednesday", weds = "Wednesday", thu = "Thursday", thur = "Thursday",
  thurs = "Thursday", fri = "Friday", sat = "Saturday", sun = "Sunday"}
local day_after = {next = true, on = true, by = true, this = true,
  ["until"] = true, every = true, last = true}
-- Names written in lower case in a hurry: always capitalised.
local proper = {}
for w in ([[monday tuesday wednesday thursday friday saturday sunday
  mondays tuesdays wednesdays thursdays fridays saturdays sundays
  english spanish french german italian portuguese mandarin cantonese
  arabic hindi urdu polish russian japanese korean dutch welsh tagalog
  punjabi bengali turkish greek swedish ukrainian romanian vietnamese
  hebrew farsi somali swahili gujarati tamil christmas easter
  ramadan diwali instagram facebook android january february april
  june july august september october november december]]):gmatch("%a+") do
  proper[w] = w:sub(1, 1):upper() .. w:sub(2)
end
-- (names with a capital inside)
for w in ([[LinkedIn YouTube TikTok WhatsApp iPhone iPad iOS]]):gmatch("%a+") do
  proper[w:lower()] = w
end
local day_parts = {dinner = true, lunch = true, breakfast = true,
  brunch = true, service = true, shift = true, night = true,
  morning = true, afternoon = true, evening = true, mornings = true,
  nights = true, afternoons = true, evenings = true, shifts = true}

-- ---- small helpers -------------------------------------------------------

-- s without the characters of class (a set such as "[%p%s]") at its end:
-- a loop, where gsub("[%p%s]+$", "") would try the run from each of its
-- characters, a time quadratic in a long run that does not end s.
local function strip_end(s, class)
  local n = #s
  while n > 0 and s:find(class, n) == n do n = n - 1 end
  return s:sub(1, n)
end
voice.strip_end = strip_end

local function trim(s)
  local a = s:find("%S")
  return a and strip_end(s:sub(a), "%s") or ""
end

local function first_word(s)
  return s:match("^[%w\128-\255'\u{2019}%-]+") or ""
end

-- A pass of gsub costs over the whole text, matched or not, where a plain
-- find costs little: a rule is tried only where the text holds a plain
-- string that each of its matches holds.
local function gsub_if(s, plain, pattern, repl)
  if not s:find(plain, 1, true) then return s end
  return (s:gsub(pattern, repl))
end

-- Whether s holds w as a whole word: s:find("%f[%a]" .. w .. "%f[%A]"),
-- looked for only where w is (a word of letters; another, by that pattern).
local function has_word(s, w)
  if w:find("%A") then return s:find("%f[%a]" .. w .. "%f[%A]") ~= nil end
  local from = 1
  while true do
    local a, b = s:find(w, from, true)
    if not a then return false end
    if (a == 1 or not s:find("^%a", a - 1)) and not s:find("^%a", b + 1) then
      return true
    end
    from = a + 1
  end
end

-- How many times s holds w (a word of letters) as a whole word.
local function count_word(s, w)
  local n, from = 0, 1
  while true do
    local a, b = s:find(w, from, true)
    if not a then return n end
    if (a == 1 or not s:find("^%a", a - 1)) and not s:find("^%a", b + 1) then
      n = n + 1
    end
    from = a + 1
  end
end

-- s:gsub("%s+", " "), when a blank other than one space is there.
local function squeeze(s)
  if s:find("  ", 1, true) or s:find("\t", 1, true) or
     s:find("\n", 1, true) or s:find("\r", 1, true) or
     s:find("\v", 1, true) or s:find("\f", 1, true) then
    return (s:gsub("%s+", " "))
  end
  return s
end
voice.squeeze = squeeze

local function capitalize(s)
  return (s:gsub("^([\"'\u{201C}]?)(%l)", function(q, c)
    return q .. c:upper()
  end))
end
voice.capitalize = capitalize

-- ---- normalising ---------------------------------------------------------

-- One word of shorthand, its case kept where it matters.
local function expand_word(w, prev)
  -- "dashboards r stale": lower case only ("R" is a language)
  if w == "r" then return "are" end
  local lw = w:lower()
  local long = voice.shorthand[lw]
  if not (long or units[lw]) then
    local fix = typos[lw]
    if fix and w:match("^%u") then fix = fix:sub(1, 1):upper() .. fix:sub(2) end
    return fix or w
  end
  -- an acronym ("HR", "MO") is not shorthand
  if #w > 1 and not w:find("%l") then return w end
  if prev and units[lw] and prev:match("%d$") then
    -- "1 wk in 6" is one week
    if prev == "1" then return (units[lw]:gsub("s$", "")) end
    return units[lw]
  end
  if not long then return w end
  if lw == "i" then return "I" end
  -- "avg estate admin time" is the average; "3 days avg" is on average
  if lw == "avg" and not (prev and (prev:match("%d$") or
     units[prev:lower()] or prev:match("%l%ls$") or prev:match("[,;:]$")))
     then
    return w:match("^%u") and "Average" or "average"
  end
  if lw == "i.e" or lw == "e.g" then return w end
  -- (a capital of a mixed-case abbreviation, "YoY", starts no sentence)
  if w:match("^%u") and not long:match("^I") and not w:match("^%u%l+%u") then
    long = long:sub(1, 1):upper() .. long:sub(2)
  end
  return long
end

-- Shorthand with punctuation, and the symbols of note-taking.
local english = {to = "to", about = "about", ["and"] = "and",
  more_than = "more than"}

local function expand_symbols(s, words)
  words = words or english
  if words ~= english then
    -- another language: its words for the symbols, and nothing English
    s = s:gsub("(%d%S*)%s*%->%s*(%S*%d)", "%1 " .. words.to .. " %2")
    s = s:gsub("%s*%->%s*", " : "):gsub("%s*\u{2192}%s*", " : ")
    s = s:gsub("~%s*([%d%$\194\226])", words.about .. " %1")
    s = s:gsub("%s+%+%s+", " " .. words["and"] .. " ")
    s = s:gsub("%s+&%s+", " " .. words["and"] .. " ")
    return s
  end
  -- each rule only where its symbol is: most points have none
  local has = function(c) return s:find(c, 1, true) ~= nil end
  if has("->") or has("\u{2192}") then
    -- ("... at Lorne Ferries -> 70% of seasonal staff came back": what
    -- came of it)
    s = s:gsub("(%a)%s*%->%s*(~?%d[%d,%.]*%% of %l)", "%1, and %2")
    -- (not from a year to an amount: "capping grants from 2028 -> ~$400k
    -- hole" is what follows, not a change)
    s = s:gsub("()(%d%S*)%s*%->%s*(%S*%d)", function(at, a, b)
      if a:match("^[12]%d%d%d$") and not b:match("^[12]%d%d%d") then
        local before = s:sub(math.max(1, at - 7), at - 1):lower()
        if before:match("%f[%a]from%s+$") or before:match("%f[%a]in%s+$") or
           before:match("%f[%a]since%s+$") or before:match("%f[%a]by%s+$") or
           before:match("%f[%a]until%s+$") then
          return nil
        end
      end
      return a .. " to " .. b
    end)
    -- "22 min -> 6 min": a number and its unit
    s = s:gsub("(%d[%d,%.]*%s*%a+)%s*%->%s*(%S*%d)", "%1 to %2")
    -- "~7 min -> under 2": to a bound
    if s:find("%->%s*%a") then
      for _, q in ipairs({"under", "over", "below", "above", "about",
          "around", "nearly", "almost"}) do
        if s:find("-> " .. q, 1, true) or s:find("->" .. q, 1, true) then
          s = s:gsub("(%d%s*%a*)%s*%->%s*(" .. q .. " %S*%d)", "%1 to %2")
        end
      end
    end
    -- "the Airflow -> Dagster migration": from one name to another
    -- (only when a name follows an arrow: on a line of "A-A-A-..." each
    -- start was tried to the line's end)
    if s:find("%->%s*%u") then
      s = s:gsub("(%f[%w]%u[%w%-]*)%s*%->%s*(%u[%w%-]*)", "%1 to %2")
    end
    -- ("(Teleos -> ezyVet)": a name written in its own case)
    if s:find("%->%s*%l+%u") then
      s = s:gsub("(%f[%w]%u[%w%-]*)%s*%->%s*(%l+%u[%w%-]*)", "%1 to %2")
    end
    -- ("callouts down from ~60 a yr -> 15": from a figure and its
    -- unit, to another)
    s = s:gsub("(%f[%a]from%s+~?[%d,%.]+%%?%s+%a+%s?%a*%s?%a*)%s*%->%s*(~?%d)",
      "%1 to %2")
    -- ("objections 230 on the first application -> 38 on the
    -- resubmission": a figure and its occasion, to another)
    s = s:gsub("(%f[%w][%l%-]+) (%d[%d,%.]*%%?)( on [%l%s%-]-)%s*%->%s*(%d[%d,%.]*%%?)( on [%l%s%-]+)",
      "%1 from %2%3 to %4%5")
    -- "a root cause tag -> fed into process fixes": what it did next
    -- (not a thing done to it: "training budget -> cut by a third")
    s = s:gsub("(%l)%s*%->%s*(%l+)(%s+%l+)", function(a, w, rest)
      if leads_to[w] and rest ~= " by" then
        return a .. ", which " .. w .. rest
      end
    end)
    s = s:gsub("%s*%->%s*", ": ")
    s = s:gsub("%s*\u{2192}%s*", ": ")
  end
  if has("/") then
    s = s:gsub("%f[%a][Ss]at/[Ss]un%f[%A]", "weekends")
    s = s:gsub("%f[%w][Ww]/o%f[%W]", "without")
    s = s:gsub("%f[%w][Ww]/out%f[%W]", "without")
    s = s:gsub("%f[%w][Ww]/%s*", "with ")
    s = s:gsub("%f[%w][Bb]/c%f[%W]", "because")
    s = s:gsub("%f[%w]y/o%f[%W]", "-year-old")
    s = s:gsub("%f[%w](%dx)/(%a+)", function(n, unit)
      if times[n] and per[unit] then
        return times[n] .. " " .. per[unit]:gsub("^an? ", "a ")
      end
    end)
    s = s:gsub("(%d[%w%%]*)/(%a+)%f[%A]", function(n, unit)
      if per[unit] then return n .. " " .. per[unit] end
    end)
    s = s:gsub("(%a)/(day)%f[%A]", "%1 a %2")
    -- "12 kids/year", "5,400 pupils/year": a count of things a year
    s = s:gsub("(%d[%d,%.]*%s+%a+)/(%a+)%f[%A]", function(n, unit)
      if per[unit] then return n .. " " .. per[unit] end
    end)
    -- "broken brackets/pokey wires", "alert/action limits": both
    -- (words in lower case: not a path or an address, "CI/CD",
    -- "Wrong/too rigid", nor "and/or", "yes/no")
    s = s:gsub("()(%a+)/(%a+)()", function(at, a, b, e)
      local before, after = s:sub(at - 1, at - 1), s:sub(e, e)
      local prev = s:sub(math.max(1, at - 12), at - 1)
      if #a < 3 or #b < 3 or before:match("[%w%./:@%-_\128-\255]") or
         after:match("[%w/@%-_\128-\255]") or s:sub(e, e + 1):match("^%.%a") or
         prev:match("%d[%d,%.]*%s*$") or prev:match("%d[%d,%.]*%s+%a+%s*$") or
         not (a:match("^%l+$") and b:match("^%l+$")) or
         slash_pairs[a:lower() .. "/" .. b:lower()] then
        return nil
      end
      return a .. " and " .. b
    end)
  end
  if has("year-old") then
    s = s:gsub("(%d)%-year%-old", "%1-year-old")
    s = s:gsub("(%d) %-year%-old", "%1-year-old")
  end
  if has("~") then
    s = s:gsub("~%s*([%d%$\194\226])", "about %1")
    -- "down ~a third", "~half the team"
    s = s:gsub("~%s*(an?%s+)(%a+)", function(a, w)
      if ({third = 1, quarter = 1, half = 1, fifth = 1, dozen = 1,
           hundred = 1, thousand = 1})[w] then
        return "about " .. a .. w
      end
    end):gsub("~%s*(half%f[%A])", "about %1")
  end
  if has("+") or has("&") then
    s = s:gsub("(%d[%d,%.]*)%+%s+(%a)", "more than %1 %2")
    -- "taxi + trip + 5% contingency + alternate": a list, with commas
    -- and one "and" (within a clause, a run of three or more)
    if select(2, s:gsub(" %+ ", "")) >= 2 then
      s = s:gsub("[^,;:%.]+", function(clause)
        local n = select(2, clause:gsub(" %+ ", ""))
        if n < 2 then return nil end
        local k = 0
        return (clause:gsub(" %+ ", function()
          k = k + 1
          return k < n and ", " or " and "
        end))
      end)
    end
    -- "checks + audits" and "checks & audits", but not "Flint & Salt"
    s = s:gsub("%s+[%+&]%s+(%l)", " and %1")
    s = s:gsub("%s+&%s+(I%f[%A])", " and %1")
    -- ("new starters & 8-week retention went from 55% to 78%")
    s = s:gsub("(%l)%s+&%s+(%d)", "%1 and %2")
    s = s:gsub("%s+%+%s+", " and ")
  end
  -- ("11 years old; board won't replace until 2028": the board)
  if s:find("[;:,] [Bb]oard ") or s:find("[;:,] [Cc]ouncil ") or
     s:find("^[Bb]oard ") or s:find("^[Cc]ouncil ") then
    for _, body in ipairs({"board", "council", "management", "committee"}) do
      s = s:gsub("()(" .. body .. ") (%a+'?%a*)", function(at, b, v)
        local before = s:sub(math.max(1, at - 2), at - 1)
        if (at == 1 or before == "; " or before == ": " or before == ", ") and
           ({["won't"] = 1, will = 1, wants = 1, want = 1, says = 1,
             said = 1, is = 1, are = 1, has = 1, ["can't"] = 1,
             ["doesn't"] = 1, refuses = 1, refused = 1, agreed = 1,
             ["wouldn't"] = 1, signed = 1})[v] then
          return "the " .. b .. " " .. v
        end
      end)
    end
  end
  -- ("cut turnaround 3.8 hours to 1.9 hours": from)
  if s:find(" to ", 1, true) then
    -- (only where the figures go the way the verb says: "cut the wait
    -- 10 to 15 minutes" is a range, not a change)
    local down_verbs = {cut = true, reduced = true, lowered = true,
      dropped = true}
    for _, v in ipairs({"cut", "reduced", "raised", "grew", "increased",
        "lowered", "dropped"}) do
      if s:find(v .. " ", 1, true) then
        s = s:gsub("%f[%a](" .. v .. ") ([%a%-]+ ?[%a%-]* ?[%a%-]*) (~?%d[%w%.,%%]*[%a%s]-) to (~?%d[%d%.]*)",
          function(verb, np, a, b)
            local x = tonumber((a:match("[%d%.]+") or ""):match("^%d+%.?%d*$") or "")
            local y = tonumber((b:match("[%d%.]+") or ""):match("^%d+%.?%d*$") or "")
            if np:find("from") or np:find("%f[%a]by%f[%A]") or
               np:find("%f[%a]to%f[%A]") or sr.words(a) > 3 or
               np:match("^on ") or np:match("^up ") or np:match("^in ") or
               not x or not y or (down_verbs[verb] and x <= y) or
               (not down_verbs[verb] and x >= y) then
              return nil
            end
            return verb .. " " .. np .. " from " .. a .. " to " .. b
          end)
      end
    end
  end
  -- ("output went 120k -> 210k", "went 18kg an hour to 24kg": from)
  if s:find("went ", 1, true) then
    s = s:gsub("%f[%a](went) (~?%d[%w%.,%%]*[%a%s]-) to (~?%d)", function(v, a, b)
      if sr.words(a) <= 4 then return v .. " from " .. a .. " to " .. b end
    end)
  end
  -- ("report to line mgr / court clerk only": one or the other)
  if s:find(" / ", 1, true) then
    s = s:gsub("(%a+) / (%a)", function(a, b)
      if a == "and" or a == "or" then return nil end
      return a .. " or " .. b
    end)
  end
  -- ("16-20 yr olds", "a 3 yr old": year-olds
  if s:find(" olds?%f[%A]") then
    s = s:gsub("(%d) ?[Yy]e?a?rs? olds%f[%A]", "%1-year-olds")
  end
  -- ('I said "no need for extra hands" trying to sound capable': how
  -- it was meant to come across)
  s = s:gsub('(["\u{201D}])%s+trying to sound [%a ]*%a([%.!,;]?)', "%1%2")
  -- ("engineers criss crossing the county")
  s = s:gsub("%f[%a]([Cc]riss)[%s%-]+cross", "%1-cross")
  -- ("one persons head")
  s = s:gsub("%f[%a]([Oo]ne) persons%f[%A]", "%1 person's")
  -- ("70% came back vs ~40% before": compared with a figure; "real vs
  -- replica objects": versus)
  if s:find("vs", 1, true) then
    s = s:gsub("%f[%a]vs%.? (~?[%$\194\163]*%d[%d%.,]*%%?)(%s*%a*)", function(n, w)
      if w:match("target") or w:match("average") or w:match("avg") then
        return nil
      end
      return "compared with " .. n .. w
    end)
      :gsub("%f[%a]vs%.? (about %d)", "compared with %1")
      :gsub("(%l) vs%.? (%l)", "%1 versus %2")
  end
  -- ("loads of them", "loads of time": many, much)
  if s:find("oads of", 1, true) then
    s = s:gsub("%f[%a]([Ll])oads of (them)%f[%A]", function(l, w)
      return (l == "L" and "Many" or "many") .. " of " .. w
    end)
  end
  -- ("the womens section": whose)
  if s:find("ens ", 1, true) then
    -- (a note's sentence that opens with it names the section: "the")
    s = s:gsub("^([Ww]omen)s (%l)", "the %1's %2"):gsub("^([Mm]en)s (%l)", "the %1's %2")
      :gsub("^([Cc]hildren)s (%l)", "the %1's %2")
      :gsub("%f[%a]([Ww]omen)s%f[%A]", "%1's"):gsub("%f[%a]([Mm]en)s%f[%A]", "%1's")
      :gsub("%f[%a]([Cc]hildren)s%f[%A]", "%1's")
  end
  -- ("2nd canning line going in Sept": a second one)
  s = s:gsub("^2nd (%l+ %l+ %l+ing)%f[%A]", "a second %1")
    :gsub("^3rd (%l+ %l+ %l+ing)%f[%A]", "a third %1")
  -- ("in under 90 min avg (was ~3 hrs)": what it was, before)
  if s:find("(was ", 1, true) then
    s = s:gsub("%(was (%a*%s?~?%d[^%(%)]*)%)", "(from %1)")
  end
  -- ("I said Id used Trimble": "I'd", not an ID; "the temp log", "env
  -- monitoring": the words a note shortens; "by end of week")
  s = s:gsub("%f[%a]Id (%l%l+ed)%f[%A]", "I'd %1")
    :gsub("(I said )id (%l)", "%1I'd %2")
  if s:find("temp ", 1, true) then
    for _, w in ipairs({"log", "logs", "check", "checks", "probe",
        "probes", "reading", "readings", "records", "control"}) do
      s = s:gsub("%f[%a]temp " .. w .. "%f[%A]", "temperature " .. w)
    end
  end
  s = s:gsub("%f[%a]env monitoring%f[%A]", "environmental monitoring")
    :gsub("%f[%a]by [Ee]nd of [Ww]eek%f[%A]", "by the end of the week")
    :gsub("%f[%a]by EOW%f[%A]", "by the end of the week")
    :gsub("%f[%a]by [Ee]nd of [Dd]ay%f[%A]", "by the end of the day")
  -- ('I said "no, never been to court" — WRONG, I was a witness': what
  -- was said, then what is true)
  s = s:gsub('(["\u{201D}])%s*[\u{2014}\u{2013}%-]+%s*[Ww][Rr][Oo][Nn][Gg][!%.,;:]*%s+(%a)',
    function(q, c) return q .. ". In fact, " .. c:lower() end)
    :gsub('(["\u{201D}])%s*[\u{2014}\u{2013}%-]+%s*NOP?E?[!%.,;:]+%s+(%a)',
    function(q, c) return q .. ". In fact, " .. c:lower() end)
  -- ("... on one tunnel. felt my face go red after": how it felt)
  s = s:gsub("%f[%a][Ff]elt my face go red%s*a?f?t?e?r?%f[%A]%s*", "")
    :gsub("%f[%a][Mm]y face went red%f[%A][%.!,;]*%s*", "")
  -- ("..., you'll ask my reference I bet": the writer's aside)
  s = s:gsub(",?%s+I bet([%.!]?)$", "%1"):gsub(",?%s+I bet([%.!]%s)", "%1")
  -- "41 confirmed = 66% hit rate": what the figures come to
  if has("=") then
    s = s:gsub("%s+=%s+(~?[%d%.]+%%%s+%a)", ", a %1")
    -- ("I was rounding down to sound good = exactly what he warned me
    -- against": a whole clause of mine, then what it is)
    -- (a sentence's own "I", not "What I actually do = ...")
    local function which_is(lead, clause, w)
      -- (not what was said: "I said safety = paperwork")
      if voice.subject_verb(clause) and
         not clause:find("%f[%a]said%f[%A]") and
         not clause:find("%f[%a]told%f[%A]") and
         not clause:find("%f[%a]called%f[%A]") and
         not clause:find("%f[%a]answered%f[%A]") then
        return lead .. clause .. ", which is " .. w
      end
    end
    s = s:gsub("^()(I [^=%.;]-)%s+=%s+(%l)", function(_, clause, w)
      return which_is("", clause, w)
    end):gsub("([%.!?]%s+)(I [^=%.;]-)%s+=%s+(%l)", which_is)
    s = s:gsub("%s+=%s+", " is ")
  end
  if has("<") or has(">") then
    s = s:gsub("%f[<]<%s*([%d%$\194\226])", "under %1")
    s = s:gsub("%s>%s*([%d%$\194\226])", " over %1")
  end
  -- "perio maintenance stuff": the filler goes, "my stuff" stays
  if has("stuff") then
    local keep = {the = 1, a = 1, an = 1, my = 1, your = 1, our = 1,
      their = 1, his = 1, her = 1, this = 1, that = 1, some = 1, any = 1,
      all = 1, no = 1, of = 1, more = 1, other = 1, good = 1}
    s = s:gsub("(%a+) stuff%f[%A]", function(w)
      if not keep[w:lower()] then return w end
    end)
  end
  if has("(") then
    s = s:gsub("%s*%(!+%)", "")
    s = s:gsub("%s*%((%a*%s*)below%)", ""):gsub("%s*%((%a*%s*)above%)", "")
    s = s:gsub("%s*%(see below[^()]*%)", ""):gsub("%s*%(see above[^()]*%)", "")
  end
  -- "the spill alarm programme below": the note's own layout
  if has("below") or has("above") then
    local moved = {fell = 1, dropped = 1, went = 1, is = 1, are = 1, was = 1,
      were = 1, stayed = 1, kept = 1, remained = 1, stay = 1, be = 1,
      still = 1, well = 1, just = 1, far = 1, way = 1, ["and"] = 1,
      ["or"] = 1}
    s = s:gsub("(%a+)%s+(%a+)%s+below([%.!]?)$", function(a, w, m)
      if not moved[w:lower()] and not moved[a:lower()] then
        return a .. " " .. w .. m
      end
    end)
  end
  -- emoji and pictographs (one that ends a sentence leaves its full stop)
  if has("\226") or has("\240") then
    s = s:gsub("%s*[\240][\159][\128-\191][\128-\191](%s+%u)", ".%1")
    s = s:gsub("%s*[\240][\159][\128-\191][\128-\191]", "")
    s = s:gsub("%s*\226[\152-\158][\128-\191]\239\184\143", "")
  end
  s = gsub_if(s, "!!", "!!+", "!")
  s = gsub_if(s, "??", "%?%?+", "?")
  return s
end

-- Self-talk words and asides: "lol", "(meh)", "i think?".
local function drop_asides(s)
  if s:find("(", 1, true) then
    -- an aside holds no "(": a run of them is not tried from each one
    s = s:gsub("%s*%(([^%(%)]*)%)", function(inner)
      local l = strip_end(inner:lower(), "[%p%s]")
      if selftalk_set[l] or verdict_set[l] then return "" end
    end)
  end
  if s:find(" think?", 1, true) then
    s = s:gsub("%f[%w][Ii] think%?", "")
  end
  -- word by word only when a self-talk word is there
  local l = s:lower()
  for w in pairs(selftalk_set) do
    if l:find(w, 1, true) and has_word(l, w) then
      s = s:gsub("%f[%a](%a+)%f[%A]%s*", function(word)
        if selftalk_set[word:lower()] and word ~= "Ha" then return "" end
      end)
      -- ("(confetti cannon lol)": no blank left before the bracket;
      -- "I DONT, ugh.": no comma left before the stop)
      return (s:gsub("(%S)%s+%)", "%1)"):gsub(",%s*([%.!?])", "%1"))
    end
  end
  return s
end

-- The sentences of a text: split after . ! ? followed by a blank, not
-- after "St." or "Dr." or a single capital.
local abbreviations = {st = true, dr = true, mr = true, mrs = true,
  ms = true, inc = true, co = true, ltd = true, vs = true, jr = true,
  sr = true, no = true, dept = true, approx = true, etc = true, prof = true}

function voice.sentences(text)
  -- most points are one sentence without a mark in it
  if not (text:find(".", 1, true) or text:find("!", 1, true) or
          text:find("?", 1, true)) then
    local whole = trim(text)
    return whole ~= "" and {whole} or {}
  end
  local out, from, start, quotes = {}, 1, 1, 0
  while true do
    local a, b = text:find("[%.!?][\"'\u{201D}\u{2019}%)]*%s+", from)
    if not a then break end
    -- the word before the mark, from the few characters before it (the
    -- whole text before it, matched at each mark, was quadratic)
    local before = text:sub(math.max(1, a - 16), a - 1)
    local word = before:match("([%a]+)$") or ""
    -- not inside a quotation: an odd number of quotation marks before
    -- (counted on from the last mark, not again from the sentence's start)
    local _, more = text:sub(from, b):gsub('"', "")
    quotes = quotes + more
    -- ("No. 5" is a number; "I said no. Thinking ..." ends a sentence)
    local abbreviated = abbreviations[word:lower()] and
      not (word:lower() == "no" and not text:sub(b + 1, b + 1):match("[%d#]"))
    -- ("checked by the head of dept. overstated it": a doing with no
    -- subject after the stop starts a sentence of its own)
    if abbreviated and word:lower() ~= "no" then
      local nw = text:match("^(%l+)", b + 1)
      if nw and (past[nw] or (nw:match("^%l+ed$") and #nw >= 6)) then
        abbreviated = false
      end
    end
    if quotes % 2 == 0 and
       not (abbreviated or word:match("^%u$") or
            text:sub(math.max(1, a - 4), a - 1):match("%f[%a]%a%.%a$")) then
      local piece = trim(text:sub(start, b))
      if piece ~= "" then out[#out + 1] = piece end
      start, quotes = b + 1, 0
    end
    from = b + 1
  end
  local rest = trim(text:sub(start))
  if rest ~= "" then out[#out + 1] = rest end
  return out
end

-- Whether a sentence is only the writer's verdict on themself.
local verdict_starts = {"sounded ", "sounds ", "sounded$", "came across",
  "came out", "too glib", "too ", "vague", "nerves", "i know that",
  "i realised", "i realized", "realised on", "realized on",
  "not what i do", "not true and", "why didn't i say", "why didnt i say",
  "why did i say", "why did i ", "why do i do", "why would i say",
  "i must to say", "i must say this",
  "i overstated", "overstated it$", "undersold", "oversold", "felt like", "looked ",
  "not my best", "bad look", "should have been honest", "that's not true",
  "you probably know", "total cop out", "cop out", "very cliché",
  "very cliche", "i saw your face", "i saw her face", "i saw his face",
  "brain went blank", "my brain went", "you'll check", "you will check",
  "you'll find out", "you will find out", "probably irrelevant",
  "prob irrelevant", "irrelevant", "i know this", "i knew this",
  "ignore", "i know it", "i knew it", "i literally know", "i actually know",
  "tired", "so tired", "was tired", "knackered", "exhausted",
  "why did i ", "why did i$", "why i said"}

-- Sentences of self-talk that never go in a draft, even where the
-- writer's verdict is kept as the correction: a note to self ("Fix
-- this", "Should just have said it"), how they hope to come across ("I
-- dont want she think I exaggerate"), the reader noticing.
local selftalk_starts = {"should just have", "should have just",
  "i should have owned it", "should have owned it", "i should have said it$",
  "i should have said that$", "i should have said that instead",

  "i should have said that clearly$", "should have said that clearly$",
  "i nailed it", "nailed it", "i want you to know", "a small thing",
  "misspoke and", "no idea why", "dunno why", "not sure why i",
  "need to fix", "fix this$", "fix that$", "must fix", "move on$",
  "i blanked$", "blanked$", "i blanked under pressure$", "i misspoke$",
  "i blanked completely$", "blanked completely$", "i completely blanked$",
  "i muddled the two$", "muddled the two$", "i mixed them up$",
  "i got them mixed up$", "i mixed up the two$",
  "i got flustered$", "better to be honest", "better be honest",
  "i should just say", "should just say", "this is not true$",
  "that is not true$", "this isn't true$", "that isn't true$",
  "not true$", "thats not true$", "see below$", "see above$",
  "i have to fix this", "i need to fix this", "have to fix this",
  "i have to put that right", "need to put that right"}
for _, who in ipairs({"you", "she", "he", "her", "him", "they", "them"}) do
  selftalk_starts[#selftalk_starts + 1] = "i don't want " .. who .. " "
  selftalk_starts[#selftalk_starts + 1] = "i dont want " .. who .. " "
  selftalk_starts[#selftalk_starts + 1] = "don't want " .. who .. " "
  selftalk_starts[#selftalk_starts + 1] = "dont want " .. who .. " "
end
for _, w in ipairs(selftalk_starts) do
  verdict_starts[#verdict_starts + 1] = w
end

local verdict_contains = {"should have been honest", "i think you knew",
  "saw your face", "looked disappointed", "ref check", "check refs",
  "the kind of person who will", "will look it up",
  "check my refs", "check references",
  "that's literally", "thats literally", "that is literally",
  "why didn't i say", "why didnt i say",
  "felt dumb", "so dumb", "and he noticed", "and she noticed",
  "and they noticed", "and you noticed", "from your face",
  "instead of just laughing", "you will check", "you'll check",
  "she will check", "she'll check", "he will check", "he'll check",
  "they will check", "they'll check", "not the end of the world",
  "she'll find out", "he'll find out", "they'll find out",
  "she will find out", "he will find out", "they will find out",
  "you'll find out",
  "want to be straight with", "technically true-ish"}

-- A sentence that opens with one of these is the writer's verdict on
-- their answer, however long ("Bad answer in front of the hardware lead,
-- and not even true").
local verdict_openers = {"wrong instinct", "wrong answer", "bad answer",
  "stupid answer", "dumb answer",
  "terrible answer", "weak answer", "awful answer", "stupid", "so stupid",
  "not my best"}

-- The interviewer's reaction, told to oneself: "she looked disappointed",
-- "he didn't correct me, just said ok".
local reactions = {"looked", "seemed", "frowned", "winced", "sighed",
  "went quiet", "didn't correct", "did not correct", "just said",
  "wasn't impressed", "was not impressed", "wasn't convinced",
  "noticed", "def noticed", "definitely noticed", "wrote it down",
  "wrote that down", "wrote down"}
-- Whether l (a sentence in lower case) is short, holds no number, and
-- starts with one of list ("x$": is x).
local function starts_any(l, list, most)
  -- (its words counted only when it holds no number)
  if l:find("%d") then return false end
  local _, nwords = l:gsub("%S+", "")
  if nwords > (most or 8) then return false end
  for _, v in ipairs(list) do
    if v:sub(-1) == "$" then
      if l == v:sub(1, -2) then return true end
    elseif l:sub(1, #v) == v then
      return true
    end
  end
  return false
end

-- A sentence of self-talk (selftalk_starts).
local function is_selftalk(s)
  local l = strip_end(s:lower(), "[%p%s]"):gsub("^[%p%s]+", "")
  return starts_any(squeeze(l), selftalk_starts, 12)
end

local function is_verdict(s)
  -- "THAT'S AN INNER JOIN.": a sentence shouted at oneself
  if not s:find("%l") and s:find("%u%u+%A+%u%u") then return true end
  local l = strip_end(s:lower(), "[%p%s]"):gsub("^[%p%s]+", "")
  l = squeeze(l)
  if verdict_set[l] then return true end
  local who, rest = l:match("^(%a+) (.*)$")
  if (who == "she" or who == "he" or who == "they" or who == "you") and
     select(2, rest:gsub("%S+", "")) <= 10 then
    for _, r in ipairs(reactions) do
      if rest:sub(1, #r) == r then return true end
    end
  end
  for _, v in ipairs(verdict_openers) do
    if l:sub(1, #v) == v and not l:sub(#v + 1):match("^%a") and
       not l:find(":", 1, true) then
      return true
    end
  end
  for _, v in ipairs(verdict_contains) do
    if l:find(v, 1, true) then return true end
  end
  if starts_any(l, verdict_starts) or is_selftalk(s) then return true end
  local words = 0
  for w in l:gmatch("[%a']+") do
    words = words + 1
    if not (selftalk_set[w] or verdict_set[w]) then return false end
  end
  return words > 0
end
voice.is_verdict = is_verdict

-- Ends a sentence with one mark, after closing quotes if any.
local closers = {[34] = true, [39] = true, [41] = true, [0x9D] = true,
  [0x99] = true, [0x80] = true, [0xE2] = true}
local function end_mark(s)
  s = strip_end(s, "[%s,;:%-]")
  local n = #s
  while n > 0 and closers[s:byte(n)] do n = n - 1 end
  local c = s:byte(n)
  if c == 46 or c == 33 or c == 63 then
    -- "...!." and ".." were seams
    return s
  end
  return s .. "."
end
voice.end_mark = end_mark

-- The whole normalisation of a point's text.
local months = {january = "January", february = "February",
  march = "March", april = "April", may = "May", june = "June",
  july = "July", august = "August", september = "September",
  october = "October", november = "November", december = "December",
  -- shortened, read as months only after a word of time or before a day
  jan = "January", feb = "February", mar = "March", apr = "April",
  jun = "June", jul = "July", aug = "August", sep = "September",
  sept = "September", oct = "October", nov = "November", dec = "December"}
local short_months = {jan = true, feb = true, mar = true, apr = true,
  jun = true, jul = true, aug = true, sep = true, sept = true, oct = true,
  nov = true, dec = true, may = true, march = true}
local month_after = {since = true, ["in"] = true, by = true,
  ["until"] = true, ["from"] = true, last = true, next = true,
  early = true, late = true, mid = true, of = true, before = true,
  after = true, ["end"] = true, through = true, starting = true,
  -- ("full cert is booked for Feb")
  ["for"] = true}

-- Whether s holds one of the strings of list (plain, anywhere), and the
-- keys of a table as such a list.
local function holds_any(s, list)
  for i = 1, #list do
    if s:find(list[i], 1, true) then return true end
  end
  return false
end
local function keys_of(t)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  return list
end
local day_names, month_names = keys_of(days), keys_of(months)
local doubled_marks = {",,", ",;", ",:", ";,", ";;", ";:", ":,", ":;", "::"}

-- Verbs as "I've been ...ing" says them, for "I use X since 4 years".
local continuous = {}
for w in ([[use write run lead manage work teach make drive speak do
  train coach handle plan build cook study live supervise]]):gmatch("%a+") do
  local ing = w:match("^(%l+[^e])e$") or w
  if w == "run" or w == "plan" then ing = w .. w:sub(-1) end
  continuous[w] = ing .. "ing"
end

local article_preps = {before = true, after = true, ["for"] = true,
  ["in"] = true, ["until"] = true, at = true}
local time_words = {week = true, weeks = true, month = true, months = true,
  year = true, years = true, time = true, monday = true, tuesday = true,
  wednesday = true, thursday = true, friday = true, saturday = true,
  sunday = true, day = true, thing = true, weekend = true, quarter = true,
  term = true, spring = true, summer = true, autumn = true, winter = true,
  january = true, february = true, march = true, april = true,
  may = true, june = true, july = true, august = true, september = true,
  october = true, november = true, december = true, ["and"] = true,
  ["or"] = true, of = true, to = true}
-- "before next stage" -> "before the next stage"; nil (no change) for
-- "next week" or a kind of thing ("worst for first appointments").
local function with_the(prep, which, w)
  if article_preps[prep:lower()] and not time_words[w:lower()] and
     not w:match("%as$") then
    return prep .. " the " .. which .. " " .. w
  end
end
-- What one would do, said after "should have said" in a note's shorthand
-- ("should've said explain why + offer what we can do").
local told_verbs = {}
for w in ([[explain ask tell show admit describe mention acknowledge
  apologise apologize]]):gmatch("%a+") do
  told_verbs[w] = true
end
-- Things a length of time measures: "a 15-minute team meeting", "a
-- 12-hour shift" (not "15 minutes early", "2 hours a day").
local timed = {meeting = true, team = true, call = true, walk = true,
  drive = true, huddle = true, briefing = true, debrief = true,
  standup = true, ["stand-up"] = true, slot = true, window = true,
  session = true, chat = true, ["break"] = true, shift = true,
  presentation = true, demo = true, test = true, exam = true,
  commute = true, check = true, round = true, ward = true, safety = true,
  training = true, course = true, interview = true, task = true,
  response = true, turnaround = true, flight = true, run = true,
  lecture = true, lesson = true, class = true, workshop = true}
-- "15 minutes team meeting" at `at` in s -> "a 15-minute team meeting"
-- (the article where a list, "with" or "and" puts it); nil (no change)
-- when w is not a thing a length measures.
local function timed_noun(s, at, n, unit, w)
  local lw = w:lower()
  local many = not timed[lw] and lw:match("s$") and timed[lw:sub(1, -2)]
  if not (timed[lw] or many) then return nil end
  local before = s:sub(math.max(1, at - 8), at - 1)
  local listed = at == 1 or before:match("[,;:]%s+$") or
    before:match("%f[%a]with%s+$") or before:match("%f[%a]and%s+$") or
    before:match("%f[%a]plus%s+$")
  -- (only where it names the thing: not "spent 15 minutes team building",
  -- "the last 10 minutes run over")
  local named = before:match("%f[%a]an?%s+$") or before:match("%f[%a]the%s+$")
    or before:match("%f[%a]my%s+$") or before:match("%f[%a]our%s+$") or
    before:match("%f[%a]your%s+$") or before:match("%f[%a]their%s+$")
  if not (listed or named or many) or before:match("%f[%a]last%s+$") then
    return nil
  end
  local a = ""
  if listed and not many then
    a = (n:match("^8") or n == "11" or n == "18") and "an " or "a "
  end
  return a .. n .. "-" .. unit .. " " .. w
end
local told_present = {explain = "explained", show = "showed",
  describe = "described", mention = "mentioned", present = "presented",
  talk = "talked", say = "said"}
local actual_nouns = {hospital = true, job = true, company = true,
  team = true, employer = true, role = true, school = true, store = true,
  position = true, manager = true, boss = true, work = true, clinic = true,
  hotel = true, restaurant = true, firm = true, practice = true}
local time_units = {yr = true, yrs = true, wk = true, wks = true,
  hr = true, hrs = true, mo = true, mos = true, min = true, mins = true,
  wknd = true, wknds = true, wkend = true, wkends = true}
-- Words after "its" that show it is "it's": "its been", "its valid".
local its_next = {been = true, ["not"] = true, a = true, an = true,
  the = true, valid = true, about = true, too = true, so = true,
  fine = true, ok = true, okay = true, still = true, actually = true,
  really = true, going = true, my = true, your = true, our = true,
  their = true, what = true, why = true, how = true, because = true,
  now = true, never = true, always = true, gonna = true}
-- Words a note writes in capitals for emphasis ("what I SHOULD have
-- said", "led with THAT"): never an acronym.
local shouted = {}
for w in ([[should would could will not never that this these
  those what really very actually always was were does did have had but
  then the only every need want know cant dont wont didnt isnt wasnt
  definitely totally absolutely can into out all any before after myself
  own zero peak entries wrong total whole average both half twice once
  more less most least first last best worst anything everything nothing
  everyone anyone nobody everybody huge massive good bad paper lead
  keep]]):gmatch("%a+") do
  shouted[w] = true
end
-- Words of a verdict after a dash ("-- arrogant and not true").
local dash_verdicts = {}
for w in ([[and but also so too a bit very really not true arrogant cocky
  defensive smug glib wrong rude lazy vague weak unprofessional harsh
  dumb stupid silly bad awful terrible cringe cringey embarrassing
  pathetic lame rubbish useless sounded sounds like underselling
  overselling underselling]]):gmatch("%a+") do
  dash_verdicts[w] = true
end
local function normalize(text, keep_verdicts, words)
  -- "i.e." and "e.g." are not the pronoun "i"
  local s = squeeze(text)
  -- ("... I talked about the relaxed screenings", under "she got
  -- animated when...": the heading's sentence goes on, the point starts)
  s = s:gsub("^%s*%.%.%.+%s*", ""):gsub("^%s*\u{2026}%s*", "")
  local abbreviated = s:find(".e.", 2, true) or s:find(".g.", 2, true)
  if abbreviated then
    s = s:gsub("%f[%a]i%.e%.", "\2"):gsub("%f[%a]e%.g%.", "\3")
  end
  -- "avg 3 months" is on average (before a figure); "avg estate admin
  -- time" is the average (expand_word)
  if s:find("avg", 1, true) then
    -- (after a thing's name it is its average: "vs base avg 4.1")
    s = s:gsub("()%f[%a]([Aa])vg (~?%d)", function(at, a, d)
      local prev = (s:sub(math.max(1, at - 12), at - 1):match("(%a+)%s+$") or "")
        :lower()
      if ({base = 1, team = 1, site = 1, national = 1, industry = 1,
          company = 1, group = 1, the = 1, a = 1, our = 1, their = 1,
          your = 1, my = 1, network = 1, fleet = 1, sector = 1,
          store = 1, ward = 1, trust = 1, region = 1, area = 1})[prev] then
        return (a == "A" and "Average " or "average ") .. d
      end
      return "on average " .. d
    end)
    -- ("..., avg waiting at anchor 3.5 hrs": before a thing, its average)
    s = s:gsub("([,;:]%s+)([Aa])vg (%l+)", function(sep, a, w)
      if not units[w] then
        return sep .. (a == "A" and "Average " or "average ") .. w
      end
    end)
  end
  s = expand_symbols(s, words)
  -- ("how Id handle", "I said Id \"tweak", "sounded like id rush them":
  -- "I'd", where a verb or what was said follows)
  if s:find("%f[%a][Ii]d%s") then
    s = s:gsub("()%f[%a][Ii]d(%s+)([%l\"]%l*)", function(at, sp, w)
      -- (where a clause starts: "how Id", "said Id", "that id"; not
      -- "their new starter id check")
      local prev = (s:sub(math.max(1, at - 12), at - 1):match("(%a+)%s*$") or "")
        :lower()
      local opens = at == 1 or s:sub(1, at - 1):match("[%.!?,;:]%s*$") or
        voice.id_after[prev]
      if opens and (w:sub(1, 1) == '"' or imperative[w] or voice.id_verbs[w]) then
        return "I'd" .. sp .. w
      end
    end)
  end
  -- ("WED 29 APRIL 9am", "i AM": a note's capitals)
  if s:find("%u%u%u") then
    s = s:gsub("%f[%a](%u%u%u+)(%s*)(%d?)", function(w, sp, d)
      local l = w:lower()
      -- (not "SAT", "SUN", "MAR" or "MAY": acronyms and words too; a
      -- short day only before its date, "WED 29")
      if (months[l] and #l >= 5) or l == "june" or l == "july" or
         (d ~= "" and ({mon = 1, tue = 1, tues = 1, wed = 1, weds = 1,
           thu = 1, thur = 1, thurs = 1, fri = 1})[l]) or
         (l:match("day$") and days[l:sub(1, 3)]) then
        return l:sub(1, 1):upper() .. l:sub(2) .. sp .. d
      end
    end)
  end
  s = s:gsub("%f[%a]([Ii]) AM%f[%A]", "I am")
  if not words or words.to == "to" then
    -- "its been in the papers", "its £2.1M": "it's", where a possessive
    -- cannot be; "WILL check", "SHOULD have": the note's emphasis
    -- "I said I "don't really do French" -- wrong: 30% of my work was
    -- FR": the verdict starts its own sentence (a label the correction
    -- reads); a note's "--" is a dash
    if s:find(" -", 1, true) then
      s = s:gsub("%s+%-%-?%s+([Ww]rong)%s*[:,]%s+", ". %1: ")
      s = s:gsub("%s+%-%-%s+", " \u{2014} ")
    end
    -- a speaker's fillers, outside quotation: "for like 3 min" is "for
    -- about 3 minutes"; "I kind of waffled" is "I waffled" (each part
    -- between quotation marks in one pass: the odd parts are quoted)
    if s:find("like", 1, true) or s:find("kind of", 1, true) or
       s:find("sort of", 1, true) or s:find("basically", 1, true) then
      local parts, n = {}, 0
      for part in (s .. '"'):gmatch('([^"]*)"') do
        n = n + 1
        if n % 2 == 1 then
          part = part:gsub("(%f[%a]%a+ )like (%d)", function(before, d)
            local b = before:lower():gsub("%s+$", "")
            if b == "for" or b == "took" or b == "was" or b == "in" or
               b == "after" or b == "waited" then
              return before .. "about " .. d
            end
          end)
          part = part:gsub("(%f[%a][Ii]) (%a+) of (%a+)", function(i, what, verb)
            if (what == "kind" or what == "sort") and
               (past[verb] or verb:match("^%l+ed$")) then
              return i .. " " .. verb
            end
          end)
          part = part:gsub("(%f[%a][Ii]) basically (%a+)", "%1 %2")
        end
        parts[n] = part
      end
      s = table.concat(parts, '"')
    end
    -- "nights short staffed": the adjective, hyphenated
    s = s:gsub("%f[%a]([Ss]hort) staffed%f[%A]", "%1-staffed")
    -- "email about round 2", "the round 2 panel": "the second round"
    if s:find("ound %d") then
      local nth = {"first", "second", "third", "fourth", "fifth"}
      local preps = {about = true, re = true, ["in"] = true, to = true,
        ["for"] = true, after = true, before = true, through = true,
        of = true, at = true, from = true, is = true}
      s = s:gsub("()%f[%a]([Rr])ound (%d)%f[^%w]", function(at, r, d)
        local n = nth[tonumber(d)]
        if not n then return nil end
        local b = (s:sub(math.max(1, at - 20), at - 1):match("(%a+)%s*$") or
          ""):lower()
        if b == "the" or b == "a" then return n .. " round" end
        if b == "" or preps[b] then
          return (r == "R" and "The " or "the ") .. n .. " round"
        end
        return nil
      end)
    end
    -- "if ur not sure": "you're" where "your" cannot be
    if s:find("ur ", 1, true) then
      s = s:gsub("%f[%a]([Uu])r (%a+)", function(u, w)
        if its_next[w:lower()] or w == "sure" or w == "right" or
           w == "wrong" or w == "ready" then
          return (u == "U" and "You're " or "you're ") .. w
        end
      end)
    end
    if s:find("its", 1, true) then
      s = s:gsub("%f[%a]([Ii])ts (%S+)", function(i, w)
        local lw = w:lower():gsub("%p+$", "")
        if its_next[lw] or w:match("^£%d") or w:match("^%$%d") or
           w:match("^€%d") then
          return i .. "t's " .. w
        end
      end)
    end
    if s:find("%u%u") then
      -- (a word alone in capitals: "THAT'S AN INNER JOIN" is a line
      -- shouted whole, which has its own rule)
      local src = s
      s = s:gsub("()%f[%a](%u%u+)%f[%A]()", function(a, w, b)
        if not shouted[w:lower()] then return nil end
        -- (the words either side, from a short window: a page of
        -- acronyms is one pass)
        local before = src:sub(math.max(1, a - 64), a - 1):match("(%S+)%s*$")
          or ""
        local after = src:sub(b, b + 64):match("^%s*(%S+)") or ""
        if not src:sub(b, b):match("['\226]") and
           not before:match("%u%u") and not after:match("^%p*%u%u") and
           not (w == "CAN" and after:match("^bus")) then
          return w:lower()
        end
      end)
    end
    -- "esp. wood-frame": a shorthand word's own full stop ends nothing
    -- ("last yr. not the end of the world": a unit of time ends one)
    local src = s
    s = gsub_if(s, ".", "%f[%a](%a+)%.(%s+%l)()", function(w, rest, at)
      -- ("checked by the head of dept. overstated it": a sentence ends
      -- before a past verb with no subject)
      local nextw = rest:match("^%s+(%l)") .. (src:match("^%l*", at) or "")
      if nextw:match("^%l%l%l+ed$") and not voice.shorthand[nextw] then
        return nil
      end
      if voice.shorthand[w:lower()] and not time_units[w:lower()] then
        return w .. rest
      end
    end)
    -- (the day and month rules below change a text only where it holds
    -- one of their words: most points hold none)
    local has_day = holds_any(s:lower(), day_names)
    -- "Mon-Thu": a range of days
    s = has_day and s:gsub("%f[%a](%a%a%a%a?)%-(%a%a%a%a?)%f[%A]",
      function(a, b)
        local da, db = days[a:lower()], days[b:lower()]
        if da and db then return da .. " to " .. db end
      end) or s
    -- "sat 8am", "next mon": a day, where "sat" and "mon" could be words
    s = has_day and s:gsub("%f[%a](%a+) (%d)", function(d, n)
      local day = days[d:lower()]
      if day then return day .. " " .. n end
    end) or s
    -- ("tues routes run late": a short day no word is spelt as)
    -- (not a name or a word in capitals: "@thu", "FRI scores", "she
    -- weds")
    s = has_day and s:gsub("()%f[%a](%a+)%f[^%a%-']", function(at, d)
      local l = d:lower()
      if (l == "tues" or l == "thurs" or l == "weds") and
         d:match("^%a%l+$") and s:sub(at - 1, at - 1) ~= "@" and
         not (l == "weds" and s:sub(1, at - 1):lower():match(
           "%f[%a]s?he%s+$") or s:sub(1, at - 1):lower():match(
           "%f[%a]they%s+$")) then
        return days[l]
      end
    end) or s
    local text = s
    s = has_day and s:gsub("()%f[%a](%a+)%f[^%a%-]", function(at, d)
      local day = days[d:lower()]
      local w = day and text:sub(1, at - 1):match("(%a+)%s+$")
      if w and day_after[w:lower()] then return day end
      -- ("she'll call Fri re 2nd round": after a verb of getting back,
      -- or written with its capital mid-sentence, not "Sat" or "Sun")
      if w and (w == "call" or w == "ring" or w == "phone" or
         w == "email" or w == "decide" or w == "confirm" or w == "back" or
         w == "text") then
        return day
      end
      if day and at > 1 and d:match("^%u%l%l%l?%l?$") and
         d ~= "Sat" and d ~= "Sun" and text:sub(at - 2, at - 1) ~= ". " then
        return day
      end
      -- "fri dinner service", "sat night"
      local after = day and text:sub(at + #d):match("^%s+(%a+)")
      if after and day_parts[after:lower()] then return day end
    end) or s
    -- "on saturdays", "speak spanish"
    s = s:gsub("%f[%a](%l+)%f[%A]", proper)
    -- "since march", "by june": a month's name; "may" and "march" only
    -- after a word of time or before a day ("may 5")
    -- ("17 Nov", "Mar 2024": a month shortened with its capital)
    local has_month = holds_any(s:lower(), month_names)
    -- (the text as the days left it: positions are into it)
    text = s
    s = has_month and s:gsub("()%f[%a](%a+)%f[%A]", function(at, m)
      if not m:match("^%a%l*$") then return nil end
      local name = months[m:lower()]
      if not name then return nil end
      if short_months[m:lower()] then
        local w = text:sub(1, at - 1):match("(%a+)%s+$")
        local n = text:sub(at + #m):match("^%s+%d") or
          text:sub(1, at - 1):match("%d%s+$")
        -- ("in Sept/Oct": the second month after the first's slash)
        local prev = text:sub(1, at - 1):match("(%a+)/$")
        if not (n or (w and month_after[w:lower()]) or
           (prev and months[prev:lower()])) then
          return nil
        end
      end
      return name
    end) or s
    -- "would of said": "would have said" (not "would of course")
    s = gsub_if(s, " of ", "(%f[%a][WwCcSs]h?[oO]uld) of (%a+)", function(m, w)
      local l = w:lower()
      if l == "been" or l == "had" or l == "done" or l == "gone" or
         l == "known" or l == "got" or l == "said" or l == "told" or
         past[l] or l:match("ed$") or l:match("en$") then
        return m .. " have " .. w
      end
    end)
    -- "I blanked, said ..." -> "I blanked and said ..."
    s = s:gsub("(%f[%a]I %l+ed), said ", "%1 and said ")
    -- "I ran 6 buses for a trial, did the charging schedule": the same
    -- subject's next verb
    -- (not in a list that has its "and": "I challenged ..., showed ...,
    -- and we increased the sample")
    -- (on a sentence's length: a page of "I a b, led" is not read
    -- to its end at each comma)
    local whole = s
    if #s <= 2000 then
      s = s:gsub("()(%f[%a]I %l+ [^,;:%.]+), (%l+) ", function(at, head, verb)
        local rest = whole:sub(at + #head + #verb + 3):match("^[^%.;]*") or ""
        if past[verb] and not head:find(" and ", 1, true) and
           not rest:find(", and ", 1, true) then
          return head .. ", and " .. verb .. " "
        end
      end)
    end
    -- "2.3% vs 1.5% target": against
    s = gsub_if(s, " vs", "(%d%%?) vs%.? ([%d%.]+%%) target%f[%A]",
      "%1 against a %2 target")
    s = gsub_if(s, " vs", "(%d%%?) vs%.? ", "%1 against ")
    -- "passed 1st time", "in the 1st hour": an ordinal in words
    s = gsub_if(s, "st ", "%f[%w]1st (%l)", "first %1")
    s = gsub_if(s, "nd ", "%f[%w]2nd (%l)", "second %1")
    s = gsub_if(s, "rd ", "%f[%w]3rd (%l)", "third %1")
    -- "I use IDeaS since 4 years": "I've been using IDeaS for 4 years"
    s = gsub_if(s, " since ", "%f[%a]I (%l+) ([^,;:%.]-) since (%d+ %a+)",
      function(verb, what, span)
        if not (span:match("years?$") or span:match("months?$") or
                span:match("weeks?$")) or not continuous[verb] then
          return nil
        end
        return "I've been " .. continuous[verb] .. " " .. what .. " for " ..
          span
      end)
    -- a writer whose English is not their first: "false positive go
    -- from 70% to 25% in 6 month", "he ask how many", "I say \"100\""
    s = gsub_if(s, "go from", "%f[%a]go from (%S+)", function(w)
      if w:match("^[%d~]") or w == "around" or w == "about" then
        return "went from " .. w
      end
    end)
    s = gsub_if(s, " month", "(%f[%d]%d+) (month)([%s]*[%.,;:%)])", function(n, unit, tail)
      if n ~= "1" then return n .. " " .. unit .. "s" .. tail end
    end)
    s = gsub_if(s, " month", "(%f[%d]%d+) (month)$", function(n, unit)
      if n ~= "1" then return n .. " " .. unit .. "s" end
    end)
    s = gsub_if(s, " ask", "%f[%a]([HhSs]h?e) ask%f[%A]", "%1 asked")
    s = gsub_if(s, " say", "(, I) say (\")", "%1 said %2")
    s = gsub_if(s, " say", "(and I) say (\")", "%1 said %2")
    s = gsub_if(s, "tell about", "%f[%a]I tell about", "I told you about")
    -- "available full time from 10 Nov": the writer's
    s = s:gsub("^[Aa]vailable ", "I'm available ")
    -- "he made many questions about": asked
    s = gsub_if(s, "made ", "%f[%a]made (%a* ?)questions", "asked %1questions")
    -- "a years trial" -> "a year's trial"
    s = s:gsub("%f[%a]a (year)s (%a)", "a %1's %2")
    -- "I'm chartered since 2022" -> "I've been chartered since 2022"
    s = gsub_if(s, " since ", "%f[%a]I'm ([^,;:%.]-) since ",
      "I've been %1 since ")
    s = gsub_if(s, " since ", "%f[%a]I am ([^,;:%.]-) since ",
      "I have been %1 since ")
    -- "since 2 years": a span is "for"
    s = gsub_if(s, " since ", "( been [^,;:%.]-) since (%d+ [mwy]%l+s)%f[%A]",
      "%1 for %2")
    -- "black Friday week": the day's name is the whole name
    s = gsub_if(s, "Friday", "%f[%a]black Friday", "Black Friday")
    s = gsub_if(s, "Monday", "%f[%a]cyber Monday", "Cyber Monday")
    -- "in my actual hospital": a false friend for "current"
    s = gsub_if(s, "actual ", "%f[%a]([Mm]y) actual (%a+)", function(my, w)
      if actual_nouns[w:lower()] then return my .. " current " .. w end
    end)
    -- "when I explain the class": the interview is past
    s = gsub_if(s, "hen I ", "(%f[%a][Ww]hen I) (%l+)(%s)", function(w, v, sp)
      local was = told_present[v]
      if was then return w .. " " .. was .. sp end
    end)
    -- "before next stage", "after first night", "for first 2 shifts":
    -- the article a hurried note leaves out (not "next week", "last year")
    s = gsub_if(s, "st ", "(%f[%a][BbAaFfIiUu]%l+) (first) (%w+)", with_the)
    s = gsub_if(s, "xt ", "(%f[%a][BbAaFfIiUu]%l+) (next) (%w+)", with_the)
    -- "binned like 40L": about, said in a letter
    s = gsub_if(s, "like ", "(%f[%a]%l+ed) like (~?%d)", "%1 about %2")
    -- "engagement up 12 pts": points, not patients
    s = gsub_if(s, " pts", "(%f[%a][UuDd][po]w?n? %d+) pts%f[%A]", "%1 points")
    s = gsub_if(s, " pts", "(%f[%a][Bb]y %d+) pts%f[%A]", "%1 points")
    -- "its 45 in the middle": the apostrophe left out before a number
    s = gsub_if(s, "ts ", "%f[%a]([Ii])ts (%d)", "%1t's %2")
    local prev
    -- ("Q&A", "R&D": a name with its ampersand is no shorthand)
    s = s:gsub("()([%w\128-\255'\u{2019}]+)()", function(a, w, b)
      local r = expand_word(w, prev)
      if s:sub(b, b) == "&" or s:sub(a - 1, a - 1) == "&" then r = w end
      prev = w
      return r
    end)
    -- "3-yr roster", "2-hr response": a number and its unit before a
    -- noun are one word, and singular
    if s:find("%d%-%a") then
      s = s:gsub("(%d)%-(%a+)s(%s+%a)", function(n, unit, rest)
        if unit == "year" or unit == "hour" or unit == "week" or
           unit == "month" or unit == "minute" or unit == "day" then
          return n .. "-" .. unit .. rest
        end
      end)
    end
    -- "15 minutes team meeting every week", "12 hours shift": a length
    -- before the thing it measures is one word, singular, and one of
    -- them ("a 15-minute team meeting") where a list or "with" puts it
    -- "flags crews 2h before", "a 24h turnaround": hours
    s = gsub_if(s, "h ", "%f[%d](%d+)h (%a)", function(n, a)
      return n .. (n == "1" and " hour " or " hours ") .. a
    end)
    -- ("10 min stand up": one thing, a stand-up)
    s = gsub_if(s, "stand up", "(%d minutes?) stand up%f[%A]", "%1 stand-up")
    s = gsub_if(s, " minutes ", "()(%d+) minutes ([%a%-]+)", function(at, n, w)
      return timed_noun(s, at, n, "minute", w)
    end)
    s = gsub_if(s, " hours ", "()(%d+) hours (%a+)", function(at, n, w)
      return timed_noun(s, at, n, "hour", w)
    end)
    -- "a tracker in excel", "whatsapp group": names written as they are
    s = gsub_if(s, "excel", "(%f[%a][IiOo][nf]) excel%f[%A]", "%1 Excel")
    s = gsub_if(s, "excel ", "%f[%a]excel (%a+)", function(w)
      if w == "spreadsheet" or w == "sheet" or w == "tracker" or
         w == "model" or w == "file" or w == "workbook" then
        return "Excel " .. w
      end
    end)
    s = gsub_if(s, "whatsapp", "%f[%a]whatsapp%f[%A]", "WhatsApp")
    -- "he asked min diversion fuel": about the minimum
    s = gsub_if(s, "min ", "%f[%a](asked) min (%l+)", "%1 about minimum %2")
    s = gsub_if(s, "min ", "%f[%a]([Tt]he) min (%l+)", "%1 minimum %2")
    -- "I garbled it - said ...": and said
    s = gsub_if(s, " said ", "(%f[%a]I %l+ it) [%-\u{2013}] said ", "%1 and said ")
    -- "on time perf": on-time performance
    s = gsub_if(s, " perf", "%f[%a]([Oo]n)[%s%-]time perf%f[%A]", "%1-time performance")
    -- "been at Brackley 6 yrs": I have
    s = s:gsub("^[Bb]een (%l+) ", function(w)
      if ({at = 1, with = 1, ["in"] = 1, a = 1, an = 1, on = 1})[w] or
         w:match("ing$") then
        return "I've been " .. w .. " "
      end
    end)
    -- "id keep the prices", "Already have IMI level 2": I'd, I already
    s = gsub_if(s, "id ", "%f[%a]id (%l+)", function(w)
      if ({keep = 1, have = 1, be = 1, ["do"] = 1, say = 1, go = 1,
          get = 1, take = 1, make = 1, like = 1, love = 1, want = 1,
          need = 1, rather = 1, probably = 1, just = 1, never = 1,
          start = 1, put = 1, run = 1, ask = 1, try = 1})[w] then
        return "I'd " .. w
      end
    end)
    s = s:gsub("^[Aa]lready (have) ", "I already %1 ")
    -- "if id trained anyone": I'd
    s = gsub_if(s, "id ", "%f[%a]([Ii]f) id (%l)", "%1 I'd %2")
    s = gsub_if(s, "id ", "%f[%a]id (%l+ed)%f[%A]", "I'd %1")
    -- "behaviour - liked that I do meet-and-greet": what they liked
    s = s:gsub("^%a[%a/&]*%s?%a* [%-\u{2013}] ((%a+) that I%s)", function(all, v)
      if v == "liked" or v == "loved" or v == "likes" or v == "loves" then
        return all
      end
    end)
    -- "I've been at Brackley 6 years": for 6 years
    s = s:gsub("^(I've been at [%w%s']-) (%d+ years)", function(a, b)
      if not a:match(" for$") then return a .. " for " .. b end
    end)
    -- "lamination - I wrote the spec sheet": a word for it, then what I did
    s = s:gsub("^(%a[%a/&]*%s?%a*) [%-\u{2013}] (I%s)", "%1: %2")
    -- "1 nurse going on mat leave": maternity leave
    s = gsub_if(s, "at leave", "%f[%a]([mp])at leave%f[%A]", function(m)
      return (m == "m" and "maternity" or "paternity") .. " leave"
    end)
    -- "should've said explain why + offer ...": what I would do
    local function would(said, v, sp)
      if told_verbs[v] then return said .. " I would " .. v .. sp end
    end
    -- ("should've said", "shoulda said"; then "should have said")
    s = gsub_if(s, " said ", "(%f[%a]should%S* said) (%l+)(%s)", would)
    s = gsub_if(s, " said ", "(%f[%a]should have said) (%l+)(%s)", would)
    -- "availability is 94% target 97": against a target
    if s:find(" target ", 1, true) then
      s = s:gsub("(%d)(%%?) target (%d+)(%%?)", function(a, p1, b, p2)
        return a .. p1 .. " against a target of " .. b .. (p2 ~= "" and p2 or p1)
      end)
    end
    s = drop_asides(s)
    -- "read the protocols before the test esp RSI": a comma before it
    s = gsub_if(s, "especially ", "(%l) especially (%u)", "%1, especially %2")
    -- "Harriet will email re round 2": about it
    s = gsub_if(s, "re ", "(%s)re ([%l%d])", "%1about %2")
    s = gsub_if(s, "re ", "^[Rr]e ([%l%d])", "About %1")
    -- "my first time fix went ~70% -> 88%": went from one to the other
    s = gsub_if(s, "went ", "%f[%a]went (about %d[%d%.,]*%%?) to (%d)",
      "went from %1 to %2")
    s = gsub_if(s, "went ", "%f[%a]went (%d[%d%.,]*%%?) to (%d)",
      "went from %1 to %2")
  end
  local kept = {}
  for _, sentence in ipairs(voice.sentences(s)) do
    -- "Real answer is 6-7", "Truth is I ...": the article a note leaves
    -- out
    local real, rest = sentence:match("^[Rr]eal (%a+) is (%S.*)$")
    if real == "answer" or real == "reason" or real == "problem" or
       real == "number" or real == "figure" then
      sentence = "The real " .. real .. " is " .. rest
    end
    -- "Thinking about it on the drive home that was wrong, I did: in
    -- 2023 I linked ...": what is true, plainly
    local truth = sentence:match("^[Tt]hinking about it[%a%s]-,? that was wrong,? I %a+:%s+(%S.*)$")
      or sentence:match("^[Tt]hat was wrong,? I %a+:%s+(%S.*)$")
    if truth and #sentence < 600 then
      sentence = "In fact, " .. truth
    end
    -- 'I said "I don't have behaviour problems" -- arrogant and not
    -- true.': the verdict after a dash goes
    local said_part, tail = sentence:match("^(.-%S)%s+[%-\u{2013}\u{2014}]+%s+([%a%s',!]+)[%.!]*$")
    if tail and #tail < 80 then
      local all_verdict, n = true, 0
      for w in tail:lower():gmatch("[%a']+") do
        n = n + 1
        if not (verdict_set[w] or selftalk_set[w] or dash_verdicts[w]) then
          all_verdict = false
        end
      end
      if all_verdict and n > 0 and n <= 6 then
        sentence = said_part .. "."
      end
    end
    -- 'I said "I'd just follow the SOP": sounds like passing the buck.':
    -- the verdict after what was said goes
    local quoted_said, after_q = sentence:match('^(.-%f[%a]I said[^"]-"[^"]+")%s*:%s+(%S.*)$')
    if after_q and is_verdict(after_q) then
      sentence = quoted_said .. "."
    end
    if sentence:match("^[Tt]ruth is,? %S") then
      sentence = "The truth is " .. sentence:gsub("^[Tt]ruth is,? ", "")
    end
    if not keep_verdicts and not is_verdict(sentence) then
      -- "Wrong - at the Harcourt I led ...", "True-ish but I do ...":
      -- "Point is I do know CBI tooling": what is true, plainly
      local point = sentence:match("^[Pp]oint is,? (%S.*)$") or
        sentence:match("^[Tt]he point is,? (%S.*)$")
      if point and point:match("^I%s") then
        sentence = "In fact, " .. point
      end
      -- the verdict before what is said goes
      local head, rest = sentence:match("^([%a%s'%-]-)%s*[,:%-\u{2013}\u{2014}]+%s+(%S.*)$")
      if not head then
        head, rest = sentence:match("^([Tt]rue%-ish),? but (%S.*)$")
      end
      -- "Wrong/too rigid: at Ridgeway we went to 85%": verdicts in a row
      if not head then
        head, rest = sentence:match("^(%a+/[%a%s'%-]-)%s*[:%-\u{2013}\u{2014}]+%s+(%S.*)$")
        if head and is_verdict(head:match("^(%a+)/")) then
          head = head:match("^(%a+)/")
        end
      end
      local w = rest and (rest:match("^(%a+)") or ""):lower()
      if head and #head <= 16 and (is_verdict(head) or
         head:lower() == "true-ish") and not (w == "but" or w == "and" or
         w == "so" or w == "or") then
        local h = head:lower()
        if h == "wrong" or h == "not true" then
          -- "Not true: at Corra I ran ..." -> "In fact, at Corra I ran ..."
          if rest:match("^%u%l") and not rest:match("^I%f[%A]") then
            rest = rest:sub(1, 1):lower() .. rest:sub(2)
          end
          sentence = "In fact, " .. voice.own(rest)
        else
          sentence = capitalize(rest)
        end
      end
      -- "..., I know this, just nerves": how it felt, at the end
      sentence = sentence:gsub(",%s+I kn[eo]w this,?%s+just nerves([%.!]*)$", "%1")
        :gsub(",%s+just nerves([%.!]*)$", "%1")
        :gsub(",%s+I kn[eo]w this([%.!]*)$", "%1")
      -- "The bad bit: when you asked ...": the note's label for it
      local labelled = sentence:match("^[Tt]he %a+ bit:%s+(%S.*)$") or
        sentence:match("^[Tt]he %a+ part:%s+(%S.*)$") or
        sentence:match("^[Tt]he %a+ moment:%s+(%S.*)$")
      if labelled then sentence = capitalize(labelled) end
      -- "should be: don't discuss with anyone": what I should have said
      local should = sentence:match("^[Ss]hould be:%s+(%l.*)$")
      if should then sentence = "What I should have said is: " .. should end
      -- "..., literally their problem": the writer's aside at the end
      sentence = sentence:gsub(",%s+%a*%s*literally (%a+) problem([%.!]*)$", "%2")
      sentence = sentence:gsub(",%s+exactly (%a+) problem([%.!]*)$", "%2")
    end
    -- '"whatever you think is fair" which is so dumb': the aside's
    -- remains once its verdict has gone
    sentence = sentence:gsub(",?%s+which %a+ so%s*([%.!]?)$", "%1")
    if (keep_verdicts and not is_selftalk(sentence)) or
       not is_verdict(sentence) then
      kept[#kept + 1] = sentence
    end
  end
  s = table.concat(kept, " ")
  s = s:gsub("%s+([,;:%.!?])", "%1")
  if holds_any(s, doubled_marks) then s = s:gsub("([,;:])[,;:]+", "%1") end
  s = gsub_if(s, "..", "%.%.+", ".")
  s = gsub_if(s, "!.", "!%.", "!")
  s = gsub_if(s, "?.", "%?%.", "?")
  -- "said I \"don't do pharma\" -> wrong": the verdict after a colon
  s = gsub_if(s, ":", ":%s+[Ww]rong([%.!]?)", "%1")
  s = gsub_if(s, ":", ":%s+[Nn]ot true([%.!]?)", "%1")
  s = squeeze(s)
  if abbreviated then s = s:gsub("\2", "i.e."):gsub("\3", "e.g.") end
  return trim(s)
end

-- The composer normalises a point many times (to select it, for each
-- recipient, to look for a next step): the same text gives the same
-- prose, so each is worked out once. Kept small: emptied when full.
local memo, memo_size, MEMO_MAX = {}, 0, 2048
local plain_words = {}
function voice.normalize(text, keep_verdicts, words)
  local key = words or plain_words
  local by_words = memo[key]
  if not by_words then
    by_words = {[true] = {}, [false] = {}}
    memo[key] = by_words
  end
  local cache = by_words[keep_verdicts and true or false]
  local r = cache[text]
  if r then return r end
  r = normalize(text, keep_verdicts, words)
  -- "call Fri re 2nd round": "about the second round"
  if r:find(" round", 1, true) then
    r = r:gsub("%f[%a]([Aa]bout) (%a+) (round%f[%A])", function(a, n, w)
      if n == "second" or n == "third" or n == "final" or n == "next" then
        return a .. " the " .. n .. " " .. w
      end
    end)
  end
  if memo_size >= MEMO_MAX then memo, memo_size = {}, 0
  else memo_size = memo_size + 1 end
  cache[text] = r
  return r
end

-- ---- perspective ---------------------------------------------------------

-- The person a draft goes to, as the rules need them: their names (full,
-- first, surname with a title, possessives) and pronouns.
local honorifics = {mr = true, mrs = true, ms = true, miss = true,
  mx = true, dr = true, prof = true, professor = true, sir = true,
  dame = true, chef = true}

function voice.person(p, note)
  if not (p and p.name) then return nil end
  local words = {}
  for w in p.name:gmatch("%S+") do words[#words + 1] = w end
  local title
  if #words > 1 and honorifics[words[1]:lower():gsub("%.$", "")] then
    title = table.remove(words, 1)
  end
  local who = {name = p.name, first = words[1], last = words[#words],
    title = title, names = {}}
  local function add(n) if n and #n > 1 then who.names[#who.names + 1] = n end end
  add(p.name)
  add(table.concat(words, " "))
  if title then add(title .. " " .. who.last) end
  add(words[1])
  table.sort(who.names, function(a, b) return #a > #b end)
  -- the note's pronouns speak of one interviewer; on a panel, the points
  -- routed to this member (@james) speak of them
  local of_them = note
  if note and #(note.interviewers or {}) > 1 then
    of_them = {points = {}}
    for _, pt in ipairs(note.points or {}) do
      if pt.mentions and #pt.mentions > 0 then
        of_them.points[#of_them.points + 1] = {text = pt.text,
          details = pt.details}
      end
    end
  end
  who.pronouns = voice.pronouns(p, of_them)
  who.honorific = ({she = "Ms", he = "Mr"})[who.pronouns or ""]
  return who
end

-- People a note may tell of besides the interviewer ("a doctor").
local other_people = {}
for w in ([[doctor consultant nurse manager boss client patient customer
  colleague supervisor teacher parent dad mum mother father partner
  contractor tenant guest bride groom engineer surgeon vet driver
  student pupil child kid son daughter man woman guy lady director
  lead coworker co-worker resident member donor volunteer officer
  inspector auditor owner landlord buyer seller trainee apprentice
  sub subcontractor chef cook]]):gmatch("[%a%-]+") do
  other_people[w] = true
end

-- "she/her" from the front matter, else the pronoun the note uses most.
function voice.pronouns(p, note)
  local given = p.pronouns
  if type(given) == "string" then
    local l = given:lower()
    if l:match("^she") then return "she" end
    if l:match("^he") then return "he" end
    if l:match("^they") then return "they" end
  end
  if not (note and note.points) then return nil end
  -- the words of the points and their details once, and of each heading
  -- three times: a heading ("Her guidance") speaks of the interviewer
  local texts, headings = {}, {}
  for _, pt in ipairs(note.points) do
    texts[#texts + 1] = pt.text
    for _, d in ipairs(pt.details or {}) do texts[#texts + 1] = d.text end
    if pt.heading and not headings[pt.heading] then
      headings[pt.heading] = true
      for _ = 1, 3 do texts[#texts + 1] = pt.heading end
    end
  end
  local all = table.concat(texts, "\n"):lower()
  -- (not a sentence that names another person first: "a time I
  -- disagreed with a doctor and I went along with him")
  if all:find("%f[%a]an? %a+") or all:find("%f[%a]the %a+") or
     all:find("%f[%a]my %a+") then
    all = all:gsub("[^%.!?\n]+", function(sentence)
      if #sentence > 2000 then return nil end
      local prev
      for w in sentence:gmatch("%a+") do
        if (prev == "a" or prev == "an" or prev == "the" or prev == "my") and
           other_people[w] then
          return ""
        end
        prev = w
      end
    end)
  end
  local n = {she = 0, he = 0}
  local of = {she = "she", her = "she", hers = "she", he = "he", him = "he",
    his = "he"}
  -- each whole word, found where the text holds it (a frontier pattern
  -- over the whole note cost a pass over it)
  for w, who in pairs(of) do n[who] = n[who] + count_word(all, w) end
  if n.she > n.he then return "she" end
  if n.he > n.she then return "he" end
  return nil
end

local pronoun_sets = {
  she = {subject = "she", object = "her", possessive = "her",
         owned = "hers", self = "herself"},
  he = {subject = "he", object = "him", possessive = "his",
        owned = "his", self = "himself"},
  they = {subject = "they", object = "them", possessive = "their",
          owned = "theirs", self = "themself"},
}

-- Words after "her" that show it is the object ("asked her about"), not
-- the possessive ("her GM").
local after_object = {about = true, ["for"] = true, to = true, with = true,
  that = true, ["if"] = true, how = true, why = true, what = true,
  when = true, whether = true, the = true, a = true, an = true, my = true,
  on = true, at = true, ["in"] = true, by = true, again = true,
  ["and"] = true, ["or"] = true, but = true, so = true, this = true,
  it = true, me = true, up = true, out = true, back = true, last = true,
  next = true, i = true, we = true, he = true, she = true, they = true,
  you = true, our = true}

-- "you" followed by its verb made to agree: of `rest`, the text after
-- "you", returns the changed start and how many bytes of rest it stands
-- for ("" and 0 when nothing changes).
-- Words in -ing after "her" that are a thing of hers ("her thing", "her
-- morning"), not what she was doing.
local her_things = {thing = true, things = true, nothing = true,
  something = true, everything = true, morning = true, evening = true,
  building = true, meeting = true, wedding = true, ceiling = true,
  feeling = true, feelings = true, ring = true, wing = true,
  training = true, booking = true, bookings = true, planning = true}
-- The verb after "and" in the clause an agreed verb opens: "she does
-- that herself and loves it" -> "... and love it"; the text (with its
-- length) up to and with that verb; nil when there is none, or another
-- subject comes first.
local clause_subjects = {i = true, we = true, he = true, she = true,
  they = true}
local object_starts = {the = true, a = true, an = true, my = true,
  our = true, your = true, her = true, his = true, their = true,
  every = true, each = true, some = true, any = true, no = true}
local function and_agreeing(rest)
  local clause = rest:match("^[^,;:%.!?\"]*") or ""
  if #clause > 200 then return nil end
  local a, b, w = clause:find("%s+and%s+([%a']+)")
  if not a then return nil end
  for x in clause:sub(1, a):gmatch("[%a']+") do
    local l = x:lower()
    if clause_subjects[l] or x:match("^%u") or s_verbs[l] or agree[l] or
       past[l] then
      return nil
    end
  end
  local to = agree[w:lower()] or s_verbs[w:lower()]
  if not to then return nil end
  -- (a verb before its object, not a noun: "and loves it", "and owns
  -- the building", not "escalations and calls")
  local nxt = (clause:sub(b + 1):match("^%s+([%a']+)") or ""):lower()
  -- ("... yourself and is knackered": "is" wants no object)
  local be = ({is = 1, was = 1, has = 1, ["isn't"] = 1, ["wasn't"] = 1,
    ["hasn't"] = 1})[w:lower()]
  if not be and not (object_starts[nxt] or nxt == "it" or nxt == "them" or
     nxt == "that" or nxt == "this" or nxt == "to" or nxt == "me" or
     nxt == "us" or nxt == "you" or nxt == "everything" or nxt == "all") then
    return nil
  end
  return rest:sub(1, b - #w) .. to, b
end

-- The form a third-person verb takes after "you" ("needs" -> "need",
-- "has" -> "have"); the word as it is when it is none.
-- (and verbs that are nouns as often, read as verbs only after their
-- subject: "you cover everything", where "covers up 40%" is a count)
local after_subject = {covers = "cover", runs = "run", staffs = "staff",
  books = "book", checks = "check", signs = "sign"}
function voice.after_you(w)
  local l = w:lower():gsub("\u{2019}", "'")
  return agree[l] or s_verbs[l] or after_subject[l] or w
end

local function agreeing(rest)
  local adv, word = rest:match("^(%s+)([%a'\u{2019}]+)")
  if not word then
    adv, word = rest:match("^()(['\u{2019}]s)%f[%A]")
    if not word then return "", 0 end
    adv = ""
  end
  local pre, len = adv, #adv + #word
  if adverbs[word:lower()] then
    local a2, w2 = rest:sub(len + 1):match("^(%s+)([%a'\u{2019}]+)")
    if w2 then
      pre = adv .. word .. a2
      len = len + #a2 + #w2
      word = w2
    end
  end
  local lw = word:lower():gsub("\u{2019}", "'")
  local to = agree[lw] or s_verbs[lw] or after_subject[lw]
  if not to then return "", 0 end
  return pre .. to, len
end

-- Whether the byte of s at i is one of a word ([%w\128-\255]).
local function is_word_byte(s, i)
  return s:find("^[%w\128-\255]", i) ~= nil
end

-- Replaces the whole word w (case aside at its first letter) in s.
-- lower: s in lower case, when the caller has it (a quick no).
local function each_word(s, w, fn, lower)
  local lw = w:lower()
  if not (lower or s:lower()):find(lw, 1, true) then return s end
  local out, from = {}, 1
  -- the first letter in either case, the rest as written, a whole word:
  -- what "%f[%w\128-\255][Xx]rest%f[^%w\128-\255]" finds, looked for
  -- only where the lower case of s holds w (a pass of that pattern cost)
  local ls, rest, n = s:lower(), w:sub(2), #w
  local a = ls:find(lw, 1, true)
  while a do
    local b = a + n - 1
    if s:sub(a + 1, b) == rest and not (a > 1 and is_word_byte(s, a - 1))
       and is_word_byte(s, a) and is_word_byte(s, b) and
       not is_word_byte(s, b + 1) then
      out[#out + 1] = s:sub(from, a - 1)
      local r, skip = fn(s:sub(a, b), s:sub(b + 1), s:sub(1, a - 1))
      out[#out + 1] = r
      from = b + 1 + (skip or 0)
      a = ls:find(lw, from, true)
    else
      a = ls:find(lw, a + 1, true)
    end
  end
  out[#out + 1] = s:sub(from)
  return table.concat(out)
end

-- Whether the text before a position ends a sentence (or is empty).
local function starts_sentence(before)
  return before:match("^%s*[\"'\u{201C}]?$") ~= nil or
    before:match("[%.!?:][\"'\u{201D}]?%s+[\"'\u{201C}]?$") ~= nil
end

local function you(word, before)
  if starts_sentence(before) then return "You" end
  return "you"
end

-- The interviewer in the third person becomes "you": their names, the
-- pronouns the note uses for them, and (company = true) the
-- organisation's "they".  A third person stays a third person.
-- "the mother who wanted to redo the seating plan. I sat down with her":
-- after a person the text brings in with "who", "she" and "her" are that
-- person's (whoever the reader is).
local people_who = {mother = true, father = true, bride = true,
  groom = true, pt = true, patient = true, woman = true, man = true,
  lady = true, guy = true, boss = true, manager = true, colleague = true,
  client = true, customer = true, tenant = true, guest = true,
  resident = true, child = true, kid = true, boy = true, girl = true,
  donor = true, volunteer = true, driver = true, student = true,
  pupil = true, parent = true, member = true, nurse = true, couple = true,
  family = true,
  doctor = true, engineer = true, employee = true, person = true}
local function other_person_at(s)
  for at, w in s:gmatch("()(%a+) who%f[%A]") do
    if people_who[w:lower()] then return at end
  end
  return nil
end

-- Whether a word in -ing is a doing ("doing", "running"), not a thing
-- ("building", "wedding"): set below, beside ing_nouns.
local is_doing
-- Whether the possessive after `before` is another's: "the PM changed his
-- mind", "we reintroduced Nia after her hand surgery" (a name not the
-- reader's, then its verb or a preposition).
voice.after_name = {after = true, before = true, during = true,
  ["for"] = true, from = true, with = true, since = true, ["until"] = true}
function voice.others_own(before, who)
  local other, w = before:match("(%S+)%s+(%a+)%s+$")
  -- (a person's name mid-sentence: not "by Friday for her board", nor
  -- the first word of a sentence)
  local ahead = other and before:match("(%S+)%s+%S+%s+%a+%s+$")
  if other and voice.after_name[w] and (other:lower():match("day$") or
     months[other:lower()] or not ahead or ahead:match("[%.!?]$")) then
    return false
  end
  if not (other and other:match("^%u") and (w:match("ed$") or
     voice.after_name[w])) or other == "You" or other == "He" or
     other == "She" or other == "I" or other == "They" then
    return false
  end
  for _, n in ipairs(who.names) do
    if other == n then return false end
  end
  return true
end
function voice.address(s, who, company)
  -- (words in quotation marks are as said: 'I said "they're usually the
  -- problem"' is not "you're")
  if s:find('"', 1, true) and not s:find("\u{E000}", 1, true) then
    local _, n = s:gsub('"', "")
    if n >= 2 and n % 2 == 0 then
      -- (each quotation stands aside as a mark while the rest is
      -- addressed whole, then comes back as it was)
      local quoted = {}
      local held = s:gsub('"[^"]*"', function(q)
        quoted[#quoted + 1] = q
        return "\u{E000}" .. #quoted .. "\u{E001}"
      end)
      held = voice.address(held, who, company)
      return (held:gsub("\u{E000}(%d+)\u{E001}", function(i)
        return quoted[tonumber(i)]
      end))
    end
  end
  -- (what follows such a person is addressed as far as the person)
  local at = who and not who.names_only and s:find(" who", 1, true) and
    other_person_at(s)
  if at then
    local names_only = setmetatable({names_only = true}, {__index = who})
    return voice.address(s:sub(1, at - 1), who, company) ..
      voice.address(s:sub(at), names_only, false)
  end
  if who then
    for _, n in ipairs(who.names) do
      if s:find(n, 1, true) then
        local q = n:gsub("%p", "%%%0")
        -- "Hugh's doing relief milking himself": he is, not his
        s = s:gsub("%f[%w]" .. q .. "['\u{2019}]s (%l+ing)%f[%A]", function(v)
          if is_doing(v) then return "you're " .. v end
        end)
        s = s:gsub("%f[%w]" .. q .. "['\u{2019}]s (been)%f[%A]", "you've %1")
        s = s:gsub("%f[%w]" .. q .. "['\u{2019}]?s%f[%W]", "your")
        s = each_word(s, n, function(word, after, before)
          local agreed, len = agreeing(after)
          local both, upto
          if len > 0 then both, upto = and_agreeing(after:sub(len + 1)) end
          if both then return you(word, before) .. agreed .. both, len + upto end
          return you(word, before) .. agreed, len
        end)
      end
    end
    local set = pronoun_sets[who.pronouns or ""]
    if set and set.subject ~= "they" and not who.names_only then
      s = each_word(s, set.subject .. "'s", function(_, _, before)
        return you("", before) .. "'re"
      end)
      s = each_word(s, set.subject, function(_, after, before)
        local agreed, len = agreeing(after)
        -- (and the verb after "and" in its clause)
        local both, upto
        if len > 0 then both, upto = and_agreeing(after:sub(len + 1)) end
        if both then return you("", before) .. agreed .. both, len + upto end
        return you("", before) .. agreed, len
      end)
      s = each_word(s, set.self, function() return "yourself" end)
      if set.object == set.possessive then
        s = each_word(s, set.object, function(word, after, before)
          local next_word = after:match("^%s+([%a']+)")
          local object = not next_word or after:match("^[%p]") or
            after_object[next_word:lower()] or
            (next_word:match("ing$") and not her_things[next_word:lower()])
          if not object and voice.others_own(before, who) then return word end
          if starts_sentence(before) then
            return object and "You" or "Your"
          end
          return object and "you" or "your"
        end)
      else
        s = each_word(s, set.object, function(_, _, before)
          return you("", before)
        end)
        s = each_word(s, set.possessive, function(word, _, before)
          -- "the PM changed his mind": another's, after their verb
          if voice.others_own(before, who) then return word end
          return starts_sentence(before) and "Your" or "your"
        end)
      end
    end
    if (set and set.subject == "they") or company then
      s = voice.their_to_yours(s, set and set.subject == "they")
    end
  elseif company then
    s = voice.their_to_yours(s)
  end
  return s
end

-- "they/their/them/they're" of the organisation (or a singular-they
-- interviewer) become "you/your/you/you're".
local plural_verbs = {run = true, own = true, manage = true, lead = true,
  choose = true, set = true, get = true, keep = true, lost = true,
  do_ = true, make = true, bring = true, take = true, love = true}

-- "check they're safe", "make sure they understand": the people the
-- work is for (a patient, a customer), not the organisation.
local checking = {check = true, ensure = true, sure = true, confirm = true,
  whether = true, ["if"] = true}
local function someone_else(before)
  local w = before:match("(%a+)%s*$")
  return w ~= nil and checking[w:lower()] ~= nil
end

-- People a note speaks of as "they" ("a patient isn't doing their
-- exercises", "a policyholder yelling ... let them finish"): after one of
-- them, "they" and "their" are that person's, not the organisation's.
local third_parties = {}
for w in ([[funders donors suppliers vendors clients customers partners
  competitors patient customer client policyholder caller child pupil
  student worker employee colleague member person passenger tenant user
  guest driver candidate resident parent visitor learner trainee
  volunteer contractor supplier applicant claimant someone somebody
  anyone]]):gmatch("%a+") do
  third_parties[w] = true
end
local function third_party_at(l)
  for at, w in l:gmatch("()(%a+)") do
    if third_parties[w] then
      local before = l:sub(math.max(1, at - 24), at - 1)
      -- ("two big funders closed their programmes": a plural of others)
      if w:match("s$") and before:match("%f[%a]%a+%s+$") and
         not before:match("%f[%a]your?%s+$") and
         not before:match("%f[%a]their%s+$") and
         not before:match("%f[%a]our%s+$") then
        return at
      end
      if w == "someone" or w == "somebody" or w == "anyone" or
         before:match("%f[%a]an?%s+$") or before:match("%f[%a]an?%s+[%a%-]+%s+$")
         or before:match("%f[%a]each%s+$") or before:match("%f[%a]every%s+$")
         or before:match("%f[%a]any%s+$") then
        return at
      end
    end
  end
  return nil
end

-- words of four or more letters in -s that name no others
local not_plural = {always = true, perhaps = true, whereas = true,
  news = true, series = true, years = true, months = true, weeks = true,
  days = true, hours = true, minutes = true, does = true, sometimes = true,
  besides = true, towards = true, afterwards = true, results = true,
  numbers = true, figures = true, costs = true, sales = true}
local harm_verbs = {eating = true, costing = true, hurting = true,
  killing = true, hitting = true, cost = true, costs = true}
-- "Schools tell them the coach cost is the problem": what those the
-- organisation serves say or do to it
local tell_verbs = {tell = true, told = true, ask = true, asked = true,
  blame = true, blamed = true, warned = true, warn = true}
local outside = {schools = true, customers = true, clients = true,
  tenants = true, patients = true, parents = true, funders = true,
  members = true, residents = true, users = true, growers = true,
  families = true, donors = true, guests = true, buyers = true,
  retailers = true, insurers = true, reinsurers = true, brokers = true,
  regulators = true, shoppers = true, visitors = true, farmers = true,
  airlines = true, councils = true, hospitals = true, trusts = true,
  students = true, passengers = true, diners = true, couples = true}
-- "couples say they feel passed around": "they" are those who say it
local say_verbs = {say = true, said = true, says = true, tell = true,
  told = true, feel = true, felt = true, think = true, thought = true,
  complain = true, complained = true, reckon = true}
local function said_by_others(before)
  local who, verb = before:match("(%a+)%s+(%a+)%s*$")
  return who ~= nil and outside[who:lower()] and say_verbs[verb:lower()]
end
function voice.their_to_yours(s, singular)
  -- the words below are only ever replaced by "you" forms: the text's
  -- lower case before any of them says which can be there
  local l = s:lower()
  if not l:find("the", 1, true) then return s end
  -- 'talk to the volunteers, "they're our best donors"': in the words of
  -- one who says "our", "they" is not the organisation (that is "we")
  local q = s:find('"', 1, true)
  if q then
    local close = s:find('"', q + 1, true)
    local inner = close and s:sub(q, close):lower()
    if inner and (inner:find("%f[%a]our%f[%A]") or
       inner:find("%f[%a]we%f[%A]")) then
      return voice.their_to_yours(s:sub(1, q - 1), singular) ..
        s:sub(q, close) .. voice.their_to_yours(s:sub(close + 1), singular)
    end
  end
  local at = third_party_at(l)
  if at then
    return voice.their_to_yours(s:sub(1, at - 1), singular) .. s:sub(at)
  end
  local addressed = false
  for _, short in ipairs({"'re", "\u{2019}re", "'ve", "'ll", "'d"}) do
    s = each_word(s, "they" .. short, function(word, _, b)
      if someone_else(b) then return word end
      addressed = true
      return you("", b) .. short:gsub("\u{2019}", "'")
    end, l)
  end
  s = each_word(s, "they", function(word, after, b)
    if someone_else(b) or said_by_others(b) then return word end
    local agreed, len = agreeing(after)
    addressed = true
    return you("", b) .. agreed, len
  end, l)
  -- "they absorbed the VAT themselves": "you ... yourselves"
  -- (when no other plural comes between: "the tenants fixed it
  -- themselves" is theirs)
  if addressed then
    s = each_word(s, "themselves", function(word, _, b)
      local between = b:match(".*%f[%a][Yy]ou%f[%A](.*)$") or b
      for w in between:gmatch("%a+") do
        if #w > 3 and w:match("[^s]s$") and w:match("^%l") then
          return word
        end
      end
      return singular and "yourself" or "yourselves"
    end, l)
  end
  s = each_word(s, "their", function(word, _, b)
    local prev = b:match("(%a+)%s*$")
    if prev and plural_verbs[prev:lower()] then return word end
    -- "grads not getting their competencies signed off", "customers
    -- renew their contracts": theirs, when others are the subject of the
    -- verb just before it
    -- (the last few words only: a long run of letters before it is no
    -- reason to scan the whole text)
    local tb = b:sub(-120)
    local w3, w2, w1 = tb:match("(%a+)%s+(%a+)%s+(%a+)%s*$")
    if not w3 then w2, w1 = tb:match("(%a+)%s+(%a+)%s*$") end
    local function others(w)
      return w and #w > 3 and w:match("^%l") and w:match("[^su']s$") and
        not not_plural[w]
    end
    local function joins(w)
      w = w and w:lower()
      return w == "and" or w == "or" or w == "but" or w == "i" or
        w == "we" or w == "you" or w == "they" or w == "to" or
        w == "for" or w == "with" or w == "of" or w == "in" or
        w == "because" or w == "so" or w == "since" or w == "through" or
        w == "into" or w == "on" or w == "at" or w == "after" or
        w == "from" or w == "across" or w == "by" or w == "over"
    end
    if (others(w2) and not joins(w1)) or
       (others(w3) and not joins(w2) and not joins(w1)) then
      return word
    end
    return starts_sentence(b) and "Your" or "your"
  end, l)
  s = each_word(s, "theirs", function() return "yours" end, l)
  -- "commission is eating them": what harms the organisation
  s = each_word(s, "them", function(word, _, b)
    local tb = b:sub(-120)
    local who, prev = tb:match("(%a+)%s+(%a+)%s*$")
    prev = prev or tb:match("(%a+)%s*$")
    if prev and harm_verbs[prev:lower()] then return "you" end
    if who and tell_verbs[prev:lower()] and outside[who:lower()] then
      return "you"
    end
    return word
  end, l)
  if singular then
    -- ("loads of them 16-20 yr olds": some of a group, not the reader)
    s = each_word(s, "them", function(word, _, b)
      -- ("check parts against them": the scores, not the reader, when
      -- things are named before it in its clause)
      if b:sub(-12):match("%f[%a]against%s*$") then
        local clause = b:sub(-200):match("([^,;%.]*)$") or ""
        for w in clause:gmatch("%a%a%a+s%f[%A]") do
          if not ({this = 1, was = 1, has = 1, does = 1, yes = 1, its = 1,
              his = 1, hers = 1, ours = 1, yours = 1, always = 1,
              sometimes = 1, less = 1, unless = 1})[w:lower()] and
             not w:lower():match("ss$") then
            return word
          end
        end
      end
      local q = b:sub(-40):match("(%a+)%s+of%s*$")
      if q and ({loads = 1, lots = 1, most = 1, many = 1, some = 1,
          all = 1, half = 1, none = 1, few = 1, each = 1, both = 1,
          two = 1, three = 1, one = 1, any = 1, several = 1})[q:lower()] then
        return word
      end
      return "you"
    end, l)
    s = each_word(s, "themself", function() return "yourself" end, l)
  end
  return s
end

-- ---- forms ---------------------------------------------------------------

-- What shape of words a text is, so that a slot can word it:
--   "quote"      it opens with a quotation
--   "question"   it ends with a question mark
--   "i"          a clause in the first person ("I cut X", "At Y I led Z")
--   "we"         a clause in the first person plural
--   "you"        a clause about the reader ("You said ...")
--   "past"       a résumé fragment with a past verb ("Led a team of 85")
--   "have"       a first-person fragment with a base verb ("have my cert")
--   "imperative" advice ("Read their protocols")
--   "gerund"     a gerund phrase ("Running CRRT on my own")
--   "clause"     a clause about someone or something else
--   "noun"       a noun phrase ("New power-load stretchers by January")
local relative = {where = true, when = true, that = true, which = true,
  who = true, how = true, what = true, because = true, ["if"] = true,
  whom = true, whose = true, why = true, ["while"] = true}

-- Words that open a noun phrase.
local determiner = {the = true, a = true, an = true, my = true, our = true,
  your = true, their = true, his = true, her = true, its = true,
  this = true, that = true, these = true, those = true, every = true,
  each = true, some = true, any = true, no = true, all = true, most = true,
  many = true, two = true, three = true, both = true, one = true}
-- Whether w (lower case) is a determiner ("the", "my", "every", ...).
function voice.determiner(w) return determiner[w] == true end

-- Words that open a clause before its subject ("Last year I ran ...").
local clause_openers = {}
for w in ([[at in on when after before last this then so and but also
  during since for with as once yesterday today recently back early later
  while if because by from over until every each one two first next
  there here now today tonight afterwards eventually finally
  meanwhile]]):gmatch("%a+") do
  clause_openers[w] = true
end

-- s:gsub("%s*%b()", fn) in one pass (gsub's "%b()" over a run of
-- unclosed brackets is quadratic: a pasted "((((..." took seconds): fn
-- gets each bracketed group and the space before it, and returns what
-- replaces both (nil: they stay).  `spaces` false: the space before a
-- group is not part of it, as with "%b()".
function voice.brackets(s, fn, spaces)
  if not s:find("(", 1, true) then return s end
  local partner, stack = {}, {}
  for i = 1, #s do
    local c = s:byte(i)
    if c == 40 then
      stack[#stack + 1] = i
    elseif c == 41 and #stack > 0 then
      partner[stack[#stack]] = i
      stack[#stack] = nil
    end
  end
  local out, copied, i = {}, 1, 1
  while true do
    local a = s:find("(", i, true)
    if not a then break end
    local b = partner[a]
    if b then
      local from = a
      if spaces ~= false then
        while from > copied and s:sub(from - 1, from - 1):match("%s") do
          from = from - 1
        end
      end
      local r = fn(s:sub(a, b), s:sub(from, a - 1))
      out[#out + 1] = s:sub(copied, from - 1)
      out[#out + 1] = r or s:sub(from, b)
      copied, i = b + 1, b + 1
    else
      i = a + 1
    end
  end
  out[#out + 1] = s:sub(copied)
  return table.concat(out)
end
local function no_brackets(s, spaces)
  return voice.brackets(s, function() return "" end, spaces)
end

local sure_verbs = {is = true, was = true, has = true, had = true,
  will = true, can = true, needs = true, wants = true, went = true,
  got = true, does = true, ["doesn't"] = true, ["isn't"] = true,
  ["hasn't"] = true, gets = true, takes = true, runs = true, opens = true,
  launches = true, starts = true, broke = true, ends = true,
  expires = true, closes = true, finishes = true, renews = true}
local of_phrase = {at = true, of = true, ["in"] = true, ["for"] = true,
  on = true, to = true, with = true, from = true, the = true, a = true,
  an = true}

-- Words after which a verb's bare form agrees: plurals people write
-- without an s, and the words before a bare verb ("who run", "to run").
local collective = {people = true, staff = true, children = true,
  police = true, men = true, women = true, kids = true, management = true,
  team = true, board = true, family = true, couple = true, both = true,
  who = true, that = true, which = true, to = true, ["and"] = true,
  ["or"] = true, i = true, we = true, you = true, they = true,
  ["not"] = true, ["don't"] = true, ["didn't"] = true, can = true,
  will = true, would = true, should = true, could = true, must = true,
  might = true, may = true, ["won't"] = true, ["can't"] = true}
-- Whether word w (lower case), after prev, is a verb's bare form that
-- cannot agree with it: "Lumen Bank launch spot" is a noun of a compound.
local function bare_after_one(prev, w)
  prev = prev:gsub("[,;:]$", "")
  return verbs[w] and not w:match("s$") and #prev >= 3 and
    not determiner[prev] and
    not (s_verbs[w] or sure_verbs[w] or agree[w] or
    past[w]) and not prev:match("s$") and not collective[prev] and
    not of_phrase[prev] and not adverbs[prev] and not prev:match("^%d")
end

-- "a" or "an" before a word: "an engineer", "a fitter", "a unit".
function voice.a_or_an(w)
  local l = w:lower()
  if l:match("^[aeio]") or (l:match("^u") and not l:match("^un?i") and
     not l:match("^us")) or l:match("^hour") or l:match("^honest") then
    return "an"
  end
  return "a"
end

-- Words in -ing that name a thing: "individual giving", "staffing".
local ing_nouns = {during = true, including = true, nothing = true,
  something = true, everything = true, morning = true, evening = true,
  anything = true, building = true, training = true, funding = true,
  housing = true, spending = true, planning = true, booking = true,
  marketing = true, pricing = true, parking = true, staffing = true,
  giving = true, boarding = true, catering = true, onboarding = true,
  licensing = true, fundraising = true, meeting = true, ceiling = true,
  recruiting = true, hiring = true, invoicing = true, reporting = true,
  scheduling = true, ticketing = true, lending = true, billing = true,
  teaching = true, learning = true, nursing = true, engineering = true,
  manufacturing = true, banking = true, accounting = true,
  consulting = true, publishing = true, cleaning = true, testing = true,
  packaging = true, shipping = true, trading = true, printing = true,
  farming = true, coaching = true, mentoring = true, safeguarding = true,
  monitoring = true, heating = true, plumbing = true, roofing = true,
  flooring = true, lighting = true, wiring = true, signalling = true,
  signaling = true, dispatching = true, sourcing = true, purchasing = true,
  procurement = true, retraining = true, forecasting = true,
  budgeting = true, messaging = true, branding = true, advertising = true,
  fencing = true, storing = true, ordering = true, routing = true}
is_doing = function(v) return not ing_nouns[v] and #v > 4 end
-- Nouns a doing names the kind of: "boarding trial", "training budget".
local kind_heads = {trial = true, trials = true, budget = true,
  budgets = true, process = true, programme = true, program = true,
  course = true, courses = true, session = true, sessions = true,
  system = true, plan = true, plans = true, pilot = true, project = true,
  policy = true, rota = true, schedule = true, unit = true, team = true,
  data = true, report = true, reports = true, tool = true, tools = true,
  model = true, centre = true, center = true, room = true, pipeline = true,
  backlog = true, figures = true, numbers = true, manual = true,
  guide = true, checklist = true, template = true, dashboard = true}
-- Nouns after a verb's bare form that make one noun with it ("hold
-- time", "run rate", "wait list"), but not after these verbs.
local compound_heads = {time = true, times = true, rate = true,
  rates = true, list = true, lists = true, queue = true, queues = true,
  period = true, periods = true, rota = true, cycle = true}
local own_verbs = {have = true, has = true, had = true, get = true,
  got = true, take = true, took = true, need = true, spend = true,
  spent = true, save = true, saved = true, make = true, made = true,
  give = true, gave = true, find = true, found = true}
-- Whether s opens with a thing named by what befell it ("missed doses on
-- surgical wards", "delayed discharges are up"), not a doing of mine.
function voice.befallen(s)
  local w1, w2, w3 = s:match("^(%l+ed)%s+([%a]+)%s*(%S*)")
  return w1 ~= nil and w2:match("^%l+[^s']s$") ~= nil and
    not determiner[w2] and (w3 == "" or w3:match("^%p") ~= nil or
    ({on = 1, ["in"] = 1, at = 1, of = 1, ["for"] = 1, per = 1, across = 1,
      are = 1, were = 1, up = 1, down = 1, from = 1})[w3:lower()] ~= nil or
    w3:match("^[~%d]") ~= nil)
end

function voice.form(s)
  -- an aside in brackets is no part of the shape: "the backlog at
  -- Colnebridge (when I joined ...)" is a noun phrase
  if s:find("(", 2, true) then
    local bare = no_brackets(s)
    if bare ~= "" then s = bare end
  end
  local w1 = first_word(s)
  local lw = w1:lower()
  if s:match("^[\"\u{201C}]") then return "quote" end
  -- s:match("%?[\"'\u{201D}]?$"), a byte of the class after the mark,
  -- without trying the pattern at each byte of s
  local last = s:byte(-1)
  if last == 63 or (s:byte(-2) == 63 and (last == 34 or last == 39 or
     last == 0xE2 or last == 0x80 or last == 0x9D)) then
    return "question"
  end
  if w1 == "I" or w1:match("^I['\u{2019}]") then return "i" end
  if lw == "we" or lw == "we're" or lw == "we've" then return "we" end
  if lw == "you" or lw:match("^you['\u{2019}]") then return "you" end
  -- ("unvented G3 ticket", "unqualified staff": an adjective, where
  -- "unblocked the drains" is done)
  local un = lw:match("^un%l+ed$") and
    not determiner[(s:match("^%S+%s+(%S+)") or ""):lower()]
  -- ("shared sheet at Westmere cut clashes from 12 to 2": a thing named
  -- by what was done to it, and its own verb after its place)
  local named = s:match("^%l+ %l[%l%-]* at %u[%w'%-]* (%l+) ")
  if named and (past[named] or leads_to[named]) and
     (past[lw] or lw:match("^%l+ed$")) then
    return "noun"
  end
  if past[lw] or (lw:match("^%l+ed$") and #lw >= 5 and not verbs[lw] and
     not un) then
    return "past"
  end
  -- "cross-trained 4 keepers", "re-designed the rota" (not "well-trained
  -- staff")
  local after = (s:match("^%S+%s+(%S+)") or ""):lower()
  -- ("condition-checked and packed 900 objects")
  local and_done = after == "and" and
    (s:match("^%S+%s+and%s+(%l+ed)%s") or s:match("^%S+%s+and%s+(%l+)%s"))
  if lw:match("^%l+%-%l+ed$") and not lw:match("^self%-") and
     not lw:match("^well%-") and (after:match("^%d") or determiner[after] or
     (and_done and (past[and_done] or and_done:match("ed$"))))
  then
    return "past"
  end
  -- "hold time about 7 minutes": a noun made of a verb and its head
  local w2 = (s:match("^%S+%s+([%a]+)") or ""):lower()
  if (first_verbs[lw] or imperative[lw]) and compound_heads[w2] and
     not own_verbs[lw] and not s:match("^%S+%s+%a+%s+with%s") and
     not s:match("^%S+%s+%a+%s+for%s") then
    return "noun"
  end
  if first_verbs[lw] then return "have" end
  if imperative[lw] then return "imperative" end
  local words, n = {}, 0
  for w in s:gmatch("[%w\128-\255'\u{2019}%-]+") do
    n = n + 1
    words[n] = w
    if n >= 10 then break end
  end
  -- "boarding trial I ran at Iberline", "ACL class I set up": a noun
  -- and a clause of its own, where "At Cobalt I led" is the writer's
  local noun_first = w1:match("^[%l%u][%l%-]+$") and not clause_openers[lw]
    and (words[2] or ""):match("^%l[%l%-]*$") and not verbs[lw] and
    not s_verbs[lw] and not adverbs[lw] and not determiner[lw]
  for i = 2, math.min(n, 8) do
    -- "At Cobalt I led ..." is the writer's clause; "game days where we
    -- fail over ..." is a noun phrase with a clause of its own
    if i > 2 and relative[words[i - 1]:lower()] then break end
    if (words[i] == "I" or words[i] == "we") and noun_first and i >= 3 then
      return "noun"
    end
    if words[i] == "I" then return "i" end
    if words[i] == "we" then return "we" end
    -- ("at the Fox & Garland I'm the single point of contact")
    if (i == 2 or i > 2) and clause_openers[lw] then
      if words[i]:match("^I['\u{2019}]") then return "i" end
    end
  end
  -- "the stroke patient who wanted to get back to his allotment": a noun
  -- and the clause of it (the verb comes after "who")
  if determiner[lw] then
    for i = 2, math.min(n, 5) do
      local l = words[i]:lower()
      if l == "who" or l == "whose" then return "noun" end
      if verbs[l] or s_verbs[l] or past[l] or sure_verbs[l] or
         l:match("^%l+ed$") or l == "said" or l == "told" then
        break
      end
    end
  end
  -- "Teaching load is capped at 40%" is a clause, not a gerund phrase
  for i = 2, math.min(n, 4) do
    local l = words[i]:lower()
    if l == "is" or l == "are" or l == "was" or l == "were" then
      return "clause"
    end
  end
  -- "boarding trial at Solaria", "training budget": a doing that names
  -- the kind of a thing
  if lw:match("^%l+ing$") and ing_nouns[lw] and
     kind_heads[(words[2] or ""):lower()] then
    return "noun"
  end
  if lw:match("^%l+ing$") and #lw > 5 then return "gerund" end
  if w1:match("^%u%l+ing$") and #lw > 5 then return "gerund" end
  for i = 2, math.min(n, 10) do
    local l = words[i]:lower()
    if (verbs[l] or s_verbs[l]) and
       not (i <= 4 and bare_after_one(words[i - 1]:lower(), l)) then
      return "clause"
    end
    -- "the Nordic programme at Castlebridge cut hamstring strains": an
    -- irregular past after a name, then its object
    if i >= 3 and past[l] and not l:match("ed$") and
       words[i - 1]:match("^%u%l") and (words[i + 1] or ""):match("^%l") then
      return "clause"
    end
  end
  if lw:match("['\u{2019}]re$") or lw:match("['\u{2019}]s$") and
     verbs[(words[2] or ""):lower()] then
    return "clause"
  end
  return "noun"
end

-- Nouns that end in s and are one thing.
local singular_s = {news = true, series = true, analysis = true,
  status = true, bus = true, business = true, process = true,
  access = true, success = true, loss = true, press = true, gas = true,
  campus = true, focus = true, bonus = true, census = true, sales = false,
  -- (plurals with no s)
  people = false, staff = false, children = false, police = false,
  men = false, women = false, kids = false, feet = false, teeth = false,
  mice = false, geese = false, cattle = false, sheep = false}

local function plural(head)
  -- an acronym ("NPS") is one thing; "CSMs" are many
  if not head:find("%l") then return false end
  head = head:lower()
  if singular_s[head] ~= nil then return not singular_s[head] end
  return head:match("%as$") ~= nil and not head:match("[su]s$") and
    not head:match("is$")
end

-- Nouns that read well with no article ("research is slow").
local mass = {}
for w in ([[research turnover retention revenue churn morale quality
  safety hiring onboarding training budget funding staffing demand supply
  growth attrition pipeline traffic inventory compliance security
  leadership management marketing sales engineering maths math science
  data feedback communication documentation infrastructure headcount
  recruiting recruitment scheduling shrink payroll fuel maintenance care
  work experience advice coverage support pricing strategy design
  fatigue freshness visibility capacity accuracy absence attendance
  lameness mastitis sickness
  productivity efficiency performance dispatch leakage]]):gmatch("%a+") do
  mass[w] = true
end

-- "branch has 2 ACTs" -> "the branch has 2 ACTs": a clause whose subject is
-- a bare singular noun (one to three words before its verb) gets "the".
local no_article = {too = true, very = true, more = true, less = true,
  much = true, only = true, just = true, ["not"] = true, next = true,
  last = true, new = false}

-- Words of a phrase that hangs on a noun ("list for referrals").
-- Things in -ing that are counted: "the weekly meeting".
local countable_ing = {meeting = true, building = true, ceiling = true,
  booking = true, briefing = true, wedding = true, hearing = true,
  finding = true, setting = true, listing = true, opening = true,
  ending = true, rating = true, ranking = true, saving = true}
-- Words of an amount: "about 40% of spend" takes no article.
local amount_first = {about = true, around = true, roughly = true,
  nearly = true, almost = true, over = true, under = true, more = true,
  less = true, fewer = true, only = true, just = true, half = true}
function voice.article(s, names)
  local words = {}
  for w in s:gmatch("%S+") do
    words[#words + 1] = w
    if #words > 7 then break end
  end
  local w1 = words[1] or ""
  local first = w1:lower()
  -- ("in Oct had 2 of 9 lorries off the road": a time, not a thing)
  if ({["in"] = 1, on = 1, at = 1, by = 1, since = 1, during = 1,
       ["until"] = 1, after = 1, before = 1, last = 1, this = 1})[first] then
    -- ("in Oct had 2 of 9 lorries off the road": the company had them)
    local when, verb, rest = s:match("^(%a+ %u%l+) (%l+) (.+)$")
    if not when then when, verb, rest = s:match("^(%a+ %l+) (%l+) (.+)$") end
    if verb and ({had = 1, lost = 1, got = 1, saw = 1, ran = 1})[verb] and
       ({["in"] = 1, last = 1, this = 1})[first] then
      return when .. " you " .. verb .. " " .. rest
    end
    return s
  end
  -- "Patient app has 1.2M MAU": a name before a common noun and its verb
  local w2 = strip_end(words[2] or "", "%p")
  if names and names[w1] and w2:match("^%l+$") and not plural(w2) and
     not mass[w2] and sure_verbs[strip_end((words[3] or ""):lower(), "%p")]
     and not w1:match("'") then
    return "the " .. s
  end
  -- "NSS score is 58%", "HR team is two people": an acronym's thing
  if w1:match("^%u%u+$") and w2:match("^%l+$") and not plural(w2) and
     not mass[w2] and sure_verbs[strip_end((words[3] or ""):lower(), "%p")] then
    return "the " .. s
  end
  -- "reinsurer made an audit": a thing and what it did
  local v2 = strip_end((words[2] or ""):lower(), "%p")
  if w1:match("^%l+$") and #words >= 3 and past[v2] and
     not determiner[first] and not no_article[first] and
     not amount_first[first] and not ({i = 1, you = 1, we = 1, they = 1,
       he = 1, she = 1, it = 1, someone = 1, everyone = 1, nobody = 1,
       anyone = 1, everything = 1, nothing = 1, something = 1, this = 1,
       that = 1, who = 1, one = 1, staff = 1, people = 1, everybody = 1,
       somebody = 1})[first] and
     not plural(first) and not mass[first] and not first:match("ing$") and
     not first:match("ly$") and not verbs[first] and not past[first] and
     not (names and names[w1]) then
    return "the " .. s
  end
  if first == "" or determiner[first] or no_article[first] or
     amount_first[first] or first == "there" or first == "here" or
     not first:match("^%a+$") or w1:match("^%u%u") or
     (names and names[w1]) or (first:match("ing$") and
     (determiner[(words[2] or ""):lower()] or #words < 3 or
      sure_verbs[strip_end((words[2] or ""):lower(), "%p")] or
      verbs[strip_end((words[2] or ""):lower(), "%p")])) then
    return s
  end
  -- "Waiting list for non-urgent referrals is 14 weeks": the head is the
  -- noun before its phrase
  local head_at
  for i = 2, math.min(#words, 7) do
    local w = strip_end(words[i]:lower(), "%p")
    if not head_at and of_phrase[w] and w ~= "the" and w ~= "a" and
       w ~= "an" then
      head_at = i - 1
    end
    -- ("key pharma client threatened to leave": a past verb and "to")
    local ed_to = w:match("^%l%l%l+ed$") and words[i + 1] == "to" and
      (words[i + 2] or ""):match("^%l+$") and
      not determiner[words[i + 2]]
    if (sure_verbs[w] or ed_to) and (i <= 4 or head_at) then
      local head = strip_end(words[head_at or i - 1]:lower(), "%p")
      if head:match("s$") and not head:match("ss$") then return s end
      if mass[head] or ing_nouns[head] and not countable_ing[head] then
        return s
      end
      return "the " .. s:gsub("^%u", string.lower)
    end
    if words[i]:match("[,;:]$") then return s end
  end
  return s
end

-- A résumé fragment in the first person: "Led Y" -> "I led Y".
function voice.own(s)
  -- "at Voltra added a root cause tag ...": where, then what I did
  -- ("at Cresswell Coaches got it from ...": a place of two names)
  local place, did = s:match("^[Aa]t (%u[%w'&%-]*),?%s+(%l.*)$")
  if not place then
    place, did = s:match("^[Aa]t (%u[%w'&%-]* %u[%w&%-]+),?%s+(%l.*)$")
    if place and place:match(" I[%w]?$") then place, did = nil, nil end
  end
  -- ("at Solway Energy Trust ran 14 drop-ins": a place of three names)
  if not place then
    place, did = s:match("^[Aa]t (%u[%w'&%-]* %u[%w&%-]+ %u[%w&%-]+),?%s+(%l.*)$")
    if place and place:match(" I[%w]?$") then place, did = nil, nil end
  end
  -- "at Feltham rejected loads 9 to 1 in 6 months": where, and how a
  -- thing went
  local np, span = (did or ""):match("^(%l[%l%s%-]-) (~?%d[%d.,]*%%? to ~?%d.*)$")
  -- (a measure, not a range: "ages 11 to 16", "years 7 to 11"; and not
  -- what I did: "managed teams 5 to 8 strong")
  local last = np and (np:match("(%a+)$") or ""):lower()
  if np and sr.words(np) <= 4 and not np:find("%f[%a]from$") and
     not ({ages = 1, age = 1, years = 1, hours = 1, shifts = 1,
       days = 1, times = 1, beds = 1})[last] and
     voice.form(np) == "noun" then
    return s:sub(1, 2) .. " " .. place .. ", " .. np .. " went from " .. span
  end
  -- (once: "at Feltham, rejected loads went ..." is worded)
  -- (nor "at Feltham rejected loads 9 to 1": a measure, or what I did
  -- to it, the note does not say)
  if place and voice.form(did) == "past" and
     not s:match("^[Aa]t %u[%w'&%-]*,") and
     not did:match("^%l+ %l+ ~?%d[%d.,]*%%? to ~?%d") then
    return s:sub(1, 2) .. " " .. place .. " I " .. did
  end
  local f = voice.form(s)
  -- ("modified is the one that works": a word in -ed as the subject)
  local second = s:match("^%S+%s+(%a+)")
  if second == "is" or second == "was" or second == "are" or
     second == "were" then
    return s
  end
  -- "Told you about the scheme I ran": I told you
  if s:match("^[Tt]old you ") or s:match("^[Tt]old them ") then
    return "I " .. s:sub(1, 1):lower() .. s:sub(2)
  end
  -- "made me sound like a note-taker": what it did, not what I did
  if second == "me" and f == "past" then
    return "That " .. s:sub(1, 1):lower() .. s:sub(2)
  end
  if f == "past" or f == "have" then
    return "I " .. s:sub(1, 1):lower() .. s:sub(2)
  end
  return s
end

-- Lowers the first letter of s for use mid-sentence, unless the first
-- word is "I", an acronym or a name (capitalised elsewhere mid-sentence).
function voice.lower_first(s, names)
  local w = first_word(s)
  if w == "I" or w:match("^I['\u{2019}]") or w:match("^%u%u") or
     w:match("%d") or s:match("^%u[&/+]%u") then -- "F&B", "P/L"
    return s
  end
  if names and names[w] then return s end
  -- ("Home Library Service at Kirkby": a name of several capitals)
  if s:match("^%u%l+ %u%l+ %u%l") and not ({at = 1, ["in"] = 1, on = 1,
      with = 1, ["for"] = 1, from = 1, by = 1, to = 1, the = 1, a = 1,
      an = 1, my = 1, our = 1, your = 1, after = 1, before = 1,
      when = 1, since = 1})[w:lower()] then
    return s
  end
  -- "Christmas windows", "Monday's rota": a name stays a name
  if proper[w:lower():gsub("'s$", "")] then return s end
  return (s:gsub("^%u", string.lower))
end

-- What was said, told as said: "I said I'm "rusty"" -> "I said I was
-- "rusty""; "You asked my callback rate" -> "You asked about my callback
-- rate"; "It's 4.8% last year" -> "It was 4.8% last year".
local backshifts = {["I'm"] = "I was", ["I am"] = "I was",
  ["I have"] = "I had", ["I've"] = "I had", ["I don't"] = "I didn't",
  ["I do not"] = "I did not", ["I can't"] = "I couldn't",
  ["I cannot"] = "I could not", ["I'll"] = "I'd", ["I will"] = "I would",
  ["I know"] = "I knew", ["I need"] = "I needed"}
function voice.backshift(s)
  if not s:find("I", 1, true) and not s:find("sked", 1, true) and
     not s:find("^It's") then
    return s
  end
  for _, verb in ipairs({"I said", "I answered", "I replied", "I told you"}) do
    for from, to in pairs(backshifts) do
      local that = verb == "I answered" and " that " or " "
      s = s:gsub("%f[%a]" .. verb .. " " .. from:gsub("'", "'") .. "%f[^%a']",
        verb .. that .. to)
    end
  end
  s = s:gsub("(%f[%a][Yy]ou asked) my ", "%1 about my ")
  s = s:gsub("(%f[%a][Yy]ou asked) our ", "%1 about our ")
  if not s:match("^It's been ") and not s:match("^It's got ") then
    s = s:gsub("^It's (.- last %a+)", "It was %1")
  end
  return s
end

-- Contractions and their long forms, for a tone that writes none.
voice.long_forms = {
  ["i'm"] = "I am", ["i've"] = "I have", ["i'd"] = "I would",
  ["i'll"] = "I will", ["we're"] = "we are", ["we've"] = "we have",
  ["you're"] = "you are", ["you've"] = "you have", ["it's"] = "it is",
  ["that's"] = "that is", ["there's"] = "there is", ["let's"] = "let us",
  ["don't"] = "do not", ["doesn't"] = "does not", ["didn't"] = "did not",
  ["can't"] = "cannot", ["couldn't"] = "could not", ["won't"] = "will not",
  ["wouldn't"] = "would not", ["shouldn't"] = "should not",
  ["isn't"] = "is not", ["aren't"] = "are not", ["wasn't"] = "was not",
  ["weren't"] = "were not", ["haven't"] = "have not",
  ["hasn't"] = "has not", ["hadn't"] = "had not", ["you'll"] = "you will",
  ["we'll"] = "we will", ["they're"] = "they are",
}

-- Expands the contractions of a text (outside quotations: what someone
-- said is quoted as they said it).
local participles = {been = true, done = true, seen = true, had = true,
  gone = true, made = true, taken = true, given = true, known = true,
  written = true, spoken = true, met = true, led = true,
  built = true, worked = true}
function voice.expand(text)
  local out, quoted = {}, false
  for piece, q in text:gmatch("([^\"\u{201C}\u{201D}]*)([\"\u{201C}\u{201D}]?)") do
    if not quoted then
      piece = piece:gsub("\u{2019}", "'"):gsub("%f[%a](%a+'%a+)(%s*)(%a*)",
        function(w, space, next_w)
        local long = voice.long_forms[w:lower()]
        if not long then return nil end
        -- "asked if I'd worked with": had, before a participle
        if long:match(" would$") and (next_w:match("^%l+ed$") or
           participles[next_w]) then
          long = long:gsub(" would$", " had")
        end
        long = long .. space .. next_w
        if w:match("^%u") then long = long:sub(1, 1):upper() .. long:sub(2) end
        return long
      end)
    end
    out[#out + 1] = piece .. q
    if q ~= "" then quoted = not quoted end
  end
  return table.concat(out)
end

-- Whether a point is small talk.
local smalltalk_of, smalltalk_n, smalltalk_words, smalltalk_phrases
function voice.is_smalltalk(s)
  local l = s:lower()
  -- the list as a set of words and a few phrases, made again when a
  -- filter changes it
  local list = voice.smalltalk
  if list ~= smalltalk_of or #list ~= smalltalk_n then
    smalltalk_of, smalltalk_n = list, #list
    smalltalk_words, smalltalk_phrases = {}, {}
    for _, w in ipairs(list) do
      if w:find(" ", 1, true) then
        smalltalk_phrases[#smalltalk_phrases + 1] = w
      else
        smalltalk_words[w] = true
      end
    end
  end
  -- a plain search first, the whole word only where it is found
  for w in pairs(smalltalk_words) do
    if l:find(w, 1, true) and has_word(l, w) then
      return true
    end
  end
  l = " " .. l .. " "
  for _, w in ipairs(smalltalk_phrases) do
    if l:find(w, 1, true) and l:find("[^%a]" .. w .. "[^%a]") then
      return true
    end
  end
  return false
end

-- Whether a point says there is nothing there ("nothing really", "n/a").
function voice.nothing(s)
  -- ("Gwen not much reaction to anything tbh": a name, then nothing)
  -- (at its start, after a name at most: not "customers get no
  -- reaction from the call centre")
  local l0 = s:lower():gsub("^%s*%a+%s+", "", 1)
  if s:lower():match("^%s*not much reaction") or
     s:lower():match("^%s*no reaction") or l0:match("^not much reaction") or
     l0:match("^no reaction") or l0:match("^didn'?t react") or
     l0:match("^poker face") or l0:match("^hard to read") then
    return true
  end
  local c = s:byte((s:match("^%s*()")))
  -- n, a, i (idk) in either case, or a false alarm at the end
  if c ~= 110 and c ~= 97 and c ~= 78 and c ~= 65 and c ~= 105 and
     c ~= 73 and not s:find("gnore", 1, true) and
     not s:find("never mind", 1, true) and
     not s:find("false alarm", 1, true) then
    return false
  end
  local l = s:lower():gsub("^%s+", "")
  -- "Also thought I'd said ... that's right. Ignore.": a false alarm
  if l:match("%f[%a]ignore[%s%p]*$") or l:match("%f[%a]never mind[%s%p]*$")
     or l:match("%f[%a]false alarm[%s%p]*$") then
    return true
  end
  -- "idk nothing really? maybe talked too fast"
  l = l:gsub("^idk%p*%s*", ""):gsub("^honestly%p*%s*", "")
  return l:match("^nothing%f[%A]") ~= nil or l:match("^not much%f[%A]") or
    l:match("^not really%f[%A]") ~= nil or l:match("^none%f[%A]") ~= nil or
    l:match("^n/?a%f[%A]") ~= nil or l:match("^nope%f[%A]") ~= nil or
    l:match("^no%f[%A]") ~= nil and #l < 12 or l:match("^all good") ~= nil
end

-- Whether a text opens with a subject and its verb ("the branch has 2
-- ACTs", "CSMs have 60 accounts", "you have 3 jobs") rather than a note's
-- fragment ("F&B losing money", "no sales ops person, CRM is a mess",
-- "releases every 3 weeks"): only the first reads after "that".
local subjects = {i = true, you = true, we = true, they = true, he = true,
  she = true, it = true, there = true}
local not_verbs = {every = true, about = true, per = true, each = true,
  all = true, most = true, more = true, less = true, up = true, down = true,
  out = true, over = true, under = true, across = true, only = true,
  ["and"] = true, ["or"] = true, but = true, than = true, like = true}
-- Bare verbs a plural subject takes ("webhooks arrive out of order",
-- "SMEs never give input", "complaints tie up the officers").
local plural_verbs = {}
for w in ([[arrive give tie land pick come go wait sit pile stay leave
  fall rise miss fail take get make complain quit churn expire overrun
  slip stall clash refuse ignore forget skip lose spend owe die chase
  escalate bounce vanish rot spoil freeze overlap left went came]]):gmatch("%a+") do
  plural_verbs[w] = true
end
-- Words before which an -ed word is no verb of theirs ("about matted
-- dogs", "being shaved").
local not_before_ed = {about = true, being = true, been = true, be = true,
  is = true, are = true, was = true, were = true, get = true, got = true,
  since = true, after = true, before = true, by = true, without = true,
  into = true, ["and"] = true, ["or"] = true, very = true, well = true,
  newly = true, recently = true, badly = true, poorly = true}
function voice.subject_verb(s)
  local ws = {}
  -- a quotation is one word of the subject ("NSS score for "assessment
  -- and feedback" is 58%")
  s = s:match("^(.-)[,;]%s") or s
  local capital = {}
  for w in no_brackets(s:gsub('%b""', "Q"), false):gmatch("[%w\128-\255'\u{2019}%-]+[,;:]?") do
    ws[#ws + 1] = w:lower():gsub("\u{2019}", "'")
    capital[#ws] = w:match("^%u") ~= nil
    if #ws >= 10 then break end
  end
  if #ws < 2 then return false end
  local w1 = ws[1]:gsub("'%a+$", "")
  if subjects[w1] then return true end

  -- the verb within five words of the start, prepositional phrases and
  -- an aside in brackets aside
  local content = 0
  for i = 2, #ws do
    if content >= 5 then break end
    -- (a name of several words is one: "Hallam Property Services")
    if not of_phrase[ws[i]] and not ws[i]:match("^%d") and
       not (capital[i] and capital[i - 1] and i > 2) then
      content = content + 1
    end
    local w = ws[i - 1]:match("[,;:]$") and "" or ws[i]:gsub("[,;:]$", "")
    if w == "" or w == "and" then break end
    -- "costs up 40%" is a noun and its change, not a verb
    -- ("suspensions went down 45%" has its verb)
    local changed = (ws[i + 1] == "up" or ws[i + 1] == "down") and
      (ws[i + 2] or ""):match("^%d") and w ~= "went" and not agree[w] and
      w ~= "are"
    -- "Lumen Bank launch spot": a verb's bare form after a singular
    -- noun is a noun of a compound ("Teams launch", "staff run" agree)
    if not changed and not (i <= 4 and bare_after_one(ws[i - 1], w)) and
       (verbs[w] or s_verbs[w] or
       sure_verbs[w] or agree[w] or past[w]) then
      return true
    end
    local prev = ws[i - 1]
    -- ("payment provider webhooks arrive out of order", "SMEs never
    -- give input in time"): a plural subject and its bare verb, after
    -- an adverb too
    local bare = adverbs[w] and (ws[i + 1] or ""):gsub("[,;:]$", "") or w
    -- (not a compound's last word: "the stores walk")
    if i <= 7 and prev:match("%as$") and not prev:match("ss$") and
       not prev:find("'", 1, true) and plural_verbs[bare] and
       -- ("6 months left on the contract": what remains)
       not (bare == "left" and ({months = 1, weeks = 1, days = 1,
         years = 1, hours = 1, minutes = 1, mins = 1, hrs = 1, wks = 1,
         yrs = 1, places = 1, spaces = 1, seats = 1})[prev:gsub("[,;:]$", "")]) and
       ws[i + 1] and (bare == w or ws[i + 2]) then
      return true
    end
    -- ("the last mechanic retired after 22 years", "licence inspection
    -- in March flagged gaps"): a past verb after its noun
    if (i <= 4 or (i == 5 and determiner[ws[1]])) and
       w:match("^%l%l%l+ed$") and not w:match("eed$") and
       not (ws[i - 2] or ""):match("ing$") and ws[i - 2] ~= "not" and
       -- ("platform staff trained only on paper": how they were)
       (not ({only = 1, on = 1, ["in"] = 1, by = 1, with = 1, to = 1,
         at = 1})[(ws[i + 1] or ""):gsub("[,;:]$", "")] or
       -- ("key pharma client threatened to leave": "to" and a verb)
       (ws[i + 1] == "to" and (ws[i + 2] or ""):match("^%l+$") and
        not determiner[ws[i + 2]])) and
       prev:match("^%a+$") and not of_phrase[prev] and not not_verbs[prev]
       and not adverbs[prev] and not determiner[prev] and
       not not_before_ed[prev] and not subjects[prev] then
      return true
    end
    -- a plural subject and a verb no list holds: "couriers override"
    if i == 2 and prev:match("%as$") and not prev:match("ss$") and w:match("^%l+$") and
       not w:match("s$") and not w:match("ing$") and not of_phrase[w] and
       not not_verbs[w] and not adverbs[w] then
      return true
    end
  end
  return false
end

-- Two sentences joined by a comma ("I source my own pipeline, about 40%
-- of my hires were sourced"): what follows a person's name for themselves
-- is joined with "and"; two alike ("one improved, one moved") with a
-- semicolon; else a colon, as what follows says what the first is.  Only
-- where both sides are clauses of their own and what follows opens with
-- its subject and no joining word; one per sentence.
local joining = {["and"] = true, but = true, ["or"] = true, so = true,
  yet = true, nor = true, which = true, who = true, whom = true,
  whose = true, where = true, when = true, ["while"] = true,
  because = true, ["then"] = true, although = true, though = true,
  as = true, ["if"] = true, since = true, ["until"] = true,
  unless = true, ["not"] = true, just = true, plus = true,
  including = true, especially = true, esp = true, mostly = true,
  both = true, either = true, like = true, that = true, than = true,
  after = true, before = true, once = true, e = true, i = true,
  etc = true, even = true, only = true, also = true, again = true,
  too = true, all = true, each = true, every = true, ["for"] = true,
  with = true, without = true, from = true, to = true, of = true,
  ["in"] = true, on = true, at = true, by = true, about = true}
local subordinate = {when = true, ["if"] = true, after = true,
  before = true, ["while"] = true, since = true, because = true,
  although = true, though = true, as = true, once = true, ["until"] = true,
  unless = true, whenever = true, whether = true, how = true, what = true,
  why = true, where = true, who = true, which = true}

local subject_start = {i = true, we = true, you = true, the = true, a = true, an = true,
  my = true, our = true, your = true, their = true, his = true, her = true,
  this = true, these = true, those = true, one = true, some = true,
  most = true, many = true, few = true, none = true, nobody = true,
  everyone = true, someone = true, things = true, people = true}

-- An aside in brackets that is the writer's own comment, not a fact of
-- the story: "(partner was hands-off)", "(my company)", "(below)".  One
-- with a number, a name or a list stays: "(CI from 48 to 19 minutes)",
-- "(Transporeon)", "(weight, dental, post-op checks)".
local lone_asides = {below = true, above = true, meh = true, ish = true,
  lol = true, again = true, sigh = true}
function voice.drop_asides(s)
  if not s:find("(", 1, true) then return s end
  return (voice.brackets(s, function(aside)
    local inner = aside:sub(2, -2)
    if inner:find("%d") or not inner:match("^%l") or
       inner:find(",", 1, true) then
      return nil
    end
    -- "(for the conference undercutting problem)": the writer's pointer
    if inner:match("^for the .*problem$") or inner:match("^re:? ") then
      return ""
    end
    if lone_asides[inner] or inner:match("^my %a+$") or
       inner:match("^my %a+ %a+$") or
       (inner:find(" ", 1, true) and voice.subject_verb(inner)) then
      return ""
    end
    return nil
  end))
end

local modal = {can = true, could = true, will = true, would = true,
  should = true, may = true, might = true, must = true}

function voice.splice(s)
  if not s:find(", ", 1, true) then return s end
  -- sentence by sentence: split after ". " keeping the marks
  local parts = {}
  local rest = s
  while true do
    local a, b = rest:find("[%.!?][\"')\u{201D}]?%s+%f[%u%d\"]")
    if not a then parts[#parts + 1] = rest break end
    parts[#parts + 1] = rest:sub(1, b)
    rest = rest:sub(b + 1)
  end
  for i, part in ipairs(parts) do
    local first = (part:match("^[%p%s]*(%a+)") or ""):lower()
    if not subordinate[first] and not part:find(":", 1, true) and
       not part:find(";", 1, true) then
      local depth, quote, at, and_verb = 0, false, nil, false
      for pos = 1, #part - 1 do
        local c = part:sub(pos, pos)
        if c == "(" then depth = depth + 1
        elseif c == ")" then depth = depth - 1
        elseif c == '"' then quote = not quote
        elseif c == "," and depth == 0 and not quote and
               part:sub(pos + 1, pos + 1) == " " then
          local before, after = part:sub(1, pos - 1), part:sub(pos + 2)
          local w = (after:match("^(%a+)") or ""):lower()
          local clause = after:match("^([^,;:]+)") or after
          -- what follows opens with its subject: "about 40% of my hires
          -- were", "squads wait", not "said ..." (the same subject's verb)
          -- "I'm chartered since 2022, can sign off": the same subject's
          -- next verb
          if modal[w] and voice.subject_verb(before) and
             not before:find(",", 1, true) then
            at, and_verb = pos, true
            break
          end
          local opens = subject_start[w] or after:match("^%d") or
            after:match("^about %d") or after:match("^over %d") or
            (w:match("%ls$") and not w:match("ss$")) or
            (after:match("^%u%l") and not w:match("ed$"))
          if opens and (not joining[w] or after:match("^%a+ %d")) and not before:find(",", 1, true) and
             voice.subject_verb(before) and voice.subject_verb(clause) and
             clause:find("%s") and #before > 12 then
            at = pos
          end
          break
        end
      end
      if at and and_verb then
        parts[i] = part:sub(1, at - 1) .. " and " .. part:sub(at + 2)
      elseif at then
        local after = part:sub(at + 2)
        local clause = after:match("^([^,;:]+)") or after
        -- "one improved; one moved", "Dunmore does $2.1M; Eastfield is
        -- about $5M": two alike; else what follows says what the first is
        local w1 = (part:match("^[%p%s]*(%a+)") or ""):lower()
        local w2 = (after:match("^(%a+)") or ""):lower()
        local people = {i = true, we = true, you = true, he = true,
          she = true, they = true}
        -- "..., and the client is threatening": a third party's clause
        local join = (people[w2] or w2 == "the") and ", and " or
          (w1 == w2 or (part:sub(1, at):find("%d") and clause:find("%d")))
          and "; " or ": "
        parts[i] = part:sub(1, at - 1) .. join .. after
      end
    end
  end
  return table.concat(parts)
end

-- ---- fragments made clauses ----------------------------------------------
--
-- Notes state a situation or a result without its verb ("Eastfield
-- turnover ~110% a year", "..., rollback rate from 20% to 3%", "month-end
-- close cut from 9 to 5 days").  Three sure rewordings give them one;
-- anything else is left as it is.

local quantity_words = {about = true, around = true, roughly = true,
  nearly = true, almost = true, only = true, just = true, at = true}
local np_preps = {at = true, of = true, ["in"] = true, ["for"] = true,
  on = true, with = true, about = true, across = true}
local np_determiners = {the = true, my = true, our = true, their = true,
  your = true, its = true, his = true, her = true, this = true,
  that = true}

local done_to = {}
for w in ([[cut reduced tied linked halved doubled tripled automated
  migrated rebuilt rewritten redesigned moved shortened trimmed lowered
  raised brought consolidated standardised standardized simplified
  replaced streamlined digitised digitized centralised centralized
  grown]]):gmatch("%a+") do
  done_to[w] = true
end
-- A number as notes write one: "110%", "$2M", "~300", "1.2M".
local function is_number(w)
  return w ~= nil and w:match("^[~%$\194\226]*[\128-\191]*%d") ~= nil
end

-- A noun phrase of at most `max` words at the start of s, a prepositional
-- phrase in it ("turnover at Eastfield"): the position after its last
-- word, the word after it, and its head (the last noun before a
-- preposition); or nil.
local function noun_phrase(s, max)
  local pos, n, head, in_pp, stop, last = 1, 0, nil, false, nil, nil
  local words = {}
  for a, w, b in s:gmatch("()([%w\128-\255'\u{2019}%-&]+)()") do
    words[#words + 1] = {a = a, w = w, b = b}
    if #words > max + 2 then break end
  end
  for i, t in ipairs(words) do
    local w, lw = t.w, t.w:lower()
    -- only blanks between the words of a phrase
    -- only blanks between the words of a phrase: a mark ends it
    if i > 1 and not s:sub(words[i - 1].b, t.a - 1):match("^%s+$") then
      break
    end
    local nw = words[i + 1] and words[i + 1].w:lower() or ""
    -- "costs up 40%": a noun and its change, not a verb
    local noun_s = (s_verbs[lw] or verbs[lw]) and lw:match("s$") and
      not agree[lw] and #lw > 4 and (nw == "up" or nw == "down" or
      quantity_words[nw])
    -- "tickets about failed transfers": an adjective inside a phrase
    local adjective = in_pp and lw:match("^%l+ed$") and not done_to[lw]
      and nw:match("^%l") and not np_preps[nw] and nw ~= "to" and
      nw ~= "by" and nw ~= "from" and not np_determiners[nw]
    if noun_s or adjective then
      -- a word of the phrase
    elseif is_number(w) or verbs[lw] or past[lw] or s_verbs[lw] or done_to[lw] or
       sure_verbs[lw] or agree[lw] or subjects[lw] or relative[lw] or
       (lw:match("^%l+ed$") and #lw >= 5) or lw == "up" or lw == "down"
       or lw == "and" or lw == "or" or lw == "from" or lw == "to" or
       lw == "by" or (n > 0 and lw:match("^%l+ing$") and
       -- ("average waiting at anchor": a measure of a doing)
       not ({average = 1, mean = 1, median = 1, total = 1, overall = 1})[
         words[i - 1].w:lower()]) then
      stop = t
      break
    end
    if quantity_words[lw] and is_number(words[i + 1] and words[i + 1].w) then
      stop = t
      break
    end
    if np_preps[lw] then
      if n == 0 then return nil end
      in_pp = true
    elseif np_determiners[lw] then
      if n > 0 and not in_pp then return nil end
    elseif not in_pp then
      head = w
    end
    n = n + 1
    last = t
    if n > max then return nil end
  end
  if not last or not head then return nil end
  -- a phrase ends on its noun, not on a preposition ("turnover at 110%")
  if np_preps[last.w:lower()] then return nil end
  return last.b, stop and stop.w, head
end


-- "the rollback rate", "mis-ships", "CI", "their teams' engagement".
local function with_article(np, head)
  local w1 = np:match("^[%w\128-\255'\u{2019}%-&]+") or ""
  local lh = head:lower()
  if np_determiners[w1:lower()] or determiner[w1:lower()] or
     w1:match("^%u") or plural(head) or mass[lh] or
     lh:match("ness$") or lh:match("ity$") or lh:match("ance$") or
     lh:match("ence$") or lh:match("ism$") or lh:match("ing$") or
     lh:match("ment$") then
    return np
  end
  return "the " .. np
end

-- A noun phrase that needs its article gets "the": "reorg at Corvane" ->
-- "the reorg at Corvane"; "alert fatigue", "mis-ships", "F&B" stay.
function voice.noun_article(t)
  local w1 = t:match("^[%w\128-\255'\u{2019}%-&]+") or ""
  -- "16 weeks training program": the 16-week training program
  local n, unit, rest = t:match("^(%d+) (%a+)s (%l%a+ .+)$")
  -- ("3 years maintenance fitter at Glenmuir": the writer's years in a
  -- role, somewhere)
  if n and (unit == "week" or unit == "month" or unit == "day" or
     (unit == "year" and not rest:find(" at %u") and
      not rest:find(", %u") and not rest:match("^experience") and
      not rest:match("^service") and not rest:match("^%l+ing "))) and
     not rest:match("^of ") and not rest:match("^in ") and
     not rest:match("^on ") and not rest:match("^as ") and
     not rest:match("^at ") and not rest:match("^with ") and
     not rest:match("^for ") then
    return "the " .. n .. "-" .. unit .. " " .. rest
  end
  -- "more than 60 remote hearings": an amount takes no article
  if quantity_words[w1] or w1 == "more" or w1 == "less" or w1 == "over" or
     w1 == "under" or w1 == "nearly" or w1 == "almost" then
    return t
  end
  -- "QC process I set up at Nordtext": an acronym's thing and the clause
  -- of it
  if t:match("^%u%u+%s+%l+%s+I%s+%l") then return "the " .. t end
  -- "Home Library Service at Kirkby": a named service, scheme or team
  local kind = t:match("^%u%l+ %u%l+ (%u%l+)%f[%A]") or t:match("^%u%l+ (%u%l+)%f[%A]")
  if kind and ({Service = 1, Scheme = 1, Programme = 1, Program = 1,
      Project = 1, Team = 1, Unit = 1, Centre = 1, Center = 1,
      Partnership = 1, Network = 1})[kind] then
    return "the " .. t
  end
  -- "NHS soft FM bid at Arden Services", "PCI DSS 4.0 transition at
  -- Tellbridge": an acronym's thing, one of them, somewhere
  local pre = t:match("^(.-) at %u") or t:match("^(.-)%s*%(") or t
  local last_w = pre:match("%f[%a](%l+)$")
  if pre:match("^%u%u+ ") and last_w and sr.words(pre) <= 5 and
     not plural(last_w) and not pre:find("[,;:]") and
     not last_w:match("ing$") and not mass[last_w] then
    return "the " .. t
  end
  -- "boarding trial I ran at Iberline": a thing and the clause of it
  local w2 = t:match("^%S+%s+(%l+)")
  if w1:match("^%l+ing$") and w2 and not determiner[w2] and
     t:match("^%S+%s+%l+%s+[Iw]e?%s") then
    return "the " .. t
  end
  -- "canning line changeover story": a doing that names a thing, then
  -- more of its name, ending on a singular thing
  local last_t = t:match("(%l+)$")
  if w1:match("^%l+ing$") and not ing_nouns[w1] and sr.words(t) >= 3 and
     sr.words(t) <= 5 and t:match("^[%l%s%-]+$") and last_t and
     not plural(last_t) and not last_t:match("ing$") and
     not voice.subject_verb(t) then
    local ok = true
    for w in t:gmatch("%l+") do
      if w ~= w1 and (verbs[w] or past[w] or s_verbs[w] or agree[w] or
         np_preps[w] or determiner[w]) then
        ok = false
      end
    end
    if ok then return "the " .. t end
  end
  -- "boarding trial at Solaria": a doing that names the kind of a thing
  if w1:match("^%l+ing$") and ing_nouns[w1] and kind_heads[w2 or ""] then
    return "the " .. t
  end
  -- "Lumen Bank launch spot": a name before the thing of it, and nothing
  -- after the thing ("the Lumen Bank launch spot", "the August 2026
  -- cooling incident")
  if w1:match("^%u") and not determiner[w1:lower()] and #t < 80 then
    local names, things, last = 0, 0, nil
    for w in t:gmatch("%S+") do
      if things == 0 and (w:match("^%u[%w%-]*$") or
         (names > 0 and w:match("^%d%d%d%d$"))) then
        names = names + 1
      elseif w:match("^%l[%l%-]+$") and not past[w] and
             not (things == 0 and verbs[w] and w:match("s$")) then
        things, last = things + 1, w
      else
        names = 0
        break
      end
    end
    if names > 0 and things >= 1 and things <= 2 and not plural(last) then
      return "the " .. t
    end
  end
  -- ("docs-first checklist" too)
  if not (w1:match("^%l+$") or (w1:match("^%l+%-%l+$") and
      not w1:match("s$"))) or
     w1:match("ing$") or w1:match("ly$") then
    return t
  end
  local stop_at, _, head = noun_phrase(t, 6)
  if not stop_at then return t end
  return with_article(t, head)
end

-- A situation without its verb gets "is" or "are": "Eastfield turnover
-- about 110% a year" -> "Eastfield turnover is about 110% a year",
-- "costs up 40%" -> "costs are up 40%", "teaching load capped at 40%" ->
-- "teaching load is capped at 40%".  For what the note says of them.
local participle_preps = {at = true, by = true, to = true, ["for"] = true,
  ["in"] = true, on = true, ["until"] = true, from = true, with = true}
-- Where s has ", ", "; " or ": " outside brackets and quotations.
local function marks(s)
  local at, depth, quoted = {}, 0, false
  for i = 1, #s - 1 do
    local c = s:byte(i)
    if c == 40 then depth = depth + 1
    elseif c == 41 and depth > 0 then depth = depth - 1
    elseif c == 34 then quoted = not quoted
    elseif (c == 44 or c == 59 or c == 58) and depth == 0 and not quoted and
           s:byte(i + 1) == 32 then
      at[#at + 1] = i
    end
  end
  return at
end

-- Words that say how a thing stands, after the thing with no verb:
-- "restaurant empty midweek", "individual giving flat for 3 years".
local standing = {}
for w in ([[empty flat full late slow stale broken tight short behind
  inconsistent manual understaffed overloaded stretched unreliable
  patchy thin dead quiet messy overdue vacant underused stuck unhappy
  furious angry low high bad poor weak outdated unclear
  expensive]]):gmatch("%a+") do
  standing[w] = true
end
-- ... and the phrases that do: "appraisals out of date", "project over
-- budget", "hiring on hold"
local standing_two = {["out of"] = {date = true, stock = true,
  control = true, action = true, hand = true, service = true},
  ["over budget"] = true, ["on hold"] = true, ["under pressure"] = true}
standing["short-staffed"] = true
-- Words a doing follows as their object: "staff hate working weekends",
-- "happy working nights".
local ing_takers = {}
for w in ([[hate hates love loves like likes enjoy enjoys prefer prefers
  keep keeps start starts stop stops avoid avoids mind minds miss misses
  finish finishes consider considers risk risks quit begin begins
  continue continues try tries happy keen busy worth good used fine
  ok okay great bad better best tired sick]]):gmatch("%a+") do
  ing_takers[w] = true
end
-- The words of a thing before how it stands or what it is doing: at
-- most three, in lower case (or an acronym), none a verb or a word of
-- its own.
local function subject_words(s)
  local ws = {}
  for w in s:gmatch("%S+") do
    ws[#ws + 1] = w
    if #ws > 5 then break end
  end
  for k = 2, math.min(#ws, 4) do
    local w = ws[k]:lower()
    local two = standing_two[w .. " " ..
      (ws[k + 1] or ""):lower():gsub("%p+$", "")]
    if type(two) == "table" then
      two = two[(ws[k + 2] or ""):lower():gsub("%p+$", "")]
    end
    if standing[w] or two or (w:match("^%l+ing$") and #w > 5 and
       not ing_nouns[w] and not ing_takers[ws[k - 1]:lower()]) then
      local thing_first = false
      for j = 1, k - 1 do
        local x = ws[j]
        local lx = x:lower()
        -- ("rehearsal reports late": a plural after its noun, before how
        -- it stands, is a thing, not a verb)
        local compound = j == k - 1 and j == 2 and standing[w] and
          (k == #ws or ws[k]:match("[,;:]$")) and
          not other_people[ws[j - 1]:lower()] and
          not ({runs = 1, goes = 1, comes = 1, works = 1, starts = 1,
            ends = 1, finishes = 1, opens = 1, closes = 1, arrives = 1,
            leaves = 1, stays = 1, gets = 1, looks = 1, seems = 1,
            feels = 1, sounds = 1, keeps = 1, turns = 1})[lx] and
          not agree[lx] and #lx > 4 and
          lx:match("[^s]s$") and ws[j - 1]:match("^%l[%l%-]+$") and
          not determiner[ws[j - 1]] and not subjects[ws[j - 1]] and
          not verbs[ws[j - 1]] and not past[ws[j - 1]]
        -- ("running late", "delivering about 19%": a doing, not a thing)
        -- ("2 techs retiring next year": a count first)
        if compound then
          thing_first = true
        elseif (lx:match("ing$") and not ing_nouns[lx]) or
           not (x:match("^%l[%l%-&']*$") or x:match("^%u[%u&%d]+s?$") or
             (j == 1 and k > 2 and x:match("^%d[%d,]*$") and
              not not_plural[(ws[2] or ""):lower()])) or
           verbs[lx] or past[lx] or s_verbs[lx] or sure_verbs[lx] or
           agree[lx] or subjects[lx] or relative[lx] or
           (determiner[lx] and (j > 1 or lx ~= "the")) or of_phrase[lx] and
           lx ~= "the" or lx:match("ly$") or standing[lx] or
           quantity_words[lx] or lx == "no" or lx == "not" then
          return nil
        end
      end
      return ws, k, thing_first
    end
  end
  return nil
end

local many_words = {people = true, children = true, men = true,
  women = true, police = true, ppl = true}
-- Participles of things done to something, which a count before them
-- takes with "were" ("11 sailings cancelled"), unlike what people do
-- ("2 managers retired", "15 people applied").
local passive_done = {}
for w in ([[cancelled canceled reported logged booked coded flagged
  delayed missed rejected returned refunded recalled scrapped damaged
  decided promoted sourced hired placed trained certified approved funded
  published cleared resolved processed catalogued cataloged digitised
  digitized scanned checked audited inspected signed submitted paid
  underpaid overpaid allocated assigned filled answered abandoned
  escalated completed closed opened dismissed overturned upheld
  appealed refused granted recorded registered]]):gmatch("%a+") do
  passive_done[w] = true
end
-- Words after a thing done to something ('decided in time').
local passive_next = {["in"] = true, within = true, on = true, by = true,
  at = true, to = true, ["for"] = true, from = true, after = true,
  before = true, through = true, over = true, under = true, ["not"] = true,
  early = true, late = true, online = true, internally = true,
  again = true, twice = true, first = true, last = true, this = true}
-- Nouns after a doing that name a kind of thing ("canning line",
-- "packing shift"), and doings that say what is going on with things.
local line_heads = {line = true, lines = true, shift = true, shifts = true,
  hall = true, floor = true, area = true, bay = true, crew = true,
  crews = true, staff = true, kit = true}
local going_on = {going = true, sitting = true, waiting = true,
  piling = true, slipping = true, dropping = true, falling = true,
  rising = true, coming = true, leaving = true, arriving = true,
  killing = true, hurting = true, climbing = true,
  running = true, getting = true, ending = true, bouncing = true,
  breaking = true, failing = true}
-- Whether a phrase of a note holds no verb nor subject of its own (its
-- head, the plural it names, may look like one: "near misses"), so that
-- a verb can be given to it; `one` when it must name one thing (no
-- "and"), `doing` when a word in -ing is a doing ("1 nurse going").
function voice.no_verb_in(np, head, one, doing)
  for w in np:gmatch("[%a'%-]+") do
    local l = w:lower()
    if w ~= head and (verbs[l] or past[l] or s_verbs[l] or
       sure_verbs[l] or agree[l] or subjects[l] or relative[l] or
       (one and l == "and") or (doing and l:match("^%l+ing$") and
        #l >= 5 and not ing_nouns[l])) then
      return false
    end
  end
  return true
end

local function state(s)
  local no_verb_in = voice.no_verb_in
  -- "too many invalid endotoxin assays", "no physics technician",
  -- "backlog of about 400 audits", "couple of bad reviews about ...":
  -- what there is
  if #s <= 300 then
    local lead = s:match("^([Tt]oo many) ") or s:match("^([Tt]oo few) ") or
      s:match("^([Bb]acklog of) ") or
      s:match("^([Cc]ouple of) ") or s:match("^([Aa] couple of) ")
    local rest = lead and s:sub(#lead + 2)
    -- (no verb in what follows: "too many people leave" is a clause)
    if lead and no_verb_in(rest, rest:match("[%a'%-]+$")) then
      local l = lead:lower()
      -- (its plural, then a phrase of it or nothing: "too many invalid
      -- assays", "too many emergency appointments for broken brackets")
      local plural_at = rest:match("^[%a%-]+s()%f[%A]") or
        rest:match("^[%a%-]+ [%a%-]+s()%f[%A]") or
        rest:match("^[%a%-]+ [%a%-]+ [%a%-]+s()%f[%A]")
      local after = plural_at and rest:sub(plural_at):match("^%s*(%S*)") or ""
      local after_w = after:match("^(%a+)") or ""
      local fits = plural_at and (after == "" or after:match("^[,;:]") or
        np_preps[after_w:lower()])
      if not fits and l ~= "backlog of" then return s end
      if l == "too many" or l == "too few" then
        return "there are " .. s:gsub("^T", "t")
      elseif l == "backlog of" then
        return "there is a " .. s:gsub("^B", "b")
      else
        return "there have been a " .. s:gsub("^[Aa] ", ""):gsub("^C", "c")
      end
    end
  end
  -- "2 dropped-fitting near misses this year": how many there have been
  if s:match("^%d") and #s <= 200 then
    for _, w in ipairs({{" this ", "there have been "},
        {" since ", "there have been "}, {" so far", "there have been "},
        {" last ", "there were "}, {" in %u%l+", "there were "}}) do
      local at = s:find(w[1], 1, not w[1]:find("%", 1, true))
      local np = at and s:sub(1, at - 1)
      if np and np:match("^%d[%d,]*%s+%a") and sr.words(np) <= 6 and
         not np:find("[,;:()]") and not s:sub(at):find("[,;:]") then
        local head = np:match("([%a'%-]+)$")
        -- ("12 months since the last inspection": a time, not a count;
        -- "3 of the nurses" is no count of things)
        if np:match("%a+s$") and no_verb_in(np, head, true) and
           not np:find("%f[%a]of%f[%A]") and
           not ({months = 1, years = 1, weeks = 1, days = 1, hours = 1,
             minutes = 1})[head:lower()] then
          return w[2] .. s
        end
      end
    end
  end
  -- "11 sailings cancelled last winter", "3 near misses reported in
  -- August": a count and what happened to them ("were", when the note
  -- says when; else "are": "30% of delays coded to cabin")
  local count, done, after = s:match("^(%d[%d,%.]*%%? [^,;:]-) (%l+ed)(%f[%A].*)$")
  if not count then
    count, done, after = s:match("^(%a+ %d[%d,%.]*%%? [^,;:]-) (%l+ed)(%f[%A].*)$")
    if count and not amount_first[count:match("^(%a+)"):lower()] then
      count = nil
    end
  end
  if count and sr.words(count) <= 6 and passive_done[done] then
    local ok = true
    for w in count:gmatch("%a+") do
      local l = w:lower()
      if past[l] or agree[l] or sure_verbs[l] or subjects[l] or
         l == "us" or l == "them" then
        ok = false
      end
    end
    local nxt = (after:match("^%s+(%a+)") or ""):lower()
    if ok and (after == "" or passive_next[nxt] or nxt == "last") then
      local l = after:lower()
      local was = l:find("%f[%a]last%f[%A]") or l:find("%f[%a]ago%f[%A]") or
        l:find("%f[%a]in %u") or after:find("%f[%a]in %u%l+") or
        l:find("%f[%a]in 20%d%d") or l:find("%f[%a]yesterday%f[%A]")
      local one = count:match("^1 ")
      return count .. (was and (one and " was " or " were ") or
        (one and " is " or " are ")) .. done .. after
    end
  end
  -- ("gave away ~£600k on the last job", "only ~40% of the collection
  -- catalogued": a verb or an amount first, no noun to give a verb)
  local w1 = (s:match("^(%a+)") or ""):lower()
  -- ("washed-rind cave humidity": a word of a compound, not a verb)
  if s:match("^%a+%-%a") then w1 = "" end
  -- ("canning line OEE about 55%": a doing that names a kind of line)
  local w2 = (s:match("^%a+%s+(%a+)") or ""):lower()
  if past[w1] or (w1:match("^%l+ed$") and #w1 > 4) or w1 == "only" or
     w1 == "just" or w1 == "nearly" or w1 == "almost" or
     (w1:match("ing$") and #w1 > 5 and not ing_nouns[w1] and
      not (kind_heads[w2] or line_heads[w2])) then
    return s
  end
  -- "1 nurse going on maternity leave in January", "2 techs retiring
  -- next year": a count and what they are doing
  local count_n, counted, doing_n, rest_n =
    s:match("^(%d+) ([%a%-]+ ?[%a%-]*) (%l+ing)(%s.*)$")
  if not count_n then
    -- ("a second canning line going in September", "the new automated
    -- sorter going in this summer": one thing)
    count_n, counted, doing_n, rest_n =
      s:match("^([Aa]n?) ([%a%-]+ ?[%a%-]* ?[%a%-]*) (%l+ing)(%s.*)$")
    if not count_n then
      count_n, counted, doing_n, rest_n =
        s:match("^([Tt]he) ([%a%-]+ ?[%a%-]* ?[%a%-]*) (%l+ing)(%s.*)$")
    end
    if count_n and (plural(counted:match("(%a+)$") or "") or
       counted:find("%f[%a]and%f[%A]")) then
      count_n = nil
    end
  end
  -- (what follows the doing says it is one: "going in", "retiring next
  -- year"; "the outpatient waiting list" is a thing)
  local next_n = count_n and ((rest_n:match("^%s+(%a+)") or ""):lower())
  if count_n and not ({[""] = 1, ["in"] = 1, on = 1, at = 1, to = 1,
      up = 1, down = 1, out = 1, off = 1, from = 1, into = 1, this = 1,
      next = 1, by = 1, ["for"] = 1, around = 1, round = 1, over = 1,
      away = 1, back = 1, soon = 1, later = 1, now = 1, ["until"] = 1})[next_n] then
    count_n = nil
  end
  if count_n and (going_on[doing_n] or doing_n == "retiring" or
     doing_n == "quitting") and #s <= 300 then
    local one = count_n == "1" or not count_n:match("^%d")
    return count_n .. " " .. counted .. (one and " is " or " are ") ..
      doing_n .. rest_n
  end
  -- "out of hours calls going to voicemail": things and what they are
  -- doing, with no "are"
  local things, doing, rest = s:match("^([%a%s%-]-%a+s) (%l+ing)(%s.*)$")
  if things and #s <= 300 and sr.words(things) <= 5 and
     going_on[doing] then
    -- (the words before the head no verb: "calls" is the head here)
    local ok, head = true, things:match("(%a+)$")
    for w in things:sub(1, #things - #head):gmatch("%a+") do
      local l = w:lower()
      if verbs[l] or past[l] or s_verbs[l] or subjects[l] or agree[l] then
        ok = false
      end
    end
    if ok and plural(head) then
      return things .. " are " .. doing .. rest
    end
  end
  -- "F&B losing money", "restaurant empty midweek": the thing, "is" or
  -- "are", and how it stands
  local ws, k, thing_first = subject_words(s)
  -- ("croissants inconsistent": a plural and how it stands, not a verb)
  local stands = ws and k == 2 and standing[ws[2]:lower():gsub("%p+$", "")]
  if ws and (thing_first or stands or not voice.subject_verb(s)) then
    -- ("staff morale very low": the adverb goes with how it stands)
    if k > 2 and voice.degree[ws[k - 1]:lower()] then
      k = k - 1
    end
    local before = table.concat(ws, " ", 1, k - 1)
    local head = ws[k - 1]:gsub("%p+$", "")
    -- ("individual giving": one thing, however it ends)
    local one = head:match("ing$") or mass[head:lower()]
    local many = plural(head) or many_words[head:lower()]
    return before .. ((many and not one) and " are " or " is ") ..
      s:sub(#before + 2)
  end
  -- "survival to eyed stage only ~60% this year", "footfall at the 2
  -- town centre libraries flat since covid", "cave humidity all over
  -- the place": a phrase with no verb, then how it stands
  if #s <= 300 then
    for _, how in ipairs({" only about ", " only around ", " only %d",
        " flat since ", " flat for ", " stuck at ", " all over the place",
        -- ("2 clerks out on leave", "3 nurses off sick")
        " out on leave", " out sick", " off sick", " on leave",
        " on maternity leave",
        -- ("bar spend per head low (~£2.10)")
        " too low", " too high", " very low", " very high", " really low",
        " really high", " low$", " low %("}) do
      local at = s:find(how)
      local np = at and s:sub(1, at - 1)
      -- (not "staff morale very" before "low": the adverb is how low)
      if np and voice.degree[(np:match("(%a+)$") or ""):lower()] then
        np = nil
      end
      if np and sr.words(np) <= 8 and not np:find("[,;:()\"]") then
        local ok = no_verb_in(np, nil, true, true)
        -- (the head before its phrase: "footfall at the 2 ... libraries")
        local last = np:match("(%a+)$")
        local prev
        for w in np:gmatch("[%a'%-]+") do
          local l = w:lower()
          if prev and (np_preps[l] or l == "to") then last = prev break end
          prev = w
        end
        if ok and last and not np_preps[last:lower()] then
          -- ("flat since covid": how it has been)
          if s:find("%f[%a]since%f[%A]", at) then
            return np .. (plural(last) and " have been" or " has been") ..
              s:sub(at)
          end
          return np .. (plural(last) and " are" or " is") .. s:sub(at)
        end
      end
    end
  end
  local stop_at, next_w, head = noun_phrase(s, 6)
  if not next_w then return s end
  local rest = s:sub(stop_at)
  local lw = next_w:lower()
  local after = rest:match("^%s+%S+%s+(%S+)") or ""
  local sure = false
  if quantity_words[lw] then
    sure = true
  elseif lw == "up" or lw == "down" then
    sure = is_number(after) or after == "since" or after == "from" or
      after == "this" or after == "last" or after == "by" or after == "to" or
      after == "about" or after == "around" or after == "nearly" or
      after == "almost" or after == "over" or after == "roughly"
  elseif is_number(next_w) then
    -- ("94% target", "9 weeks behind", "3 months late")
    local when = rest:match("^%s+%S+%s+%a+%s+(%a+)")
    sure = rest:match("^%s+%S-%%") ~= nil or when == "behind" or
      when == "late" or when == "overdue" or when == "ahead"
  elseif lw:match("^%l+ed$") and not past[lw] and not verbs[lw] then
    sure = participle_preps[after:lower()] == true
    -- ("key pharma client threatened to leave": a verb, and its "to" an
    -- infinitive's, not "assigned to the ward")
    local inf = after:lower() == "to" and rest:match("^%s+%S+%s+%S+%s+(%l+)")
    if inf and not determiner[inf] then sure = false end
  end
  if not sure then return s end
  -- and no verb of its own later in the clause ("recruiting at 4-6 PQE
  -- is hard")
  -- (a verb after "since" is its own clause's: "bookings down ~30%
  -- since coach costs went up")
  for w in (rest:match("^([^,;:]*)") or rest):gmatch("[%a']+") do
    local l = w:lower()
    if l == "since" or l == "because" or l == "after" or l == "when" or
       l == "until" or l == "while" then
      break
    end
    if verbs[l] or sure_verbs[l] or agree[l] then return s end
  end
  -- ("files not up to standard": the verb before "not")
  local np = s:sub(1, stop_at - 1)
  local before_not = np:match("^(.-)%s+not$")
  if before_not then
    local h = before_not:match("(%S+)$") or head
    return before_not .. (plural(h) and " are not" or " is not") .. rest
  end
  return np .. (plural(head) and " are" or " is") .. rest
end

-- ", client is threatening to pull the contract": a clause after a
-- comma whose subject is a bare singular noun takes "the".
local not_nouns = {everyone = true, everything = true, someone = true,
  something = true, nobody = true, nothing = true, it = true, this = true,
  that = true, there = true, here = true, which = true, who = true,
  what = true, one = true, each = true, all = true, none = true,
  anyone = true, anything = true, he = true, she = true, they = true,
  we = true, you = true, i = true}
local function bare_subjects(s)
  return (s:gsub("([,;] )(%l[%l%-]+)( %l+)", function(mark, noun, verb)
    local v = verb:sub(2)
    if not (sure_verbs[v] or agree[v]) or not_nouns[noun] or
       determiner[noun] or plural(noun) or mass[noun] or
       noun:match("ing$") or noun:match("ly$") or verbs[noun] or
       past[noun] then
      return nil
    end
    return mark .. "the " .. noun .. verb
  end))
end

-- A seam a reader would stop at, in a composed sentence of the draft
-- (a template's lead-in and the note's words that do not fit it): why, or
-- nil.  The composer drops such a sentence rather than send it.
--   "I enjoyed talking with you about told them at the centre I ..."
--   "It was good to talk about at Lingwood Council I coordinated ..."
--   "You described the challenge: short 6, agency cover is expensive."
--   "You mentioned that you: 'I need numbers to take to committee.'"
voice.seam_leads = {"talk about ", "talking about ", "hear about ",
  "hearing about ", "talking with you about ", "tell you about ",
  "walking you through ", "talking you through ", "took to heart "}
voice.seam_after = {told = 1, also = 1, at = 1, ["in"] = 1, on = 1,
  said = 1, i = 1, we = 1, when = 1, to = 1, was = 1, were = 1, is = 1,
  are = 1, ["and"] = 1, but = 1, so = 1, did = 1, had = 1, got = 1,
  ran = 1, from = 1, by = 1, with = 1, ["for"] = 1, you = 1, they = 1,
  he = 1, she = 1, it = 1, ["if"] = 1, ["then"] = 1}
function voice.seam(s)
  if #s > 2000 then return nil end
  local l = s:lower()
  for _, lead in ipairs(voice.seam_leads) do
    local at = l:find(lead, 1, true)
    local w = at and l:sub(at + #lead):match("^(%a+)")
    if w and voice.seam_after[w] then
      return "a lead-in before the note's own sentence ('" .. lead .. w .. "')"
    end
  end
  -- the fragment after "the challenge:" or "the problem:": a note's
  -- list or a bare figure, not a sentence
  local frag = l:match("about the challenge: (.+)$") or
    l:match("described the challenge: (.+)$") or
    l:match("about the problem: (.+)$")
  if frag and (frag:find(",", 1, true) or frag:find(";", 1, true) or
     not frag:match("^%a") or sr.words(frag) <= 3) then
    return "a note's fragment after the lead-in ('" .. frag:sub(1, 40) .. "')"
  end
  -- ("You mentioned the non-cultivation: overgrown plots, inspection
  -- letters go out late": a label, then the note's list)
  local label, after_label = l:match("^you mentioned ([^:]+): (.+)$")
  if not label then label, after_label = l:match("^you told me about ([^:]+): (.+)$") end
  local first_part = after_label and after_label:match("^([^,;]+)[,;] ")
  -- (not a clause's list: "bookings are a mess: phone, FB messages and
  -- paper diary")
  if first_part and not voice.subject_verb(first_part) and
     not voice.subject_verb(label) then
    return "a note's list after a label ('" .. after_label:sub(1, 40) .. "')"
  end
  -- ("One thing I should have mentioned is pennine Gate.", "... is
  -- breakfast at Coastline FM.": the note's label of a story, not the
  -- story)
  local thing = s:match("^One thing I [%a' ]-mention[%a]* is (.-)%.?$") or
    s:match("^One thing I didn't get to mention is (.-)%.?$")
  local w1 = thing and (thing:match("^(%S+)") or "")
  if thing and not thing:find("%f[%a]which%f[%A]") and
     not ({my = 1, a = 1, an = 1, the = 1, our = 1, that = 1, how = 1,
       what = 1})[w1:lower()] and (w1:match("^%l") or w1:match("^%d") or
     sr.words(thing) <= 3) then
    return "a story's label after the lead-in ('" .. thing:sub(1, 40) .. "')"
  end
  if l:find("%f[%a]you:%s") or l:find("%f[%a]that:%s") then
    return "a colon after 'you' or 'that'"
  end
  -- ("You mentioned that moves/hour down to about 22": a slash word
  -- after "that", the note's shorthand)
  if l:find("^you %a+ that %S*%a/%a") or l:find("^you told me that %S*%a/%a") then
    return "the note's shorthand after the lead-in"
  end
  return nil
end

-- Words of degree before how a thing stands ("staff morale very low").
voice.degree = {very = true, too = true, really = true, quite = true,
  so = true, fairly = true, pretty = true}

-- Whether a phrase ends in how a thing stands, with no verb ("bar spend
-- per head low"): not a thing to be mentioned as it is.
function voice.verbless_state(t)
  local last = (t:match("(%a+)%s*%b()%s*$") or t:match("(%a+)%s*$") or ""):lower()
  return ({low = 1, high = 1, poor = 1, slow = 1, late = 1, flat = 1,
    bad = 1, weak = 1, stale = 1, patchy = 1, inconsistent = 1,
    empty = 1, quiet = 1, dead = 1, messy = 1, behind = 1})[last] ~= nil
end

function voice.state(text)
  local out = {}
  for i, sentence in ipairs(voice.sentences(text)) do
    -- (each part after a comma its own: "F&B losing money, restaurant
    -- empty midweek")
    local parts, from = {}, 1
    -- (a part after the first that has its subject and verb, "they've
    -- just been appointed", stays as written)
    local function part(x, first)
      local w1 = (x:match("^(%a+)") or ""):lower()
      if not first and (voice.subject_verb(x) or subjects[w1] or
         (w1:match("ing$") and not ing_nouns[w1])) then
        return x
      end
      -- "no lab", "no sales ops person": there is none
      local none = first and x:match("^[Nn]o (%l[%l%s%-]-)%s*$")
      local w = none and none:match("^(%a+)")
      if none and (w == "one" or w == "longer" or w == "idea" or
         w == "more" or w == "way" or w == "doubt" or w == "matter" or
         voice.subject_verb(none)) then
        none = nil
      end
      if none and none:find("%S") and sr.words(none) <= 4 then
        local head = none:match("(%S+)$")
        return (plural(head) and "there are no " or "there is no ") .. none
      end
      return state(x)
    end
    for _, at in ipairs(marks(sentence)) do
      if sentence:sub(at, at) ~= ":" then
        parts[#parts + 1] = part(sentence:sub(from, at - 1), from == 1) ..
          sentence:sub(at, at + 1)
        from = at + 2
      end
    end
    local last = sentence:sub(from)
    local stop = last:reverse():match("^[%.!?]*"):reverse()
    local body = last:sub(1, #last - #stop)
    parts[#parts + 1] = part(body, from == 1) .. stop
    out[i] = bare_subjects(table.concat(parts))
  end
  return table.concat(out, " ")
end

-- A result appended after a comma gets a verb: "..., rollback rate from
-- about 20% to 3%" -> "..., which took the rollback rate from about 20%
-- to 3%"; "..., tickets down 31%" -> "..., which cut tickets by 31%".
-- For what the writer did.
local result_verbs = {cut = true, reduced = true, halved = true,
  doubled = true, saved = true, raised = true, lowered = true,
  shortened = true, trimmed = true, improved = true, increased = true,
  decreased = true, boosted = true, eliminated = true, tripled = true,
  -- ("the 9-date schools tour I ran, came in £14k under on a £210k
  -- budget")
  came = true, finished = true, landed = true}
local ranges = {hours = true, shifts = true, shift = true, ages = true,
  age = true, aged = true, beds = true, times = true, days = true,
  years = true}
local function result_join(s)
  local from, seen = 1, 0
  while true do
    -- (a dozen separators are more than a sentence of a note has: a
    -- hostile line is not read to its end, at each of its commas)
    seen = seen + 1
    if seen > 12 then return s end
    -- after a comma, or a semicolon ("...; late deliveries down 23%"),
    -- or the colon a note's arrow became ("flags crews 2h before FDP
    -- limits: late-night timeouts from about 6 a month to 1": a change)
    local a = s:find("[,;:] ", from)
    if not a then return s end
    local colon = s:sub(a, a) == ":"
    local head_text = s:sub(1, a - 1)
    local _, open = head_text:gsub("%(", "")
    local _, close = head_text:gsub("%)", "")
    local _, quotes = head_text:gsub('"', "")
    local tail = s:sub(a + 2)
    -- "..., cut review notes by a third": what it did
    local verb = tail:match("^(%l+) ")
    local w1 = (head_text:match("^(%a+)") or ""):lower()
    local mine = head_text:find("%f[%a]I%f[%A]") or
      head_text:find("%f[%a]we%f[%A]") or past[w1]
    -- (after a colon, only what the writer did: "donor retention:
    -- first-year retention 23% to 41%" is a topic and its figure)
    if colon and (not mine or head_text:find(":", 1, true)) then
      tail = ""
    end
    if verb and result_verbs[verb] and open == close and quotes % 2 == 0 and
       not colon and mine then
      return head_text .. ", which " .. tail
    end
    -- ("missed calls down from about 60 a month to under 10": a thing
    -- named by what befell it, which the noun phrase reads as a verb)
    -- (and the "and" a note's list was given: "..., and missed calls
    -- down from ...")
    local np2, dir, span2 = tail:gsub("^and ", ""):match(
      "^(%l+ed [%l%-]+s) (%l+) (from .*%d.*)$")
    if np2 and (dir == "down" or dir == "up") and mine and not colon and
       open == close and quotes % 2 == 0 and #tail <= 300 then
      return head_text .. (dir == "down" and ", which brought " or
        ", which took ") .. np2 .. " " .. dir .. " " .. span2
    end
    local stop_at, next_w, head = noun_phrase(tail, 6)
    if next_w and open == close and quotes % 2 == 0 then
      local np = with_article(tail:sub(1, stop_at - 1), head)
      local rest = tail:sub(stop_at)
      local lw = next_w:lower()
      local new
      -- (a range is no change: "opening hours 9 to 5", "shifts from 7am
      -- to 7pm", "ages 5 to 11")
      local last_np = (np:match("(%a+)$") or ""):lower()
      if colon and (ranges[last_np] or rest:find("%d%s?[ap]m") or
         rest:find("%d:%d")) then
        next_w, lw = nil, ""
      end
      -- ("audit prep went from about 10 weeks to 3")
      if lw == "went" and mine and rest:match("^%s+went%s+from%s") then
        rest, lw = rest:gsub("^%s+went", ""), "from"
      end
      if (lw == "from" or is_number(next_w)) and #rest <= 400 then
        local span = rest:match("^%s+from%s+(.-%d[^%s]*%s+to%s+[~%$\194\226]*[\128-\191]*%d.*)$") or
          -- "from about 6 a month to 1"
          rest:match("^%s+from%s+(.-%d.-%s+to%s+[~%$\194\226]*[\128-\191]*%d.*)$") or
          rest:match("^%s+([~%$\194\226]*[\128-\191]*%d[^%s]*%s+to%s+[~%$\194\226]*[\128-\191]*%d.*)$") or
          -- "3.5 hours to 1.2 hours"
          rest:match("^%s+(%d[%d.,]*%s+%a+%s+to%s+~?%d.*)$") or
          -- "from about 200 a week to single digits"
          rest:match("^%s+from%s+(.-%d.-%s+to%s+single digits.*)$") or
          rest:match("^%s+from%s+(.-%d.-%s+to%s+zero.*)$")
        if span then new = "which took " .. np .. " from " .. span end
      elseif lw == "down" or lw == "up" then
        local r = rest:match("^%s+%a+%s+(.*)$") or ""
        local w2 = r:match("^(%S+)") or ""
        if w2 == "from" then
          new = (lw == "down" and "which brought " or "which took ") ..
            np .. " " .. lw .. " " .. r
        elseif w2 == "by" then
          -- "HR escalations down by a third"
          new = (lw == "down" and "which cut " or "which raised ") ..
            np .. " " .. r
        elseif lw == "down" and w2 == "to" then
          new = "which brought " .. np .. " down " .. r
        elseif r:match("^[~%$\194\163\226\130\172]*%d[%d.,]*%a?%%?%s+to%s+[~%$\194\163\226\130\172]*%d") then
          -- "arrears down £41k -> £17k in a yr": from one to the other
          new = (lw == "down" and "which brought " or "which took ") ..
            np .. " " .. lw .. " from " .. r
        elseif is_number(w2) or ((w2 == "about" or w2 == "around" or
               w2 == "nearly" or w2 == "almost" or w2 == "over") and
               (is_number(r:match("^%a+%s+(%S+)") or "") or
                r:match("^%a+ a third") or r:match("^%a+ a quarter") or
                r:match("^%a+ half%f[%A]"))) or r:match("^a third") or
               r:match("^a quarter") or r:match("^half%f[%A]") then
          -- ("down about a third in a year", "down ~40%")
          new = (lw == "down" and "which cut " or "which raised ") ..
            np .. " by " .. r
        end
      elseif quantity_words[lw] and lw ~= "at" and not colon and
             not rest:find(",", 1, true) then
        -- "..., error under 2%": what came with it
        new = "with " .. np .. rest
      end
      if new then return head_text .. ", " .. new end
    end
    from = a + 2
  end
end

local function result(s)
  local out = result_join(s)
  -- ("..., which raised throughput by 35%; tooling rejects 11% to 3%":
  -- a second result joined too)
  if out ~= s and #out <= 600 then out = result_join(out) end
  -- ("a root cause tag, which fed into process fixes, which took repeat
  -- contacts from 27% to 19%": one "which", the second thing with "and")
  if out ~= s then
    out = out:gsub("(, which [^,;%.]-), which ", "%1 and ", 1)
  end
  return out
end

-- What the writer did, written as a thing done to: "month-end close cut
-- from 9 to 5 working days" -> "I cut the month-end close from 9 to 5
-- working days".  Only verbs that take an object and a result after them.
local done_preps = {from = true, to = true, by = true, into = true,
  down = true, under = true, ["in"] = true, onto = true, across = true}
local function own_result(s)
  local stop_at, next_w, head = noun_phrase(s, 6)
  if not next_w then return s end
  local verb = next_w:lower()
  if not done_to[verb] then return s end
  local rest = s:sub(stop_at):match("^%s+%S+(.*)$") or ""
  local after = rest:match("^%s+(%S+)") or ""
  if not (done_preps[after:lower()] or is_number(after)) then return s end
  if verb == "grown" then verb = "grew" elseif verb == "rewritten" then
    verb = "rewrote" end
  local np = s:sub(1, stop_at - 1)
  np = np:gsub("^(%u)(%l)", function(a, b) return a:lower() .. b end)
  return "I " .. verb .. " " .. with_article(np, head) .. rest
end

-- What follows a colon, made a clause or a noun with its article: "I
-- know the Southeast: lived in Atlanta 10 years" -> "...: I lived in
-- Atlanta 10 years"; "I automated retraining: weekly Airflow job, gated
-- on the replay eval" -> "...: a weekly Airflow job, ...".
local function after_colon(s)
  local head, rest = s:match("^(.-[%w%%]): (%l.+)$")
  if not head then return s end
  local _, quotes = head:gsub('"', "")
  if quotes % 2 == 1 or head:find("(", 1, true) then return s end
  local w1, w2 = rest:match("^([%a%-]+)%s*(%S*)")
  local l2 = w2:lower()
  -- a verb in the past before its object or place ("lived in Atlanta",
  -- "reviewed 220 risks"), not an adjective before its noun ("fixed
  -- dates")
  -- (only after a clause of the writer's that does not open with "I":
  -- "Label: did X" and "I know X: did Y" are the composer's to word)
  local clause = not head:match("^I%s") and (head:find("%f[%a]I%f[%A]") or
    head:find("%f[%a]we%f[%A]"))
  if clause and (past[w1] or (w1:match("^%l+ed$") and #w1 >= 5)) and
     (is_number(w2) or determiner[l2] or np_preps[l2] or l2 == "to" or
      l2 == "into" or l2 == "from" or l2 == "up" or l2 == "out") then
    return head .. ": I " .. rest
  end
  local adverb = w1:match("ly$") and not (w1 == "weekly" or
    w1 == "monthly" or w1 == "daily" or w1 == "quarterly" or
    w1 == "yearly" or w1 == "early")
  local stop_at, next_w, noun = noun_phrase(rest, 5)
  if stop_at and noun and not np_determiners[w1] and not determiner[w1]
     and not plural(noun) and not mass[noun:lower()] and
     not noun:lower():match("ing$") and not w1:match("ing$") and
     not adverb and
     (not next_w or rest:sub(stop_at):match("^[,;]") or
      next_w == "and") then
    local article = w1:match("^[aeiou]") and "an " or "a "
    return head .. ": " .. article .. rest
  end
  return s
end

-- A sentence that opens with a change and no verb: "Average wait 22
-- minutes to 6 minutes, abandoned calls 31% to 9%" -> "The average wait
-- went from 22 minutes to 6 minutes, and abandoned calls from 31% to 9%".
local function change_first(s)
  local stop_at, next_w, head = noun_phrase(s, 5)
  -- "suspensions of SEND pupils down 45% at Redbrook after we ...": it
  -- went down
  local lw = (next_w or ""):lower()
  local np0 = stop_at and s:sub(1, stop_at - 1) or ""
  -- (not a verb and its particle: "shut down 3 stores", "sign up")
  local one = not np0:find("%s")
  local l0 = np0:lower()
  if stop_at and (lw == "down" or lw == "up") and
     (not np0:match("%u[%w%-]*$") or np0:match("^%u%l+s$")) and
     not (one and (not l0:match("[^s]s$") or verbs[l0] or past[l0] or
       s_verbs[l0])) then
    local after = s:sub(stop_at):match("^%s+%a+%s+(%S+)") or ""
    if is_number(after) or after == "by" or after == "from" then
      local np = s:sub(1, stop_at - 1)
      np = np:gsub("^(%u)(%l)", function(a, b) return a:lower() .. b end)
      return capitalize(with_article(np, head)) .. " went" ..
        s:sub(stop_at)
    end
  end
  if not (stop_at and next_w and is_number(next_w)) then return s end
  -- "Year 4", "Route 9": a name with its number (not a place the thing
  -- was at: "lameness at Brook 27% -> 11%")
  local np0 = s:sub(1, stop_at - 1)
  if np0:match("%u[%w%-]*$") and not np0:match("%l %a+ at %u[%w%-]*$") and
     not np0:match("%l at %u[%w%-]*$") then
    return s
  end
  local rest = s:sub(stop_at)
  -- ("children aged 9 to 16", "opening hours 9 to 5": a range)
  if ranges[(s:sub(1, stop_at - 1):match("(%a+)$") or ""):lower()] then
    return s
  end
  local span, tail = rest:match("^%s+([~%$\194\226]*[\128-\191]*%d[^,;]-%s+to%s+[~%$\194\226]*[\128-\191]*%d[^,;]*)(.*)$")
  if not span then return s end
  local np = s:sub(1, stop_at - 1)
  np = np:gsub("^(%u)(%l)", function(a, b) return a:lower() .. b end)
  local out = capitalize(with_article(np, head)) .. " went from " .. span
  -- and the changes listed after it, each its own
  tail = tail:gsub("^([,;] )([%a][%w%s'%-]-) ([~%$\194\226]*[\128-\191]*%d[^,;]-%s+to%s+%S*%d)",
    ", and %2 from %3")
  return out .. tail
end

-- "built a duty-time tracker at Westfield, flags crews 2 hours before
-- FDP limits": what a thing I made does, after a comma with no subject
-- -> "... at Westfield that flags crews ...".
local made_verbs = {"built", "made", "wrote", "created", "designed",
  "developed", "set up", "introduced", "launched", "rolled out", "put in",
  "added", "brought in", "automated"}
local does = {}
for w in ([[flags alerts sends tracks shows checks catches pulls runs lets
  gives warns reminds texts emails logs counts scores ranks routes matches
  predicts highlights blocks stops saves cuts lists marks prints
  updates]]):gmatch("%a+") do
  does[w] = true
end
local function what_it_does(s)
  local at = s:find(", (%l+) ")
  if not at then return s end
  local verb = s:match("^, (%l+) ", at)
  if not does[verb] then return s end
  local before = s:sub(1, at - 1):lower()
  if before:find("[,;:]") then return s end
  for _, v in ipairs(made_verbs) do
    if before:find("%f[%a]" .. v .. "%f[%A]") then
      -- (of one thing named last: not "introduced huddles, stops
      -- delays", nor "a tracker at Westfield, flags")
      local last = s:sub(1, at - 1):match("(%a+)$") or ""
      if last:match("[^s]s$") or last:match("^%u") then return s end
      return s:sub(1, at - 1) .. " that " .. s:sub(at + 2)
    end
  end
  return s
end

-- A count of mine and what was done to them, with no verb: "96% of my
-- apps decided in time" -> "96% of my apps were decided in time".
local function count_first(s)
  local count, verb, rest = s:match("^(%d[%d,%.]*%%? of [^,;:]-) (%l+ed)(%f[%A].*)$")
  if not count or sr.words(count) > 6 or count:find("%f[%a]I%f[%A]") then
    return s
  end
  for w in count:gmatch("%a+") do
    local l = w:lower()
    if verbs[l] or past[l] or agree[l] then return s end
  end
  if not passive_done[verb] then return s end
  -- (done to them, not what they did: "... reached target" has its
  -- object)
  local nxt = (rest:match("^%s+(%a+)") or ""):lower()
  if rest:match("^%s+%a") and not passive_next[nxt] then return s end
  return count .. (count:match("^1 ") and " was " or " were ") .. verb .. rest
end

-- None of a thing that could have been done to it, after a comma: "...,
-- no police needed on arrival" -> "..., and no police were needed on
-- arrival".
local function none_done(s)
  if not s:find(", no ", 1, true) then return s end
  -- (after a doing of mine in the past: "I did exactly this on a flight,
  -- no police needed"; not "I live 10 minutes away, no relocation
  -- needed")
  local w2 = (s:match("^I (%l+)") or ""):lower()
  if not (past[w2] or (w2:match("^%l+ed$") and #w2 >= 5)) then return s end
  return (s:gsub(", no (%l+) (%l+ed)(%f[%A][^,;:]*)$", function(noun, verb, rest)
    if not (passive_done[verb] or verb == "needed" or verb == "injured" or
       verb == "hurt" or verb == "required") then
      return nil
    end
    return ", and no " .. noun .. ((noun:match("[^s]s$") or
      noun == "police" or noun == "people" or noun == "staff") and
      " were " or " was ") .. verb .. rest
  end))
end

function voice.result(text)
  local out = {}
  for i, sentence in ipairs(voice.sentences(text)) do
    out[i] = none_done(after_colon(result(own_result(change_first(
      count_first(what_it_does(sentence)))))))
  end
  return table.concat(out, " ")
end

-- What the interviewer said to the writer, said back by the writer:
-- "watch the rush before you change anything" -> "... before I change
-- anything"; "use our collection" -> "use your collection".
local subject_you = {before = true, after = true, ["if"] = true,
  when = true, ["until"] = true, ["and"] = true, but = true, so = true,
  ["while"] = true, once = true, because = true, that = true, how = true,
  why = true, whether = true, where = true}
-- "your not scared": the note's "you're"
local youre_next = {["not"] = true, being = true, scared = true,
  afraid = true}
local you_verbs = {can = true, could = true, will = true, would = true,
  should = true, need = true, want = true, have = true, are = true,
  were = true, know = true, get = true, must = true, may = true,
  might = true, ["don't"] = true, ["can't"] = true, did = true, ["do"] = true}
function voice.reported(s)
  local out, prev, tokens = {}, nil, {}
  for space, w in s:gmatch("(%s*)(%S+)") do tokens[#tokens + 1] = {space, w} end
  for i, tok in ipairs(tokens) do
    local space, w = tok[1], tok[2]
    local core, tail = w:match("^([%a'\u{2019}]+)(.*)$")
    local l = core and core:lower():gsub("\u{2019}", "'")
    local nxt = tokens[i + 1] and (tokens[i + 1][2]:match("^([%a']+)") or ""):lower()
    local r
    if l == "you" then
      -- "a case you declined": the subject of a verb
      r = (not prev or subject_you[prev] or (tail == "" and (you_verbs[nxt]
        or past[nxt] or verbs[nxt] or (nxt or ""):match("^%l+ed$"))))
        and "I" or "me"
    elseif l == "you're" then r = "I'm"
    elseif l == "you've" then r = "I've"
    elseif l == "you'll" then r = "I'll"
    elseif l == "you'd" then r = "I'd"
    elseif l == "i'd" then r = "you'd"
    elseif l == "your" and youre_next[nxt] then r = "I'm"
    elseif l == "your" then r = "my"
    elseif l == "i" then r = "you"
    elseif l == "me" then r = "you"
    elseif l == "my" then r = "your"
    elseif l == "mine" then r = "yours"
    elseif l == "i'm" then r = "you're"
    elseif l == "i've" then r = "you've"
    elseif l == "i'll" then r = "you'll"
    elseif l == "our" then r = "your"
    elseif l == "us" then r = "you"
    elseif l == "we" then r = "you"
    elseif l == "we're" then r = "you're"
    end
    if r then
      if core:match("^%u") and r ~= "I" and not r:match("^I'") then
        r = r:sub(1, 1):upper() .. r:sub(2)
      end
      w = r .. tail
    end
    out[#out + 1] = space .. w
    prev = l or (w:lower():match("^(%a+)"))
  end
  return table.concat(out)
end

-- A short aside of a few lower-case words in brackets, pasted from the
-- note ("a client (regional bank)", "(mostly nights)"), goes; one that
-- holds a number ("(118 rooms)", "(CI from 48 to 19 minutes)") or a name
-- ("(Bayfront Health)") stays.
function voice.drop_brackets(t)
  if not t:find("(", 1, true) then return t end
  return (voice.brackets(t, function(b)
    local inner = b:sub(2, -2)
    -- "(man with 30 years of newspapers, kept his tenancy, took 8 months
    -- of visits)": a note's list of fragments, told with no subject, is
    -- no aside for a letter (a result in it, "... to 4%", stays)
    local parts, doing = 0, false
    for part in (inner .. ","):gmatch("%s*([^,]-),") do
      parts = parts + 1
      local w = part:match("^(%l+)%s") or ""
      if parts > 1 and (past[w] or (w:match("^%l+ed$") and #w >= 5)) then
        doing = true
      end
    end
    if parts >= 3 and doing and not inner:find("%%") and
       not inner:find("%d%s*to%s*%d") and not inner:find("[\"(]") and
       not inner:find("%f[%a]I%f[%A]") and not inner:find("%f[%a][Ww]e%f[%A]") then
      return ""
    end
    local _, n = inner:gsub("%S+", "")
    if n > 3 or inner:find("%%") or inner:find("%d%s*to%s*%d") or
       inner:find("from") or inner:find("%u") or inner:find("[\"(]") then
      return nil
    end
    -- "(your biggest grant)" says whose: it stays
    -- ("v1" is a word; "118" is a number)
    if inner:match("^%l[%w%s%-']*$") and not inner:find("%f[%w]%d") and
       not (inner:find("%f[%a]your%f[%A]")
       or inner:find("%f[%a]my%f[%A]") or inner:find("%f[%a]our%f[%A]")) then
      return ""
    end
    return nil
  end))
end

-- ---- what a rule could not make right ------------------------------------

-- Returns a short description of what is left in s that the reader would
-- catch (raw shorthand, a third-person pronoun that may be the reader),
-- or nil.
function voice.unresolved(s, who)
  for w in s:gmatch("[%w'/]+") do
    local lw = w:lower()
    if voice.shorthand[lw] and lw ~= "i" and lw ~= "info" and
       lw ~= "q" and lw ~= "w" and lw ~= "pt" then
      return "shorthand '" .. w .. "'"
    end
  end
  if s:find("->", 1, true) or s:find(" + ", 1, true) then
    return "note symbols"
  end
  if who and who.pronouns and who.pronouns ~= "they" then
    local set = pronoun_sets[who.pronouns]
    for w in s:gmatch("%a+") do
      local lw = w:lower()
      if lw == set.subject or lw == set.object or lw == set.possessive then
        return "the pronoun '" .. w .. "'"
      end
    end
  end
  return nil
end

-- A sentence's last chunk after a comma, when the sentence before it is
-- a clause and the chunk a note's fragment with no verb of its own:
-- an amount is said with "with" ("..., about 260 people on it" ->
-- "..., with about 260 people on it"; "..., no missed deadline in 18
-- months"), a past verb with no subject joins with "and" ("..., got it
-- down to about 12 a plot"), and a verdict or a bare noun goes
-- ("..., broken wrist", "..., robotic", "..., Bolton and Wigan worst").
-- A list, a name or a date, a participle, a joining word, a quotation
-- and anything in brackets stay as written.
local amount_words = {about = true, around = true, over = true,
  under = true, nearly = true, almost = true, roughly = true,
  more = true, less = true, fewer = true, up = true, down = true}
-- "lots of them from one account", "most not actionable": a part of
-- what the clause said, kept
local quantifiers = {lots = true, many = true, most = true, some = true,
  all = true, few = true, several = true, both = true, half = true,
  none = true, each = true, every = true, one = true, two = true}
local plural_heads = {people = true, staff = true, children = true,
  men = true, women = true, kids = true, guests = true}
local pronoun_start = {i = true, ["i'm"] = true, ["i've"] = true,
  ["i'd"] = true, we = true, ["we're"] = true, you = true, ["you're"] = true,
  they = true, ["they're"] = true, he = true, she = true, it = true,
  ["it's"] = true, there = true, ["there's"] = true}
local function last_chunk(s)
  -- the last ", " outside brackets and quotations
  local depth, quoted, at = 0, false, nil
  for i = 1, #s - 1 do
    local c = s:byte(i)
    if c == 40 then depth = depth + 1
    elseif c == 41 and depth > 0 then depth = depth - 1
    elseif c == 34 then quoted = not quoted
    elseif c == 44 and depth == 0 and not quoted and s:byte(i + 1) == 32 then
      at = i
    end
  end
  return at
end
-- No verb of its own: none of the known verbs, no "-ed" word (a
-- participle after an amount, "no missed deadline", is no verb), and
-- none before a relative word ("... that we could see" is the noun's).
local function verbless(chunk)
  local n, prev = 0, nil
  for w in chunk:gmatch("[%w\128-\255'\u{2019}%-]+") do
    n = n + 1
    local l = w:lower():gsub("\u{2019}", "'")
    if n == 1 and pronoun_start[l] then return false end
    if n > 1 and relative[l] then return true end
    local amount = prev and (prev == "no" or amount_words[prev] or
      prev:match("^%d"))
    if (verbs[l] or s_verbs[l] or sure_verbs[l] or agree[l] or modal[l] or
        ((past[l] or (l:match("^%l+ed$") and #l >= 5)) and n > 1)) and
       not ((past[l] or l:match("ed$")) and amount) then
      return false
    end
    prev = l
    if n > 12 then break end
  end
  return true
end
voice.verbless = verbless
-- What a verb in -ed takes when it is a thing I did: its object ("used
-- the vendor tool", "signed off 6 grads"), not how it describes
-- ("delayed twice", "adopted trust-wide", "aged 22").
local particle_next = {off = true, over = true, up = true, out = true,
  down = true, back = true}
local describing = {aged = true, delayed = true, adopted = true,
  opened = true, mixed = true, based = true, located = true,
  funded = true, approved = true, accepted = true, unplanned = true,
  unfunded = true, rated = true, ranked = true, staffed = true}
-- what the reader did, told without a subject ("..., seemed interested")
local theirs = {seemed = true, looked = true, liked = true, loved = true,
  asked = true, nodded = true, laughed = true, smiled = true, wrote = true,
  said = true, noted = true, frowned = true, perked = true, wanted = true,
  agreed = true, mentioned = true, explained = true}
-- a subject of its own after "I" ("I said my BST - it's valid ...")
local other_subjects = {"it", "it's", "he", "she", "they", "we", "you",
  "there", "that's", "this"}
local function other_subject(s)
  local l = s:lower()
  for _, w in ipairs(other_subjects) do
    if l:find("%f[%w']" .. w .. "%f[^%w']") then return true end
  end
  return false
end
-- (a day or a month, by the tables the date rules read: "Tuesday",
-- "12 March", "Nov")
local function day_or_month(s)
  for w in s:gmatch("%a+") do
    local l = w:lower()
    if days[l] or months[l] or l == "weds" or
       (l:match("day$") and days[l:sub(1, 3)]) then
      return true
    end
  end
  return false
end
-- A list of three or more short things that ends a sentence with no
-- "and" before its last: "I will bring my passport, crew ID, medical
-- certificate" -> "... crew ID and medical certificate".  Each item of
-- the list after the first is at most four words with no verb.
function voice.and_list(s)
  if #s > 600 or not s:find(", ", 1, true) then return s end
  local body, mark = s:match("^(.-)([%.!?]?)$")
  if body:find('["\u{201C}()]') then return s end
  local items = {}
  for item in (body .. ", "):gmatch("(.-), ") do items[#items + 1] = item end
  local n = #items
  if n < 3 then return s end
  -- the items after the head, from the end back, while short and bare
  -- (a thing after its determiner or count is a noun, "a 6-week plan";
  -- a date or a time is no list, "Tuesday, 12 March, 2pm")
  local k = 0
  for i = n, 2, -1 do
    local it = items[i]
    local w1 = (it:match("^(%S+)") or ""):lower()
    local named = determiner[w1]
    -- (not a name, a place, a title or a number: "Tom Hale, Chief Nurse,
    -- St Brennan's"; "Leeds, West Yorkshire, UK"; "room 4, level 2")
    local proper = it:find("%d%s") or it:find("%d$") or it:find("%f[%w]%u%l") or
      it:find("^last ") or it:find("^next ") or it:find("^this ") or
      it:find("'")
    if sr.words(it) > 4 or proper or (not named and not verbless(it)) or
       it:find("%d%s*[ap]m%f[%A]") or it:find("%d:%d") or
       day_or_month(it) or joining[w1] or
       subordinate[w1] or relative[w1] or w1 == "and" or w1 == "or" or
       it:find("%f[%a]and%f[%A]") or it:find("%f[%a]or%f[%A]") then
      break
    end
    k = k + 1
  end
  -- (the head ends with the list's first item: "a mess: phone", "I
  -- will bring my passport"; not with a verb)
  local first = items[n - k]:match(":%s+(.+)$") or
    items[n - k]:match("(%S+)$") or ""
  if k < 2 or day_or_month(items[n - k]) or first:find("%d%s") or
     first:find("%d$") or
     first:find("%f[%w]%u%l") then
    return s
  end
  local last = (items[n - k]:match("(%a+)$") or ""):lower()
  if (verbs[last] or s_verbs[last] or past[last] or modal[last]) and
     not items[n - k]:find(":%s+%S+$") then
    return s
  end
  return table.concat(items, ", ", 1, n - 1) .. " and " .. items[n] .. mark
end

function voice.tidy(s)
  if not s:find(", ", 1, true) then return s end
  for _ = 1, 2 do
    local at = last_chunk(s)
    if not at then return s end
    local head, chunk = s:sub(1, at - 1), s:sub(at + 2)
    local body, mark = chunk:match("^(.-)([%.!?]?)$")
    local w1 = (body:match("^([%w\128-\255'%-]+)") or ""):lower()
    -- the words before it a clause ("I speak X", "staging criteria" after
    -- a colon is a list), the chunk plain words of its own
    local tail = head:match("^.*[:;]%s+(.-)$") or head
    -- "I'm a workplace assessor, signed off 6 grads' competencies", "I do
    -- know CBI tooling, used the vendor tool": a second thing I did, with
    -- no subject of its own, joins the first (not "..., based in Leeds")
    local w2 = (body:match("^%S+%s+([%a']+)") or ""):lower()
    local clause = head:gsub("^In fact, ", ""):gsub("^Actually, ", "")
    if (past[w1] or (w1:match("^%l+ed$") and #w1 >= 4 and
        (determiner[w2] or particle_next[w2] or is_number(w2)) and
        not describing[w1])) and not theirs[w1] and
       clause:match("^I[%s']") and not clause:find(", ", 1, true) and
       not other_subject(clause:sub(3)) and voice.subject_verb(clause) and
       not voice.subject_verb(body) and not body:find('["\u{201C}()]') then
      return head .. " and " .. body .. mark
    end
    if not voice.subject_verb(tail) or body == "" or
       body:find('["\u{201C}()]') or
       (joining[w1] and not amount_words[w1]) or subordinate[w1] or
       relative[w1] or w1:match("^%l+ing$") or w1:match("^%l+ed$") or
       w1:match("^%l+ly$") or quantifiers[w1] then
      return s
    end
    -- ("no exit plan", "no lost appointments": what follows "no" is a
    -- noun, whatever else it can be)
    local none = w1 == "no" and sr.words(body) <= 4
    if not none and not verbless(body) then
      -- "..., got it down to 12": a past verb with no subject
      if past[w1] and not voice.subject_verb(body) and
         not head:find(", ", 1, true) then
        return head .. " and " .. body .. mark
      end
      return s
    end
    local words, named = {}, true
    for w in body:gmatch("%S+") do
      words[#words + 1] = w
      if not (w:match("^%u") or w:match("^%d")) then named = false end
    end
    local last = words[#words]:lower():gsub("[%p]+$", "")
    local listed = body:find("%f[%a]and%f[%A]") or body:find("%f[%a]or%f[%A]")
    -- a name, a place, a date ("Tuesday, 12 March"), or a list
    if named or tail:find(", ", 1, true) or
       (listed and not last:match("est$") and last ~= "worse" and
        last ~= "worst" and last ~= "best") then
      return s
    end
    -- an amount of things: "..., with about 260 people on it"
    local noun = body:match("^%a+ [%d,%.]+ (%a+)") or
      body:match("^[%$\194\226~]?[%d,%.]+ (%a+)") or body:match("^no %a+")
    if noun and (noun:match("^no ") or noun:match("[^s]s$") or
       plural_heads[noun]) then
      return head .. ", with " .. body .. mark
    end
    -- a number stays as written; a verdict or a bare noun goes
    if body:find("%d") then return s end
    s = head .. (mark ~= "" and mark or ".")
  end
  return s
end

-- The thing a moment names, for "It was good to talk about ...": the
-- note's fragments after it go ("the garage subpanel I wired at my
-- uncle's place, 100A, passed inspection first try" -> "... at my
-- uncle's place"), and so does an aside in brackets that is a list or
-- long ("(14 rads, done over half term, 4 days not 5)").  A result in
-- brackets stays ("(wine GP from 62% to 71% in a year)"), as does what a
-- join word starts (", which took the pass rate from 71% to 88%").
local head_joins = {["and"] = true, which = true, who = true, where = true,
  with = true, including = true, especially = true, plus = true,
  but = true, when = true, because = true, after = true, before = true,
  ["while"] = true, as = true, so = true, ["or"] = true, ["for"] = true}
local function is_result(s)
  return s:find("%d%%") or s:find("%f[%a]from [%$\194\226~]*%d.- to %d") or
    s:find("%d+ to [%$\194\226~]*%d")
end
-- The head nouns of a piece of work, which went nowhere itself: "the
-- route re-plan", "PUE work at Corvid", "the boarding trial".
voice.work_heads = {work = true, plan = true, ["re-plan"] = true,
  project = true, programme = true, program = true, change = true,
  changes = true, trial = true, rollout = true, migration = true,
  redesign = true, overhaul = true, campaign = true, playbook = true,
  process = true, system = true, scheme = true, initiative = true,
  pilot = true, launch = true, series = true, package = true,
  tool = true, model = true, review = true, log = true, list = true,
  pipeline = true, clinic = true, queue = true, tracker = true}
local function is_span_change(s)
  return s:find("%f[%a]from [%$\194\226~]*%d.- to ") or
    s:find("%d%s*%a*%s+to%s+[%$\194\226~]*%d") or
    s:find("%d.-%s+to under %d") or s:find("%d.-%s+down to %d")
end
-- A result after the thing it came of: a change of something named is
-- said as what the thing did (", which took wine GP from 62% to 71% in
-- a year"); any other (a bare "61% to 84%", "100A") stays in brackets.
local function with_result(result, head)
  -- (already worded: ", which took the audit prep from about 10 weeks to 3")
  if result:match("^which ") then return ", " .. result end
  -- what the thing took is no measure of the thing itself: "donor
  -- retention (first-year retention 23% to 41%)" keeps its brackets
  local words = {}
  local h = (head or ""):lower()
  -- (a piece of work, or one I did, is no measure: "the boarding trial
  -- I ran at Iberline, which took boarding from 38 to 29 minutes")
  local work = h:find("%f[%a]i%f[%A]") or h:find("%f[%a]we%f[%A]")
  for w in h:gmatch("%a+") do
    if voice.work_heads[w] then work = true end
  end
  if not work then
    for w in h:gmatch("%a%a%a%a+") do words[w] = true end
  end
  local function own_measure(what)
    for w in what:lower():gmatch("%a%a%a%a+") do
      if words[w] then return true end
    end
    return false
  end
  -- "hold time about 7 minutes to under 2": what it took, and from where
  local what, a, b = result:match("^(%a[%a%s%-]-) (about %d[%d%.,]*%%?%s?%a*) to (.+)$")
  if not what then
    what, a, b = result:match("^(%a[%a%s%-]-) (%d[%d%.,]*%%?%s?%a*) to (.+)$")
  end
  if what and verbless(what) and not what:match(" up$") and
     not what:match(" down$") and not what:match("%f[%a]from$") and
     not own_measure(what) and
     (b:match("^%d") or b:match("^under %d") or b:match("^about %d")) then
    return ", which took " .. what:gsub("^%u%l", string.lower) .. " from " ..
      a .. " to " .. b
  end
  local what, from = result:match("^(%a[%w%s%-]-) from (%d.*)$")
  if what and not what:find("%f[%a]from%f[%A]") and from:find(" to ") and
     not own_measure(what) and
     verbless(what) and verbless(from) and
     not what:match(" up$") and not what:match(" down$") then
    return ", which took " .. what:gsub("^%u%l", string.lower) .. " from " .. from
  end
  return " (" .. result .. ")"
end
-- With lists: a short list after a colon stays ("your next game: co-op
-- survival, live service, a new season every 10 weeks"), unless it is
-- mostly figures ("84 units, 4 storey block, start on site Feb").
function voice.head_phrase(t, lists)
  local body, mark = t:match("^(.-)([%.!?]?)$")
  local result
  -- (brackets found in one pass: "%b()" over a run of unclosed ones is
  -- quadratic)
  local kept, from, depth, open = {}, 1, 0, nil
  for i = 1, #body do
    local c = body:byte(i)
    if c == 40 then
      if depth == 0 then open = i end
      depth = depth + 1
    elseif c == 41 and depth > 0 then
      depth = depth - 1
      if depth == 0 then
        local inner = body:sub(open + 1, i - 1)
        local _, n = inner:gsub("%S+", "")
        if inner:find("[,;]") or n > 10 then
          if not inner:find("[,;]") and is_result(inner) then
            result = inner
          end
          local before = body:sub(from, open - 1):gsub("%s+$", "")
          kept[#kept + 1] = before
          from = i + 1
        end
      end
    end
  end
  kept[#kept + 1] = body:sub(from)
  body = table.concat(kept)
  local quoted
  depth, quoted = 0, false
  for i = 1, #body - 1 do
    local c = body:byte(i)
    if c == 40 then depth = depth + 1
    elseif c == 41 and depth > 0 then depth = depth - 1
    elseif c == 34 then quoted = not quoted
    elseif (c == 44 or c == 58) and depth == 0 and not quoted and
           body:byte(i + 1) == 32 then
      local rest = body:sub(i + 2, i + 400)
      local w1 = (rest:match("^([%a']+)") or ""):lower()
      -- (a place after its comma stays: "front desk manager, Lakeside Inn")
      local chunk = rest:match("^([^,;:]*)") or ""
      local named = c == 44 and chunk:match("^%u") and
        not chunk:find("%f[%w]%l")
      -- (a clause of mine after a colon says the moment: "first-case
      -- on-time starts: I took St. Brendan's from 58% to 87%")
      local mine = c == 58 and (w1 == "i" or w1 == "we" or w1 == "my" or
        w1 == "our")
      if c == 58 and lists then
        local after, figures, items = body:sub(i + 2), 0, 0
        for item in (after .. ","):gmatch("([^,]*),") do
          items = items + 1
          if item:find("%d") then figures = figures + 1 end
        end
        if sr.words(after) <= 12 and figures <= 1 and
           not after:find("[:;()]") then
          return body .. mark
        end
      end
      if not head_joins[w1] and not named and not mine then
        local head = body:sub(1, i - 1)
        -- the first result cut off comes along in brackets
        -- (a change before a figure: "hold time ~7 min -> under 2, 40%
        -- of bookings now online" is the hold time)
        for _, test in ipairs({is_span_change, is_result}) do
          if result then break end
          for part in (rest .. ", "):gmatch("(.-)[,;:]%s") do
            local inner = part:match("%((.-)%)")
            if inner and test(inner) then
              result = inner
              break
            elseif test(part) and not part:find("[()]") then
              result = part:gsub("^%s+", "")
              break
            end
          end
        end
        -- else a short amount right after it: "the timber frame job at
        -- Kessock Rd (14 houses)"
        -- ("6,500 overdue reviews cleared": a figure's own comma)
        local amount = rest:gsub("(%d),(%d%d%d)", "%1\0%2")
          :match("^([^,;:()]+)")
        if amount then amount = amount:gsub("%z", ",") end
        if not result and amount and amount:find("%d") and
           sr.words(amount) <= 5 and verbless(amount) then
          result = amount:gsub("%s+$", "")
        end
        if result and not head:find("(", 1, true) then
          head = head .. with_result(result, head)
        end
        return head .. mark
      end
    end
  end
  if result and not body:find("(", 1, true) then
    body = body .. with_result(result, body)
  end
  return body .. mark
end

-- ---- the sentence check ---------------------------------------------------

-- "evictions down from 14 to 5", "covers up 40%": a change with no verb
-- ("went down", "brought variance down" have theirs) in the body of s
-- after the phrase's lead; what a reader would catch and its mend, or nil.
local function change_without_verb(s, body, lead, want)
  -- (a result in brackets is the phrase's: "(A330 boarding from 38 to
  -- 29 minutes)")
  local unbracketed = voice.brackets(body, function(x)
    return (x:gsub("[^%s]", "x")) end, false)
  local changes = {}
  for at, dir in unbracketed:gmatch("()%f[%a](%a+)%f[%A]") do
    if dir == "up" or dir == "down" then
      local a, b = unbracketed:sub(1, at - 1):match("()(%a+) $")
      local mid = unbracketed:sub(at + #dir + 1):match(
        "^(%a* ?%a* ?)[%$\194\226~]*%d")
      if a and mid then
        changes[#changes + 1] = {a = a, b = b, dir = dir, mid = mid}
      end
    end
  end
  for _, c in ipairs(changes) do
    local a, b, dir = c.a, c.b, c.dir
    local mid = c.mid:gsub("^from ", ""):gsub("^to ", ""):gsub("^by ", "")
    if (mid == "" or amount_words[mid:match("^(%a+) $") or ""]) and
       not (verbs[b:lower()] or
       past[b:lower()] or b:match("ed$") or subjects[b:lower()] or
       b == "it" or b == "them" or b == "that" or b == "this" or
       b == "go" or b == "come" or b == "be" or b == "been") then
      -- (the verb up to three words before: "cut the programme down")
      local before, verb = body:sub(math.max(1, a - 40), a - 1), false
      before = before:match("[,;:]%s+([^,;:]*)$") or before
      local ws = {}
      for x in before:gmatch("%a+") do ws[#ws + 1] = x:lower() end
      for k = math.max(1, #ws - 2), #ws do
        local x = ws[k]
        if verbs[x] or past[x] or x:match("ed$") or s_verbs[x] then
          verb = true
        end
      end
      if not verb then
        -- mended only where the change opens its part ("..., covers up
        -- 40%"), not after the phrase's noun ("talking about CAC
        -- payback down ...")
        local opens_part = want ~= "noun" and
          (a == 1 or body:sub(1, a - 1):match("[,;:]%s+$") or
           sr.words(body:sub(1, a - 1):match("[,;:]%s+([%w%s]-)$") or
             "a b c d") <= 3)
        -- "talking with you about CAC payback down from 19 to 11 months":
        -- about how it went down
        local how = want == "noun" and lead:match(" about$") and
          sr.words(body:sub(1, a - 1)) <= 3 and not body:find("[,;:]")
        local fix
        if opens_part or how then
          fix = {change = b .. " " .. dir,
            how = how and #s - #(s:gsub("^" .. lead:gsub("%p", "%%%0") ..
              "%s*", "")) + 1,
            went = body:find("%f[%a]from [%$\194\226~]*%d") ~= nil}
        end
        return "a change with no verb ('" .. b .. " " .. dir .. "')", fix
      end
    end
  end
  return nil
end

-- voice.fluent(s, leads): whether a sentence of a draft reads as written
-- English, not as the note's words pasted in: true, or false, what a
-- reader would catch, and a mend for voice.mend when one is sure.
-- `leads` (voice.leads) are the phrasebook's words before a point's
-- ("You mentioned", "You were open about the problem:"), each with what
-- it takes after it: "clause" (after "that"), "colon", "noun", "verb";
-- a sentence that opens with none is the point's own.  The composer
-- leaves out a sentence that fails, rather than guess at its meaning.
local residue = {"->", " / ", "=", "~", "%f[%w]w/", "%+%d", "%d%+%f[%s%p]",
  "&&", "%f[%w]vs%f[%W]", "%f[%w]def%f[%W]", "%f[%w]tbh%f[%W]",
  "%f[%w]imo%f[%W]", "%f[%w]btw%f[%W]", "%f[%w]obvs%f[%W]",
  "%f[%w]couldnt%f[%W]", "%f[%w]wouldnt%f[%W]", "%f[%w]shouldnt%f[%W]",
  "%f[%w]arent%f[%W]", "%f[%w]werent%f[%W]", "%f[%w]havent%f[%W]",
  "%f[%w]hasnt%f[%W]", "%f[%w]theyre%f[%W]", "%f[%w]youre%f[%W]",
  "%?%?", "%.%.", ",,", "%s[,;:%.]"}
-- Words before a colon that announce what follows it ("the issue is
-- simple: night cover", "one rule: ...").
voice.announcing = {}
for w in ([[following follows simple clear easy this thing issue problem
  worry question is are was were one answer reason result plan goal point
  rule lesson key idea ask aim focus priority of for with to in on at about
  including like]]):gmatch("%a+") do
  voice.announcing[w] = true
end

-- The parts of s between its marks (", ", "; ", ": "), each with the
-- mark before it.
local function chunks(s)
  local out, from, mark = {}, 1, ""
  for _, i in ipairs(marks(s)) do
    out[#out + 1] = {text = s:sub(from, i - 1), mark = mark}
    mark, from = s:sub(i, i), i + 2
  end
  out[#out + 1] = {text = s:sub(from), mark = mark}
  return out
end
-- A noun phrase that says its own verdict, with no verb: "snagging list
-- at handover way too long", "enquiries fine but viewing".
local predicate_words = {too = true, fine = true, ok = true, okay = true,
  broken = true, poor = true, low = true, high = true, bad = true,
  good = true, great = true, done = true, gone = true, hard = true,
  possible = true, impossible = true, slow = true, late = true,
  furious = true, angry = true, unhappy = true, upset = true,
  frustrated = true, annoyed = true, livid = true, mad = true,
  exhausted = true, stretched = true, overloaded = true}
-- Words that open a note's afterthought with no verb: "..., both
-- nights", "..., mostly doors closing late", "..., even just the trial".
local afterthought = {both = true, lots = true, even = true, esp = true,
  every = true, very = true, plus = true, incl = true}
-- Participles that follow their noun in a note: "reds seen in 5 days".
local participles = {seen = true, done = true, taken = true, given = true,
  gone = true, made = true, kept = true, left = true, lost = true,
  sent = true, paid = true, built = true, cut = true, put = true}
local predicate_next = {but = true, ["and"] = true, ["or"] = true,
  at = true, ["in"] = true, on = true, ["for"] = true, to = true}
local function bare_predicate(t)
  local ws = {}
  for w in no_brackets(t, false):gmatch("[%a']+") do ws[#ws + 1] = w:lower() end
  for i = 2, #ws do
    -- "way too long"; "enquiries fine but ...", not "high severity"
    if ws[i] == "too" or (predicate_words[ws[i]] and
       (i == #ws or predicate_next[ws[i + 1]])) then
      return true
    end
  end
  return false
end
-- Words before a doing with no subject: "just blanked on the number".
local hedged_doing = {just = true, also = true,
  still = true, never = true, totally = true, completely = true}
local function hedged_part(t)
  local w1, w2 = t:match("^(%a+)%s+([%a']+)")
  if not w1 or not hedged_doing[w1:lower()] then return false end
  w2 = w2:lower()
  return past[w2] or (w2:match("^%l+ed$") ~= nil and #w2 >= 5)
end
-- A noun and a doing with no verb, a note's aside: "lads going back for
-- parts", "nurses covering nights".
local short_doings = {going = true, doing = true, using = true, being = true}
local function noun_doing(t)
  local w = t:match("^%l+ (%l+ing)%f[%A]")
  return w ~= nil and (#w >= 6 or short_doings[w] == true)
end
-- The words before a point's in each phrase of a phrasebook, longest
-- first, each with what it takes after it.
local objects = {you = true, them = true, it = true, him = true,
  her = true, us = true, me = true}
-- Participles that say where or on what, not a doing ("based in Leeds").
local placed = {based = true, focused = true, interested = true,
  involved = true}
function voice.leads(book)
  local out = {}
  local function walk(t)
    for _, v in pairs(t) do
      if type(v) == "table" then
        walk(v)
      elseif type(v) == "string" then
        local pre = v:match("^([^{]-)%s*{")
        local _, vars = v:gsub("{%a+}", "")
        -- ("With {head}, I {lower}": the point's words on both sides)
        if pre and pre ~= "" and vars == 1 then
          local want = "noun"
          if pre:match(":$") then want = "colon"
          elseif pre:match(" that$") or pre:match(" how$") or
                 pre:match(" when$") then want = "clause"
          elseif pre:match(" I$") or pre:match(" you$") or pre:match(" will$") or
                 pre:match(" and$") then want = "verb"
          end
          out[#out + 1] = {pre = pre, want = want}
        end
      end
    end
  end
  walk(book)
  table.sort(out, function(a, b)
    if #a.pre ~= #b.pre then return #a.pre > #b.pre end
    return a.pre < b.pre
  end)
  return out
end

-- no verb a list knows, and no plural subject with its verb ("trays
-- arrive late")
local function no_verb(t)
  local w2 = (t:match("^%S+%s+([%a']+)") or ""):lower()
  return verbless(t) and (predicate_words[w2] or w2 == "too" or
    not voice.subject_verb(t))
end

-- A sentence cut back at its last ", ", "; " or ": " (outside brackets
-- and quotations) to the longest part that reads as written, keeping at
-- least three words after the phrase's and six in all; nil when none.
function voice.cut_back(s, leads, parts_only)
  if #s > 2000 then return nil end
  local at = marks(s)
  local lead = ""
  for _, l in ipairs(leads or {}) do
    if s:sub(1, #l.pre) == l.pre then lead = l.pre break end
  end
  -- the sentence without one part ("the backlog: trays late to the OR,
  -- 14 case delays last month" -> "the backlog: 14 case delays last
  -- month"), or cut at a mark: the longest that reads as written
  local best, most = nil, 0
  local function try(x)
    local n = sr.words(x)
    if n > most and n >= 6 and n - sr.words(lead) >= 3 and
       voice.fluent(x, leads) then
      best, most = x, n
    end
  end
  for k = #at, 1, -1 do
    -- a part left out is a fragment with no verb, and not one that bears
    -- on the rest ("if positive", "but not")
    -- of the shapes the check finds ("trays late to the OR", "op
    -- bruised", "both nights")
    local part = s:sub(at[k] + 2, (at[k + 1] or #s) - 1)
    local w1 = first_word(part):lower()
    local shape = bare_predicate(part) or afterthought[w1] or
      part:match("^%l+ %l+ed%f[%A]") or noun_doing(part) or
      participles[part:match("^%l+ (%l+)") or ""]
    if (shape and not subordinate[w1] and not joining[w1] and
        not subjects[w1] and no_verb(part)) or hedged_part(part) then
      if at[k + 1] then
        try(s:sub(1, at[k] + 1) .. s:sub(at[k + 1] + 2))
      else
        try(s:sub(1, at[k] - 1) .. ".")
      end
    end
    if not parts_only then try(s:sub(1, at[k] - 1) .. ".") end
  end
  return best
end

-- A sentence the check failed, mended where the mend is sure: two
-- sentences joined by a comma are joined by a semicolon ("I designed the
-- name check; mismatch warnings cut misdirected payments by 30%"); a
-- change with no verb takes one, in the tense of the sentence ("alert
-- volume went down 45%", "footfall is down about 30%").  nil when none.
function voice.mend(s, fix)
  if fix and fix.splice then
    local a, b = s:find(", " .. fix.splice, 1, true)
    if a then return s:sub(1, a - 1) .. "; " .. s:sub(a + 2) end
  elseif fix and fix.change then
    local a = s:find(fix.change, 1, true)
    local noun = fix.change:match("^(.-) %a+$")
    if a then
      local was = fix.went
      for w in s:gmatch("%a+") do
        local l = w:lower()
        if past[l] or (l:match("ed$") and #l >= 5) then was = true end
      end
      local verb = was and "went " or (plural(noun) and "are " or "is ")
      s = s:sub(1, a + #noun) .. verb .. s:sub(a + #noun + 1)
      if fix.how then s = s:sub(1, fix.how - 1) .. "how " .. s:sub(fix.how) end
      return s
    end
  elseif fix and (fix.unthe or fix.unjoin) then
    local lead = fix.unthe or fix.unjoin
    local rest = s:sub(#lead + 1):gsub("^%s+", "")
    if fix.unthe then rest = rest:gsub("^[Tt]he ", "")
    else rest = rest:gsub("^%a+%s+", "") end
    return lead .. " " .. rest
  elseif fix and fix.subjectless then
    -- "I turned Meta off ..., found 35% ..., reallocated £400k": the
    -- writer's own list of doings, its last joined with "and"
    local last = s:match(".*, (.-)$")
    local w1 = last and first_word(last):lower()
    if last and (past[w1] or (w1:match("^%l+ed$") and #w1 >= 5)) then
      return s:sub(1, #s - #last) .. "and " .. last
    end
  end
  return nil
end

function voice.fluent(s, leads)
  -- (a sentence of a hundred words is no sentence for a letter, and the
  -- checks below need not see a page of brackets)
  if #s > 600 then return false, "a sentence over 600 bytes" end
  local lead, want
  for _, l in ipairs(leads or {}) do
    if s:sub(1, #l.pre) == l.pre then lead, want = l.pre, l.want break end
  end
  for _, r in ipairs(residue) do
    if s:find(r) then
      return false, "note shorthand ('" .. (s:match(r) or r) .. "')"
    end
  end
  -- "that my asked about loans": a possessive before a verb
  for own, w in s:gmatch("%f[%a]([Mm]y) (%l+)") do
    if ({asked = 1, said = 1, told = 1, blanked = 1, forgot = 1,
        mentioned = 1, did = 1, went = 1, was = 1, were = 1, is = 1,
        are = 1, got = 1})[w] then
      return false, "a possessive before a verb ('" .. own .. " " .. w .. "')"
    end
  end
  local body = s:gsub("[%.!?]+[\"'\u{201D}]?$", "")
  if lead and body:sub(1, #lead) == lead then
    body = body:sub(#lead + 1):gsub("^%s+", "")
    -- "... that I {lower}": the subject is the phrase's, the clause both
    if lead:match(" I$") then body = "I " .. body end
    if lead:match(" you$") then body = "you " .. body end
  else
    want = nil
  end
  -- a quotation is one word here
  body = body:gsub('%b""', "Q"):gsub("\u{201C}.-\u{201D}", "Q")
  local parts = chunks(body)
  local first = parts[1].text
  -- "In fact, ...", "When you asked about X, I said ...": what opens
  -- the sentence before its clause
  local w = first_word(first):lower()
  -- "at Voltra I added a tag, which ...": an opening phrase with no
  -- comma, and the clause after it
  local core = clause_openers[w] and sr.words(first) <= 60 and
    (first:match("^%a+%s[^,]-%s(I[%s'\u{2019}].*)$") or
     first:match("^%a+%s[^,]-%s(we%s.*)$"))
  if core and voice.subject_verb(core) then first = core end
  local opens = #parts > 1 and parts[2].mark == "," and
    not voice.subject_verb(first) and
    (clause_openers[w] or subordinate[w] or
     (of_phrase[w] and not determiner[w]) or
     w:match("^%l+ly$") or w == "instead")
  if opens then first = parts[2].text end
  local change, fix = change_without_verb(s, body, lead, want)
  if change then return false, change, fix end
  if want == "clause" or want == nil then
    -- after "that", or as a sentence of its own: a subject and its verb
    -- ("At Aquilo after we saw ..., I added": an opening phrase with
    -- no comma; "What really happened: I challenged ...")
    local l = first:lower()
    -- ("That's peak, normal is 55": its verb is in its first word)
    local thats = first:match("^[Tt]hat's%s") or first:match("^[Ii]t's%s")
    if not voice.subject_verb(first) and not thats and not
       (want == nil and (past[first_word(first):lower()] or
        (clause_openers[w] and (l:find("%f[%a]i%f[%A]") or
          l:find("%f[%a]we%f[%A]"))) or
        (#parts > 1 and parts[2].mark == ":" and
         voice.subject_verb(parts[2].text)))) then
      return false, "no subject and verb ('" .. first .. "')"
    end
  elseif (want == "noun" or want == "colon") and no_verb(first) and
         bare_predicate(first) then
    return false, "a verdict with no verb ('" .. first .. "')"
  end
  -- "hearing about the going from 20 to 30bbl": no article before a
  -- doing; "the problem: also lots of trainees drop out": no joining
  -- word after the phrase's colon
  local _, after_doing = body:match("^[Tt]he (%l%l+ing) (%l+)")
  if want == "noun" and (after_doing == "from" or after_doing == "into" or
     after_doing == "up" or after_doing == "down") then
    return false, "an article before a doing", {unthe = lead}
  end
  local w0 = first_word(body):lower()
  if want == "colon" and (w0 == "also" or w0 == "and" or w0 == "but" or
     w0 == "plus") then
    return false, "a joining word after a colon", {unjoin = lead}
  end
  for i = 2, #parts do
    local t, mark = parts[i].text, parts[i].mark
    local w1 = first_word(t):lower()
    local clause = voice.subject_verb(t)
    local before = parts[i - 1].text
    -- "... onto the heather moors in August: migratory, lorry and
    -- trailer, night moves": the note's list of words after a colon that
    -- announces none ("three things: ...", "the basics: ..." do)
    if mark == ":" then
      local list, bare = true, 0
      for j = i, #parts do
        local x = parts[j].text
        if (j > i and parts[j].mark ~= ",") or sr.words(x) > 3 or
           x:find("%d") or subjects[first_word(x):lower()] or
           determiner[first_word(x):lower()] then
          list = false
          break
        end
        if no_verb(x) then bare = bare + 1 end
      end
      -- (cut back to one word, "... in August: migratory.", it is one)
      list = list and (bare >= 2 or (i == #parts and bare == 1 and
        sr.words(t) <= 2))
      local last = (before:match("(%a+)%W*$") or ""):lower()
      -- (a time is no list's head: "in 2 years: proper responsibility")
      local plural_head = last:match("s$") and not ({years = 1, months = 1,
        weeks = 1, days = 1, hours = 1, minutes = 1})[last]
      if list and not plural_head and not amount_words[last] and
         not determiner[last] and not voice.announcing[last] then
        return false, "a note's list after a colon ('" .. t .. "')"
      end
    end
    -- a colon after a clause says what it is ("the team is stretched:
    -- five live projects"); after a fragment, it is the note's shorthand
    if mark == ":" and ((not clause and not voice.subject_verb(before) and
       not (i == 2 and (want == "colon" or want == "noun"))) or
       (no_verb(t) and (bare_predicate(t) or subordinate[w1])) or
       (not clause and (past[w1] or w1:match("^%l+ed$")) and
        not body:find(", and ", 1, true) and
        (determiner[first_word(t:sub(#w1 + 2)):lower()] or
         (of_phrase[first_word(t:sub(#w1 + 2)):lower()] and
          not placed[w1]) or
         objects[first_word(t:sub(#w1 + 2)):lower()] or
         t:match("^%a+ %d")))) then
      return false, "a fragment after a colon ('" .. t .. "')"
    elseif mark == "," and clause and subjects[w1] and
           voice.subject_verb(before) and
           not subordinate[first_word(before):lower()] then
      return false, "two sentences joined by a comma", {splice = t}
    elseif mark ~= ";" and (w1 == "is" or w1 == "are" or w1 == "was" or
           w1 == "were" or w1 == "has" or w1 == "have") then
      -- "I must correct this: is important for honesty"
      return false, "a part with no subject ('" .. t .. "')"
    elseif (mark == "," or (mark == ":" and s_verbs[w1] and
            voice.subject_verb(before) and
            not voice.announcing[(before:match("(%a+)%W*$") or ""):lower()])) and
           not body:find(", and ", 1, true) and
           (s_verbs[w1] or
           ((past[w1] or participles[w1] or
             (w1:match("^%l+ed$") and #w1 >= 5)) and
            (determiner[first_word(t:sub(#w1 + 2)):lower()] or
             t:match("^%a+ %d")))) then
      -- "..., keeps the voice consistent", "..., serialised the refresh"
      local mine = first:match("^I%s") or first:match("^[Ww]e%s")
      return false, "a part with no subject ('" .. t .. "')",
        mine and not s_verbs[w1] and {subjectless = t} or nil
    elseif mark == "," and clause and not joining[w1] and
           not amount_words[w1] and not w1:match("ly$") and
           not subordinate[w1] and not relative[w1] and
           not (of_phrase[w1] and not determiner[w1]) and
           not quantifiers[w1] and
           not past[w1] and not s_verbs[w1] and not w1:match("ed$") and
           (voice.subject_verb(before) or
            (i == 2 and (before:match("^[Tt]hat's%s") or
             before:match("^[Ii]t's%s")))) and
           not subordinate[first_word(before):lower()] and
           not (parts[i + 1] or {text = ""}).text:match("^and ") and
           not body:find(", and ", 1, true) then
      return false, "two sentences joined by a comma", {splice = t}
    elseif mark == "," and hedged_part(t) and voice.subject_verb(before) then
      -- "..., just blanked on the number", "..., then forgot the name"
      return false, "a part with no subject ('" .. t .. "')"
    elseif mark == "," and i > 2 and (subjects[w1] or w1 == "the") and
           clause and
           w1 ~= "it" and w1 ~= "there" and
           voice.subject_verb(parts[1].text) and
           not subordinate[first_word(parts[1].text):lower()] and
           not body:find(", and ", 1, true) then
      -- "the time to respond is too long, around 4 hours, you want
      -- under 1 hour": a new sentence after the first one's aside
      return false, "two sentences joined by a comma", {splice = t}
    elseif mark == "," and i == #parts and of_phrase[w1] and
           not determiner[w1] and
           t:match("^%a+ [%w%-]+ I'?[%a']* ") and
           voice.subject_verb(before) and
           not subordinate[first_word(before):lower()] then
      -- "Day rate is £350, for perm I'm looking at £42k"
      return false, "two sentences joined by a comma", {splice = t}
    elseif mark == ":" and i == 2 and i == #parts and want == "noun" and
           sr.words(t) <= 2 and no_verb(t) then
      -- "the turnaround 9 working days full app: offer"
      return false, "a fragment after a colon ('" .. t .. "')"
    elseif mark == "," and afterthought[w1] and no_verb(t) and
           (w1 ~= "both" or sr.words(t) <= 4) then
      return false, "a note's afterthought ('" .. t .. "')"
    elseif mark == "," and (t:match("^%l+ %l+ed%f[%A]") or
           participles[(t:match("^%l+ (%l+)") or "")]) and
           not joining[w1] and not of_phrase[w1] and not determiner[w1] and
           not subordinate[w1] and not subjects[w1] and
           verbless(t:gsub("^%l+ %l+", "x")) then
      return false, "a fragment ('" .. t .. "')"
    elseif mark == "," and not joining[w1] and not subordinate[w1] and
           not of_phrase[w1] and no_verb(t) and bare_predicate(t) then
      return false, "a verdict with no verb ('" .. t .. "')"
    elseif mark == "," and noun_doing(t) and
           not joining[w1] and not of_phrase[w1] and not determiner[w1] then
      return false, "a fragment ('" .. t .. "')"
    end
  end
  return true
end

-- A sentence as it may go in a letter: as it is when it reads as
-- written, mended where the mend is sure (at most twice: "..., and ...,
-- ..."), else (when `cut`) cut back to the longest part that reads as
-- written; or nil and what a reader would catch.
function voice.written(s, leads, cut)
  local ok, why, fix = voice.fluent(s, leads)
  for _ = 1, 2 do
    local mended = not ok and voice.mend(s, fix)
    if not mended then break end
    s = mended
    ok, why, fix = voice.fluent(s, leads)
  end
  if ok then return s end
  local short = cut and voice.cut_back(s, leads, cut == "parts")
  if short then return short end
  return nil, why
end

-- A point under no heading of the six questions (a quick list with no
-- headings at all) that opens with words only one of them is answered
-- by: "she liked that ...", "problem = ...", "advice: ...".  Each cue is
-- a pattern on the point's text in lower case ("%a+" a name or pronoun);
-- a label and its mark ("problem = ") go.
voice.cues = {
  -- (the writer's own first: "i loved that" is not "she loved that")
  {"excited_me", "^i liked that "}, {"excited_me", "^i loved that "},
  {"excited_me", "^i loved hearing "}, {"excited_me", "^i liked hearing "},
  {"excited_them", "^%a+ liked that "}, {"excited_them", "^%a+ liked my "},
  {"excited_them", "^%a+ loved that "}, {"excited_them", "^%a+ loved my "},
  {"excited_them", "^%a+ really liked "}, {"excited_them", "^%a+ lit up "},
  {"excited_them", "^%a+ perked up "}, {"excited_them", "^%a+ was impressed "},
  {"excited_them", "^%a+ got excited "}, {"excited_them", "^%a+ leaned in "},
  {"excited_them", "^%a+ sat up "}, {"excited_them", "^%a+ was keen on "},
  -- ("Where she really leaned in was when I told her abt ...")
  {"excited_them", "^where %a+ %a*%s?leaned in was ", true, "^when "},
  {"excited_them", "^where %a+ %a*%s?lit up was ", true, "^when "},
  {"excited_them", "^where %a+ %a*%s?sat up was ", true, "^when "},
  {"excited_them", "^%a+ got into it when ", true, nil, "when "},
  -- ("Tom v keen when I said at Domaine Roussel we got ...")
  {"excited_them", "^%a+ v keen when ", true, nil, "when "},
  {"excited_them", "^%a+ very keen when ", true, nil, "when "},
  {"excited_them", "^%a+ was v keen when ", true, nil, "when "},
  {"excited_them", "^%a+ was very keen when ", true, nil, "when "},
  {"excited_them", "^%a+ keen when ", true, nil, "when "},
  {"excited_them", "^%a+ got really into ", true, nil, "you were really interested in "},
  {"excited_them", "^%a+ got into ", true, nil, "you were interested in "},
  -- ("also liked that I do the supplier contracts myself": after a point
  -- on what they liked)
  {"excited_them", "^also liked that ", true},
  {"excited_them", "^%a+ liked the "}, {"excited_them", "^%a+ liked how "},
  {"excited_me", "^what i loved%s*[=:%-]+>?%s*", true},
  {"excited_me", "^what i liked%s*[=:%-]+>?%s*", true},
  {"problems", "^their problems?%s*%b()%s*[=:%-]+>?%s*", true},
  {"problems", "^the problem%s*%b()%s*[=:%-]+>?%s*", true},
  {"problems", "^their %a* ?problem is ", true, nil, "their problem is "},
  {"problems", "^the %a* ?problem is ", true, nil, "the problem is "},
  {"problems", "^problems?%s*[=:%-]+>?%s*", true},
  {"problems", "^their problem%s*[=:%-]+>?%s*", true},
  {"problems", "^main problem%s*[=:%-]+>?%s*", true},
  {"problems", "^biggest problem%s*[=:%-]+>?%s*", true},
  {"problems", "^challenges?%s*[=:%-]+>?%s*", true},
  {"problems", "^pain points?%s*[=:%-]+>?%s*", true},
  {"guidance", "^advice%s*[=:%-]+>?%s*", true}, {"guidance", "^tip%s*[=:%-]+>?%s*", true},
  {"guidance", "^%a+ told me to "}, {"guidance", "^%a+ suggested "},
  {"guidance", "^%a+ advised "}, {"guidance", "^%a+ recommended "},
  {"say_differently", "^i should have said "},
  {"say_differently", "^should have said "},
  {"say_differently", "^wish i'?d said "}, {"say_differently", "^wish i had said "},
  -- "asked how I handle a difficult bride, i said something generic";
  -- "re the difficult MOB question: should have told the real one"
  {"say_differently", "^%a* ?asked [^%.]-, i said "},
  {"say_differently", "^i said "},
  {"say_differently", "^re:? [^:]+:%s*", true, "^should"},
  {"not_said", "^forgot to mention ", true}, {"not_said", "^i forgot to mention ", true},
  {"not_said", "^didn'?t mention ", true}, {"not_said", "^i didn'?t mention ", true},
  {"not_said", "^should have mentioned ", true},
  {"not_said", "^i should have mentioned ", true},
  {"not_said", "^didn'?t get to say ", true}, {"not_said", "^i didn'?t get to say ", true},
  -- ("Also didnt get to tell @helen the matinee thing, at Westmere we
  -- moved ...")
  {"not_said", "^also didn'?t get to tell ", true},
  {"not_said", "^didn'?t get to tell ", true},
  {"not_said", "^i didn'?t get to tell ", true},
  -- ("I didnt get to talk abt my picker crew - at Roussel I built ...")
  {"not_said", "^i didn'?t get to talk about ", true},
  {"not_said", "^didn'?t get to talk about ", true},
  {"not_said", "^i didn'?t get to talk abt ", true},
  {"not_said", "^didn'?t get to talk abt ", true},
  {"not_said", "^never mentioned%s*[=:%-]+>?%s*", true},
  {"not_said", "^forgot to say ", true}, {"not_said", "^i forgot to say ", true},
  {"not_said", "^never mentioned ", true},
}
-- Whether a point of mine tells of something I lack ("I don't know SAS
-- very well", "I've never used their CMS"): no evidence for them.
local gap_starts = {"i don't know", "i do not know", "i dont know",
  "i've never", "i have never", "i never used", "i haven't", "i have not",
  "i havent", "i don't have", "i do not have", "i dont have",
  "no experience", "not much experience", "little experience",
  "i'm not great", "i am not great", "i'm weak", "i am weak",
  "never used", "never done", "haven't used", "haven't done"}
function voice.gap(text)
  local l = text:lower():gsub("\u{2019}", "'"):gsub("^%s*@%S+%s+", "")
  -- ("I've never missed a payroll deadline in 8 years", "No experience
  -- with Epic but I led a Cerner rollout": a record, or what I have)
  if l:find("%d") or l:find("%f[%a]but%f[%A]") or l:find("never missed") or
     l:find("never lost") or l:find("never late") or l:find("never had") or
     l:find("haven't had") or l:find("have not had") or
     l:find("never failed") or l:find("never been late") then
    return false
  end
  for _, g in ipairs(gap_starts) do
    if l:sub(1, #g) == g then return true end
  end
  return false
end

-- The question a point's opening words answer, and its text without a
-- label; nil when none.
-- Whether a point says it is not for the email ("Ruth is 2 yrs from
-- retiring. NOT for the email obviously"), as #private does.
local kept_out_words = {"not for the email", "not for email",
  "not in the email", "not for the follow up", "not for the follow-up",
  "don't mention", "dont mention", "do not mention", "don't put this",
  "dont put this", "do not put this", "off the record", "keep private",
  "keep this private", "between us", "not to be shared", "don't share",
  "dont share", "do not share", "leave out of the email"}
function voice.kept_out(text)
  local l = text:lower():gsub("\u{2019}", "'")
  for _, w in ipairs(kept_out_words) do
    if l:find(w, 1, true) then return true end
  end
  -- "... I don't really have anything on this. skip": the writer's
  -- word to leave it
  for _, w in ipairs({"skip", "skip it", "skip this", "skip that",
      "leave it", "leave it out", "not worth mentioning",
      "not worth it", "prob skip", "probably skip"}) do
    local at = l:find(w, -#w - 3, true)
    if at and l:sub(at + #w):match("^[%s%.!]*$") and
       (at == 1 or l:sub(1, at - 1):match("[%.!;,%-%(]%s*$")) then
      return true
    end
  end
  return false
end

-- Each cue: the question, the pattern of its opening words (lower
-- case), whether the label goes, what the rest must start with, and the
-- words the label becomes.
function voice.cue(text)
  local l = text:lower()
  -- ("@gareth lit up at the workboat story": a panel's tag is the name;
  -- "@sian problem: 2 bad falls": a tag, then the label)
  local off = 0
  if l:match("^@%a") then
    local tag = l:match("^@[%w_%-]+%s+")
    local rest = tag and l:sub(#tag + 1)
    if rest and (rest:match("^problems?%s*[=:%-]") or
       rest:match("^advice%s*[=:%-]") or rest:match("^evidence%s*[=:%-]")) then
      l, off = rest, #tag
    else
      l, off = l:sub(2), 1
    end
  end
  -- ("not keen when I said ...", "less keen when": the opposite)
  local negated = l:match("^not ") or l:match("^less ") or
    l:match("^never ") or l:match("^wasn'?t ") or l:match("^%a+ not ") or
    l:match("^%a+ wasn'?t ")
  for _, c in ipairs(voice.cues) do
    local a, b = l:find(c[2])
    if negated and c[1] == "excited_them" then a = nil end
    if a then
      local rest = c[3] and text:sub(b + 1 + off) or text
      if rest ~= "" and (not c[4] or rest:lower():find(c[4])) then
        return c[1], (c[5] or "") .. rest
      end
    end
  end
  return nil
end

-- Whether a sentence opens with its subject: a pronoun ("That's
-- standard cases only", "It's 118"); unless `first_only`, also an
-- article, a name and its verb, or a pronoun after a few opening words
-- ("In fact, I ran ...").
function voice.has_subject(s, first_only)
  -- ("In fact, the climber's call is final": the clause after it)
  s = s:gsub("^In fact,%s+", ""):gsub("^Actually,%s+", "")
  local w = first_word(s)
  local l = w:lower():gsub("['\u{2019}].*$", "")
  if subjects[l] or l == "that" or l == "this" then return true end
  if first_only then return false end
  if determiner[l] then return true end
  -- ("In fact, I ran ...": after what opens it)
  local n = 0
  for x in s:gmatch("[%a']+") do
    n = n + 1
    if n > 4 then break end
    if n > 1 and subjects[x:lower():gsub("'.*$", "")] then return true end
  end
  -- ("Marco said yes"; not "Doesn't change much")
  return not w:find("n['\u{2019}]t$") and not w:match("^%u%l+ly$") and
    voice.subject_verb(s)
end

-- (the days and months as the rules read them, for the composer's own
-- reading of a next step)
voice.days, voice.months = days, months

return voice

-- The default composer's grammar, case by case: each point form becomes a
-- sentence a person would write (checked when this filter loads).
local default = require "default"
local compose = default.compose

local function point(section, role, text, score)
  return {section = section, role = role, text = text, score = score or 1,
          tags = {}, mentions = {}, words = sr.words(text), line = 1}
end

local maria = {name = "Maria Alvarez", email = "maria@x.example"}
local function note(points, extra)
  local sections = {}
  for _, p in ipairs(points) do
    sections[p.section] = sections[p.section] or {}
    table.insert(sections[p.section], p)
  end
  local n = {role = "Director of Operations", company = "Riverside Health",
             to = maria, interviewers = {maria},
             candidate = {name = "Chris Boyd"}, points = points,
             sections = sections, meta = {}, max_words = 150}
  for k, v in pairs(extra or {}) do if v == false then n[k] = nil else n[k] = v end end
  return n
end

local function draft_of(points, extra)
  return compose(points, note(points, extra))
end

local function body(d) return table.concat(d.paragraphs, "\n\n") end

local function has(d, s)
  assert(d, "no draft")
  local b = body(d)
  assert(b:find(s, 1, true), "\nwant: " .. s .. "\nin:   " .. b)
end

local function hasnt(d, s)
  local b = body(d)
  assert(not b:find(s, 1, true), "\ndid not want: " .. s .. "\nin: " .. b)
end

-- paragraph 1
local d = draft_of({point("excited_me", "connect",
  "Riverside is opening two urgent-care clinics next year")})
has(d, "Thank you for our conversation about the Director of Operations " ..
       "role at Riverside Health.")
has(d, "I enjoyed hearing that Riverside is opening two " ..
       "urgent-care clinics next year.")
assert(d.greeting == "Dear Maria,", d.greeting)
assert(d.closing == "Best regards," and d.signature == "Chris Boyd")

d = draft_of({point("excited_me", "connect", "The new design system")})
has(d, "I enjoyed hearing about the new design system.")

d = draft_of({point("excited_me", "connect",
  "They're moving to Rust by Q3; nobody mentioned it in the ad")})
has(d, "I enjoyed hearing that you're moving to Rust by Q3.")
hasnt(d, "nobody mentioned")

-- a word of the role the note also writes in lower case is no name; what
-- those the organisation serves tell it, they tell the reader
d = draft_of({point("problems", "problem",
    "Schools tell them the coach cost is the problem, not the museum"),
  point("not_said", "evidence", "I ran outreach visits into schools at " ..
    "Llanfor, 22 schools in a year")},
  {role = "Learning Officer (Schools & Families)"})
has(d, "that schools tell you the coach cost is the problem")

-- a fact too thin to say what appealed in it is left out
d = draft_of({point("excited_me", "connect", "4 surgeries"),
  point("problems", "problem", "Nurse turnover hit 28% last year")})
hasnt(d, "surgeries")
d = draft_of({point("excited_me", "connect", "the small team (3 in compliance)"),
  point("problems", "problem", "Nurse turnover hit 28% last year")})
hasnt(d, "small team")

-- a measure and its change in shorthand, told as how it went; not where
-- the head is a piece of work
d = draft_of({point("excited_them", "connect",
  "shrink at my Dunmore store: 2.9% -> 1.4% in a yr")})
has(d, "about how shrink at my Dunmore store went from 2.9% to 1.4% in " ..
       "a year.")
d = draft_of({point("excited_them", "connect",
  "Shrink at my Dunmore store: 2.9% down to 1.4% in a year (bag checks)")})
has(d, "I was glad we got to talk about how shrink at my Dunmore store " ..
       "went from 2.9% down to 1.4% in a year.")

d = draft_of({point("excited_them", "connect",
  "Cutting ER wait times from 4.1 to 2.6 hours at Mercy West")})
-- (a gerund is your own doing, talked about)
has(d, "I was glad we got to talk about cutting ER wait times from 4.1 " ..
       "to 2.6 hours at Mercy West.")

d = draft_of({point("excited_them", "connect",
  "When I explained how I cut the defect rate from 7% to 5%; he asked " ..
  "who else was involved")})
has(d, "I was glad you were interested when I explained how I cut the " ..
       "defect rate from 7% to 5%.")

d = draft_of({point("excited_them", "connect",
  "@maria leaned in at the idempotency story: I cut duplicate payouts " ..
  "to zero")})
has(d, "I was glad you were interested in the idempotency story: I cut " ..
       "duplicate payouts to zero.")

d = draft_of({point("excited_them", "connect",
  "The plant consolidation: closed 2 of 5 plants without losing a customer")})
has(d, "I was glad we got to talk about the plant consolidation (closed " ..
       "2 of 5 plants without losing a customer).")

d = draft_of({point("excited_them", "connect",
  "I took St. Brendan's from 58% to 87% in nine months. Big smile")})
has(d, "I was glad to tell you how I took St. Brendan's from 58% to 87% " ..
       "in nine months.")
hasnt(d, "Big smile")

-- paragraph 2
d = draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
        "The board cares about nurse retention more than throughput"),
  point("not_said", "evidence",
        "At Mercy West I cut nurse turnover from 24% to 15% in 18 months", 9),
  point("not_said", "evidence",
        "I ran a pharmacy discharge huddle that moved 40% of discharges", 4),
})
has(d, "You mentioned that nurse turnover hit 28% last year.")
has(d, "I also took your point that the board cares about nurse " ..
       "retention more than throughput.")
-- the evidence answers the problem (two words shared): said right
-- after it with no seam ("I have dealt with the same problem:"), and no
-- tie line after it as well
has(d, "You mentioned that nurse turnover hit 28% last year. I didn't " ..
       "get to mention that at Mercy West I cut nurse turnover " ..
       "from 24% to 15% in 18 months.")
hasnt(d, "same approach")
hasnt(d, "same problem")
-- evidence already said in the interview answers it as what you know
has(draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("excited_them", "evidence",
        "At Mercy West I cut nurse turnover from 24% to 15%", 9),
}), "last year. At Mercy West I cut nurse turnover")
-- evidence with a colon of its own keeps its plain wording
has(draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("not_said", "evidence",
        "I ran the nurse turnover program at Mercy West: 24% to 15%", 9),
}), "I didn't get to mention that I ran the nurse turnover program")
-- not after a skill, nor evidence that shares one word
hasnt(draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("not_said", "evidence", "I'm trained in nurse turnover analysis", 9),
}), "same approach")
hasnt(draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("not_said", "evidence", "I cut turnover at Mercy West by a third", 9),
}), "same approach")
has(d, "I also ran a pharmacy discharge huddle that moved 40% of discharges.")
hasnt(d, "I I")
hasnt(d, "..")

-- their problem with nothing of yours after it stands as heard, with no
-- stock line after it (raters read "That is the part of the role I would
-- most like to take on" as a template in every draft it was in)
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year")})
has(d, "You mentioned that nurse turnover hit 28% last year.")
hasnt(d, "most like to take on")
assert(not (d.paragraphs[2] or ""):find("%.%s+%u"),
  "a lone problem is said alone: " .. body(d))

-- a correction in the note's words, said to them
d = draft_of({point("say_differently", "correction",
  "When asked about budgets I said \"not my thing\". What I meant: I " ..
  "prefer to own it with a finance partner")})
has(d, "When you asked about budgets I said \"not my thing\". What I " ..
       "meant is that I prefer to own it with a finance partner.")

-- what they shared of their place is not "there" to them
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("excited_me", "connect",
        "We talked about how CS owns expansion there, not just renewals")})
has(d, "how CS owns expansion, not just renewals.")

-- a correction's short verdict with no subject goes; what is true stays
d = draft_of({point("say_differently", "correction",
  "I said my turnaround is about 5 days. That's standard cases only. " ..
  "Doesn't change much but you wrote it down.")})
has(d, "That's standard cases only.")
hasnt(d, "wrote it down")

-- what is true after the writer's verdict on the answer stays; the
-- verdict goes first when the draft is short of room
d = draft_of({point("say_differently", "correction",
  "He asked about CBI and I talked about SSI data as if it was the same. " ..
  "Muddled them, sounded out of date. Point is I do know CBI tooling " ..
  "from 18 months on the vendor data prep tool")}, {max_words = 40})
has(d, "In fact, I do know CBI tooling from 18 months")
hasnt(d, "sounded out of date")

-- "What I actually do: tell ..., agree ..., never ...": what is done,
-- said as a sentence, the last of three joined by "and"
d = draft_of({point("say_differently", "correction",
  "She asked about an overpayment and I said \"just take it back\". " ..
  "What I actually do: tell the colleague first, agree a repayment " ..
  "plan in writing, never take them below NMW")})
has(d, "What I actually do is tell the colleague first, agree a " ..
       "repayment plan in writing, and never take them below NMW.")
d = draft_of({point("say_differently", "correction",
  "I said I'd escalate. What I did at Vantix: talk to each HM, " ..
  "add a reminder bot and escalate only if it slipped twice")})
has(d, "What I did at Vantix was talk to each HM, add a reminder bot and " ..
       "escalate only if it slipped twice.")

-- "next step is meeting ..." in their guidance is a meeting to be glad of
d = draft_of({point("guidance", "guidance",
  "Next step is meeting two of the partners, Dr Shah and Dr Iqbal, " ..
  "probably 20 Nov")})
has(d, "I'd be glad to meet two of the partners, Dr Shah and Dr Iqbal.")
-- "True answer: ..." in a correction is said plainly
d = draft_of({point("say_differently", "correction",
  "I said I am too perfectionist. True answer: I write an email after " ..
  "each call to confirm what we agreed")})
has(d, "The real answer is that I write an email after each call")

-- the writer's years, in the connect slot
d = draft_of({point("excited_them", "connect",
  "5 years front desk manager, Lakeside Inn")})
has(d, "about my 5 years as front desk manager at Lakeside Inn.")

-- guidance that is a fragment, not a thing, is not framed as advice
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
  "want me on the national register within 12 months")})
hasnt(d, "advice on want")

-- the result, when the first sentence has none, comes with it
d = draft_of({point("not_said", "evidence",
  "I led our team's work on reducing drift. We added a monthly review. " ..
  "Children on plans for more than a year fell from 31 to 12")})
has(d, "I didn't get to mention that I led our team's work on reducing " ..
       "drift. Children on plans for more than a year fell from 31 to 12.")
hasnt(d, "monthly review")

d = draft_of({point("not_said", "evidence",
  "Led the integration of 3 acquisitions and hit every synergy target")})
has(d, "I led the integration of 3 acquisitions and hit every synergy target.")

d = draft_of({point("problems", "problem",
  "Sterile processing backlog: trays arrive late to the OR")})
has(d, "You mentioned the sterile processing backlog: trays arrive late to " ..
       "the OR.")

-- the sentence check: the note's verdict with no verb is not pasted after
-- the colon; the sentence is cut back to what reads as written
d = draft_of({point("problems", "problem",
  "Sterile processing backlog: trays late to the OR")})
has(d, "You mentioned the sterile processing backlog.")
hasnt(d, "trays late")

d = draft_of({point("guidance", "guidance",
  "Talk to Anita Sorensen about the working capital targets")})
has(d, "As you suggested, I will talk to Anita Sorensen about the working " ..
       "capital targets.")

-- paragraph 3
d = draft_of({point("say_differently", "correction",
  "I said I had \"no interest\" in budgeting; I meant I prefer to own it " ..
  "with a finance partner")})
has(d, "I would like to correct one answer. I said I had \"no interest\" " ..
       "in budgeting; I meant I prefer to own it with a finance partner.")
has(d, "I would welcome the next conversation")

d = draft_of({point("say_differently", "correction",
  "When she asked about conflict I gave a vague answer. Should have told " ..
  "the block-time story")})
has(d, "When you asked about conflict I gave a vague answer. I should " ..
       "have told the block-time story.")

d = draft_of({point("say_differently", "correction",
  "I argued with Maria about the valuation; I lacked the data!")})
-- (a note's exclamation is a full stop in the letter, and only one)
has(d, "I argued with you about the valuation; I lacked the data.")
hasnt(d, "!")
hasnt(d, "!.")

-- the better answer in a detail under the correction follows what was said
local c = point("say_differently", "correction",
  "When you described the monolith I said \"I'd rewrite it in Go\". Too glib")
c.details = {{text = "what I actually believe: extract the hot path first, " ..
  "measure, then decide"}}
d = draft_of({c})
has(d, "I said \"I'd rewrite it in Go\". What I actually believe is that " ..
       "I would extract the hot path first, measure, then decide.")
hasnt(d, "glib")

-- a note's label is made a sentence
d = draft_of({point("say_differently", "correction",
  "You asked why I left and I went on about my old boss. Real reason: I " ..
  "wanted a bigger store")})
has(d, "The real reason is that I wanted a bigger store.")
d = draft_of({point("say_differently", "correction",
  "CIMT: you asked about dosage and I said 3 hours a day. At St C's we ran 1 hour a day for 4 weeks")})
has(d, "On CIMT, you asked about dosage and I said 3 hours a day.")
d = draft_of({point("say_differently", "correction",
  "You asked about disagreeing with a vet and I said I always defer. Real " ..
  "example: challenged a vet's repeat Rx habit that was leaking stock")})
has(d, "A real example: I challenged a vet's repeat Rx habit that was leaking stock.")
d = draft_of({point("say_differently", "correction",
  "I said \"first come, first served\". Not true: I ran a monthly intake")})
has(d, "In fact, I ran a monthly intake.")

-- a booked step with what their guidance says to bring to it
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
        "Next is a partner interview with Graham Boyd: \"he'll ask about " ..
        "IFRS 9, come with examples\"")})
has(d, "For the partner interview with Graham Boyd, I'll be ready to talk " ..
       "about IFRS 9.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
        "Technical interview next: bring a design calc I'm proud of")})
has(d, "For the technical interview, I will bring a design calc I'm proud of.")

d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
        "For the presentation round: less on my PhD, more on teaching")})
has(d, "For the presentation round, I will focus less on my PhD, more on " ..
       "teaching.")
local nxt = point("other", nil, "Meet Ana (product) next week")
nxt.heading = "Next"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
has(d, "I'd be glad to meet Ana next week.")
-- between what was said and what is true, the story of the moment goes
d = draft_of({point("say_differently", "correction",
  "she asked how many calls I'd review + I said \"10 per agent per month\". " ..
  "she did the maths out loud - 1,400 calls a month w/ 3 QA staff. I " ..
  "kind of agreed + moved on, looked like I hadnt thought it through. " ..
  "what I'd actually do: ~4 per agent + targeted sampling")})
has(d, "I said \"10 per agent per month\". What I'd actually do")
hasnt(d, "maths out loud")
hasnt(d, "thought it through")
d = draft_of({point("say_differently", "correction",
  "Asked about pushy parents and I joked \"parents are the worst part " ..
  "of the job\". Who is a parent. What I mean is managing expectations " ..
  "is the hardest bit")})
has(d, "You asked about pushy parents and I joked")
hasnt(d, "Who is a parent")
-- a thing I brought in, named at length, and what it did
d = draft_of({point("problems", "problem", "waiting on parts = ~half the VOR time"),
  point("not_said", "evidence", "parts: min/max stock on the top 50 " ..
    "fast-moving parts w/ stores at Arrowline, parts-related VOR down ~40%", 9)})
has(d, "I brought in a min and max stock on the top 50 fast-moving parts " ..
       "with stores at Arrowline, which cut the parts-related VOR by about 40%.")
hasnt(d, "my parts")
-- a note of "label -> text" lines: each label read as a heading, and
-- lines of one paragraph under the same label taken one at a time
do
  local pts = {
    point("other", nil, "their probs -> touring: 3 productions out next " ..
      "spring, transit damage repair bill was £26k last season"),
    point("other", nil, "got wrong -> said I \"can't do\" millinery. not " ..
      "true, I do basic blocking + all the repairs"),
    point("other", nil, "didnt say -> ran wardrobe on a 140-show tour " ..
      "didnt say -> costume bible + photo tags cut transit repairs from " ..
      "~£14k -> £6.5k in 1 season"),
  }
  local n = note(pts)
  d = compose(default.select(pts, n), n)
  has(d, "I said I \"can't do\" millinery.")
  has(d, "£14k to £6.5k")
  hasnt(d, "didn't say")
  hasnt(d, "140-show")
end
-- their problem with nothing after it goes when the draft has more of
-- the note to say; a draft of it alone keeps it
d = draft_of({point("problems", "problem", "weekday occupancy ~11%"),
  point("say_differently", "correction", "I said I'd \"never run a " ..
    "classics season\". not true - I ran one at the Rex for 2 years")})
hasnt(d, "occupancy")
has(d, "I ran one at the Rex for 2 years")
-- labels set off by a dash: "WHAT CLICKED — ...", "NEXT — ..."
do
  local pts = {
    point("other", nil, "WHAT CLICKED \u{2014} near-miss reporting. At " ..
      "Hollins I got reports up from ~4 a month to ~30 a month"),
    point("other", nil, "GOT WRONG \u{2014} he asked how many I've " ..
      "supervised and I said 40. Not true really \u{2014} 24 on my shift"),
    point("other", nil, "NEXT \u{2014} meet the night crew, Mon 14 Dec"),
  }
  local n = note(pts)
  d = compose(default.select(pts, n), n)
  has(d, "near-miss reporting")
  has(d, "I said 40. In fact, 24 on my shift.")
  has(d, "meet the night crew")
  hasnt(d, "\u{2014}")
end
-- (from a review: what those rules must leave alone)
-- a label with a mark that patterns read is read as words
do
  local pts = {point("other", nil, "the costs [ugh: waste is 9% of sales, " ..
    "the costs [ugh: queues")}
  local n = note(pts)
  assert(pcall(default.select, pts, n))
end
-- a remark with a number is no evidence
do
  local pts = {point("problems", nil, "families not hearing back on weekends"),
    point("other", nil, "I think they have 3 other candidates"),
    point("other", nil, "my gut says 60% chance I get it"),
    point("other", nil, "Drive was 45 min each way, I could do it 3 days a week")}
  local n = note(pts)
  d = compose(default.select(pts, n), n)
  hasnt(d, "candidates")
  hasnt(d, "60%")
  hasnt(d, "45 minutes")
end
-- wanted, but nothing to send; a thing to do that is a thing; a doing
-- with an if
for _, line in ipairs({"she needs 2 weeks to decide",
    "she wants the role filled by March",
    "she wants 3 yrs of funeral experience, I have 2"}) do
  nxt = point("other", nil, line)
  nxt.heading = "Next"
  d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
    nxt})
  hasnt(d, "I will send you")
end
for _, line in ipairs({"start date Mon 5 Jan if offered",
    "work trial Sat 28th 9-5", "try to email Dana Monday"}) do
  nxt = point("other", nil, line)
  nxt.heading = "Next"
  d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
    nxt})
  hasnt(d, "starting date")
  hasnt(d, "working trial")
  hasnt(d, "trying to")
end
nxt = point("other", nil, "HR will be in touch by Friday")
nxt.heading = "Next"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
has(d, "I understand HR will be in touch by Friday.")
-- a doing with its object before a dash is mine
d = draft_of({point("excited_them", "connect",
  "redesigned the rota - she loved the 4 on 4 off pattern")})
hasnt(d, "talk about redesigned")
-- what was said before a dash is not a verdict
d = draft_of({point("say_differently", "correction",
  "Said I was weak on budgets - I ran a £2m budget at Boots")})
has(d, "weak on budgets")
-- a hyphenated thing is no preposition; a label is no place
d = draft_of({point("excited_them", "connect", "on-call rota redesign")})
has(d, "on-call rota redesign")
d = draft_of({point("problems", "problem", "turnover ~30%"),
  point("not_said", "evidence", "Impact: 3 new hires, turnover 30% -> 12% in a yr", 9)})
hasnt(d, "at Impact")
has(d, "I took turnover from 30% to 12% in a year.")
-- whose advice is whose, in a line that tags two of the panel, is not
-- guessed; a line that opens with both tags is both of theirs
do
  local gareth = {name = "Gareth Pryce"}
  local elin = {name = "Elin Davies"}
  local adv = point("guidance", nil, "@elin - \"book your sea survival " ..
    "course now whether you get this or not.\" @gareth - come to " ..
    "Thursday training night, meet the crew")
  adv.mentions = {"elin", "gareth"}
  local both = point("guidance", nil, "@elin @gareth explain what you " ..
    "are doing to the crew, they learn from it")
  both.mentions = {"elin", "gareth"}
  local pts = {point("problems", nil, "the boat has to be on service 98%+"),
    adv}
  local n = note(pts, {to = gareth, interviewers = {gareth, elin}})
  local d2 = compose(default.select(pts, n), n)
  assert(not body(d2):find("sea survival", 1, true), body(d2))
  pts = {point("problems", nil, "the boat has to be on service 98%+"), both}
  n = note(pts, {to = gareth, interviewers = {gareth, elin}})
  d2 = compose(default.select(pts, n), n)
  assert(body(d2):find("explain what", 1, true), body(d2))
end

-- a correction asked by one of the panel, with another named after
do
  local fiona = {name = "Fiona Gallagher"}
  local kwame = {name = "Kwame Asante"}
  local pts = {
    point("problems", nil, "missed doses on surgical wards ~1 in 20"),
    point("say_differently", nil, "When Fiona asked about managing a " ..
      "budget I said I hadn't really, and Kwame said it was a big part of " ..
      "the job. Actually I managed the £1.2m ward stock budget"),
  }
  local n = note(pts, {to = fiona, interviewers = {fiona, kwame}})
  local d2 = compose(default.select(pts, n), n)
  assert(body(d2):find("ward stock budget", 1, true), body(d2))
end

-- a quoted piece of advice cut at its comma still ends its sentence
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "\"start your vetting now, it takes 8-10 " ..
    "weeks and nobody believes me\"")})
has(d, "nobody believes me\".")
-- what I quoted, the true figure, and no story after it
d = draft_of({point("say_differently", "correction", "I quoted our " ..
  "affordability cap as 40% debt to income. it's 35%. he raised an " ..
  "eyebrow, I think he noticed.")})
has(d, "I quoted our affordability cap as 40% debt to income. It's 35%.")
hasnt(d, "eyebrow")
-- a topic before a dash is the note's label, as before a colon
d = draft_of({point("problems", "problem", "waste on veg ~9% of sales"),
  point("not_said", "evidence", "waste - daily 3pm markdown + cafe " ..
    "specials from surplus veg, Ashcombe waste 8% -> 3.5% of sales in a yr", 9)})
has(d, "I brought in daily 3pm markdown and cafe specials from surplus " ..
       "veg, which took Ashcombe waste from 8% to 3.5% of sales in a year.")
d = draft_of({point("problems", "problem", "client debt ~£22k over 60 days"),
  point("not_said", "evidence", "debt - at Orchard went to payment at " ..
    "time of service, debt £15k -> £3k in a yr", 9)})
has(d, "at Orchard I went to payment at time of service")
hasnt(d, "debt -")
-- a correction that starts with what I told them is one; a tag's dash
-- goes with the tag
do
  local rh = {name = "Rhiannon Price"}
  local ca = {name = "Callum Fraser"}
  local pts = {
    point("excited_them", nil, "@callum - giraffe target training. 11 of " ..
      "12 hoof trims done voluntarily"),
    point("problems", nil, "@rhiannon licence inspection flagged gaps in " ..
      "record keeping"),
    point("say_differently", nil, "told @rhiannon I'd \"never led an " ..
      "inspection\". not true!! I was the keeper lead for the 2024 licence " ..
      "inspection at Harwood"),
  }
  local n = note(pts, {to = rh, interviewers = {rh, ca}})
  local d2 = compose(default.select(pts, n), n)
  assert(body(d2):find("I told you I'd \"never led an inspection\".", 1,
    true), body(d2))
  n = note(pts, {to = ca, interviewers = {rh, ca}})
  d2 = compose(default.select(pts, n), n)
  assert(body(d2):find("the giraffe target training", 1, true), body(d2))
  assert(not body(d2):find("about -", 1, true), body(d2))
end

-- what they asked for in the next step's line is promised, not told back
nxt = point("other", nil, "Next: she asked for 2 references, one from " ..
  "Pryor's and one from the crematorium manager at Westfield. She'll " ..
  "ring by Friday.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
has(d, "As you asked, I will send you 2 references.")
hasnt(d, "I understand")
nxt = point("other", nil, "Next: you want a 1-page plan for filling " ..
  "Jan-Feb by next Monday (30th)")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
has(d, "As you asked, I will send you a 1-page plan for filling " ..
       "Jan-Feb by next Monday.")
-- a verdict before a dash in a correction goes; a place and a count
-- before what I did there are not a thing I brought in
d = draft_of({point("say_differently", "correction", "I said I \"wasn't " ..
  "really involved\" with Ofsted. Wrong and modest for no reason - I " ..
  "wrote the 2024 self assessment report")})
has(d, "I wrote the 2024 self assessment report")
hasnt(d, "modest")
d = draft_of({point("problems", "problem", "~60% of instructors don't come back"),
  point("not_said", "evidence", "Hochstein: 45 instructors, returner rate " ..
    "40% -> 72% in 3 seasons w/ early contract offers", 9),
  point("excited_them", "connect", "the off-snow programme at Hochstein", 3)})
has(d, "at Hochstein, I took the returner rate from 40% to 72% in 3 seasons")
hasnt(d, "brought in 45")
-- a topic before its dash is what we talked about, not what I did
d = draft_of({point("excited_them", "connect", "lost mileage - at " ..
  "Cresswell Coaches got it from 3.8% to 1.2% in ~9 months")})
has(d, "talk about lost mileage")
hasnt(d, "how I lost")
-- a line with no one doing it is no sentence to say back
nxt = point("other", nil, "poolside session Thursday 3 Dec 7pm, 45 min " ..
  "w/ the development squad, he'll watch + 2 committee")
nxt.heading = "Next"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
hasnt(d, "I understand poolside")
-- a step named by two words of its kind, on a date
nxt = point("other", nil, "on-hill 2nd interview w/ her + head of ski " ..
  "patrol, 18 Dec 9am, booked")
nxt.heading = "next"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
has(d, "the on-hill second interview on 18 December at 9am.")

-- no evidence under the six questions: a line of the note's own, in the
-- first person and with a figure, answers their problem
do
  local pts = {point("problems", nil, "weekend callbacks - families " ..
      "not hearing back till monday"),
    point("other", nil, "My numbers (only got half of these out): set up " ..
      "the out-of-hours rota w/ a 1 hr callback promise, hit it 96% of the " ..
      "time last yr")}
  local n = note(pts)
  d = compose(default.select(pts, n), n)
  has(d, "set up the out-of-hours rota with a 1 hour callback promise")
  hasnt(d, "My numbers")
end
-- what I will do at the step, on its day: not the stock line
nxt = point("other", nil, "come back Sat 28th for afternoon milking, " ..
  "meet the team. he wants to see me handle the cows")
nxt.heading = "next"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  nxt})
has(d, "I look forward to coming back on Saturday 28th for afternoon " ..
       "milking and meeting the team.")

-- the moment that connected keeps its result, in brackets (a piece of
-- work went nowhere: no "how the re-plan went from")
d = draft_of({point("excited_them", "connect",
  "The route re-plan at Fresko: 42 to 36 trucks a day (same drops)")})
has(d, "I was glad we got to talk about the route re-plan at Fresko (42 " ..
       "to 36 trucks a day).")

-- what was told, what is asked for, and what was cut short
d = draft_of({point("excited_them", "connect",
  "told you I trained 6 new baristas this year, all still there")})
has(d, "I was glad to tell you how I trained 6 new baristas this year")
d = draft_of({point("excited_them", "connect",
  "the error message rewrite, she asked for the before/after of the " ..
  "\"insufficient funds\" message")})
has(d, "I will send the before/after of the \"insufficient funds\" message " ..
       "you asked for.")
d = draft_of({point("excited_them", "connect",
  "the go-around at Inverness. She asked for the exact callout and how " ..
  "we debriefed it")})
hasnt(d, "I will send")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
  "look at their engagement survey results (Glassdoor too, they know")})
hasnt(d, "(Glassdoor too.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
  "next round is system design, \"think out loud, we care about tradeoffs\"")})
hasnt(d, "tradeoffs\"")

-- their problem as a topic and what it is, or as a fragment
d = draft_of({point("problems", "problem",
  "data freshness: dashboards r 6 hrs stale, you want < 30 min")})
has(d, "You mentioned data freshness: dashboards are 6 hours stale; you " ..
       "want under 30 minutes.")
d = draft_of({point("problems", "problem",
  "F&B losing money, restaurant empty midweek")})
has(d, "You mentioned that F&B is losing money, and the restaurant is " ..
       "empty midweek.")
-- "no sales ops person": there is none, and no "the" before "there"
d = draft_of({point("problems", "problem",
  "no sales ops person, CRM is a mess")})
has(d, "You mentioned that there is no sales ops person; CRM is a mess.")
-- (one phrase with no verb is the thing they mentioned, not a fragment
-- after a colon; a fragment of several parts stays after the lead-in)
d = draft_of({point("problems", "problem",
  "evidence collection by spreadsheet")})
has(d, "You mentioned evidence collection by spreadsheet.")
d = draft_of({point("problems", "problem", "storm overflow spills")})
has(d, "You mentioned storm overflow spills.")
d = draft_of({point("problems", "problem", "bar spend per head low (~£2.10)")})
hasnt(d, "You mentioned bar spend")
d = draft_of({point("problems", "problem", "main contractors ask for adaptions on site")})
hasnt(d, "You mentioned main contractors")

-- a correction is never small talk; advice stops before their quotation
d = draft_of({point("say_differently", "correction",
  "I gave a soft example (a holiday party budget). Should have used the " ..
  "layoff I stopped")})
has(d, "I would like to correct one answer.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance",
        "Meet the CTO, \"she'll want to know you push back\"")})
has(d, "I'd be glad to meet the CTO.")

d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "Next step is a take-home, rewrite 3 screens")})
has(d, "I'll be ready for the take-home.")
d = draft_of({point("say_differently", "correction",
  "I said \"a bit of Kafka\". Actually ran the CDC pipeline for 18 months. " ..
  "Better one: the label fight at Payly")})
has(d, "Actually, I ran the CDC pipeline for 18 months.")
d = draft_of({point("not_said", "evidence",
  "0 failed inspections last year on my crew")})
has(d, "One thing I didn't get to mention is 0 failed inspections last " ..
       "year on my crew.")

-- a correction after "One correction:" goes on in lower case
d = draft_of({point("say_differently", "correction",
  "You asked about conflict and I blanked")}, {phrases = {correction = "One correction:"}})
has(d, "One correction: you asked about conflict and I blanked.")

-- no draft from nothing: nil and the reason
local none, why = draft_of({})
assert(none == nil and why:find("no usable point"), why)

-- the budget drops whole optional sentences
d = draft_of({
  point("excited_me", "connect", "The new design system", 1),
  point("excited_them", "connect", "Cutting costs by 30% in a year", 5),
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("not_said", "evidence", "I cut nurse turnover from 24% to 15%", 9),
  point("not_said", "evidence", "I ran a huddle that moved 40% of discharges", 1),
}, {max_words = 60})
for _, p in ipairs(d.paragraphs) do
  assert(p:match("[%.!?]$"), "a paragraph cut short: " .. p)
end
assert(d.max_words == 60)

-- the thanks loses the role and company before the moment that connected
-- (the problem a #must: alone in its paragraph it would go)
do
  local must = point("problems", "problem", "Nurse turnover hit 28% last year")
  must.tags.must = true
  d = draft_of({
    point("excited_them", "connect", "I cut costs by 30% in a year", 5),
    must,
  }, {max_words = 30})
end
has(d, "Thank you for our conversation.")
has(d, "30% in a year")
hasnt(d, "Director of Operations role")

-- text from the notes is Markdown-escaped; no one named gets "Hello,"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year")},
  {company = "A*B_C <x>", to = false})
has(d, "A\\*B\\_C \\<x\\>")
assert(d.greeting == "Hello,")

-- the subject: the role and what their problem and your evidence share
d = draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("not_said", "evidence", "I cut nurse turnover from 24% to 15%", 9),
})
assert(d.subject == "Director of Operations: nurse turnover", d.subject)
-- (a name that opens the problem stays a name when the note writes it so
-- mid-sentence)
d = draft_of({
  point("problems", "problem", "Millgate vacancy is 22%, 5 empty units"),
  point("not_said", "evidence", "took Brookfield from 19% vacancy to 6%, that IS Millgate", 9),
})
assert(d.subject == "Director of Operations: Millgate vacancy", d.subject)
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year")},
  {role = string.rep("Very Long Title ", 6)})
assert(utf8.len(d.subject) <= 60 or not d.subject:find(" at "), d.subject)

-- their problem, and no "didn't say" point: what else they responded to
-- about you answers it, in paragraph 2
do
  local pts = {
    point("excited_them", nil, "She perked up when I explained how I " ..
      "kept the trial binders organized for the Delgado case.", 5),
    point("excited_them", nil, "She also liked that I'm a certified " ..
      "Relativity user and that I handle e-filing in federal court.", 3),
    point("problems", nil, "Two trials starting in February and only " ..
      "one paralegal right now"),
  }
  local n = note(pts)
  local chosen = default.select(pts, n)
  local roles = {}
  for _, p in ipairs(chosen) do roles[#roles + 1] = p.role end
  assert(table.concat(roles, " ") == "connect problem evidence",
         table.concat(roles, " "))
  local d2 = compose(chosen, n)
  assert(d2.paragraphs[2]:find("I'm a certified Relativity user and I " ..
    "handle e-filing in federal court.", 1, true), d2.paragraphs[2])
end

-- the subject: a correction follows the role, and never leads alone
d = draft_of({
  point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("say_differently", "correction", "When you asked about precepting " ..
    "I said I had never done it. I precepted four new graduates in 2024."),
})
assert(d.subject == "Director of Operations: a better answer on precepting",
  d.subject)

-- a slot's list of wordings: one per draft, the same on every build, and
-- not the same for every note
do
  local seen = {}
  for _, path in ipairs({"notes/a.md", "notes/b.md", "notes/c.md",
                         "notes/d.md", "notes/e.md", "notes/f.md"}) do
    local extra = {path = path, phrases = {excited = {clause =
      {"One: {lower}.", "Two: {lower}."}}}}
    local pts = {point("excited_me", "connect", "Riverside is opening two clinics")}
    local b1 = body(draft_of(pts, extra))
    assert(b1 == body(draft_of(pts, extra)), b1)
    local w = b1:match("(%a+): riverside") or b1:match("(%a+): Riverside")
    assert(w == "One" or w == "Two", b1)
    seen[w] = true
  end
  assert(seen.One and seen.Two, "every note took the same wording")
end

-- a story they responded to that answers their problem is the evidence,
-- ahead of a "didn't say" point that only shares a common word; the
-- moment that connected stays in paragraph 1
do
  local pts = {
    point("excited_them", nil, "I source my own pipeline, about 40% of " ..
      "my 2025 hires were sourced", 5),
    point("excited_them", nil, "My offer-acceptance work at Vantix: 61% " ..
      "to 84% in a year", 4),
    point("problems", nil, "They lose candidates at offer stage, 3 " ..
      "declines last quarter", 4),
    point("problems", nil, "Hiring managers take 5 days to send feedback", 4),
    point("not_said", nil, "I've hired 9 security engineers in 2 years", 8),
  }
  local n = note(pts)
  local chosen = default.select(pts, n)
  local got = {}
  for _, p in ipairs(chosen) do
    got[#got + 1] = p.role .. ":" .. p.text:sub(1, 12)
  end
  got = table.concat(got, " | ")
  assert(got:find("connect:I source my", 1, true) and
    got:find("problem:They lose ca", 1, true) and
    got:find("evidence:My offer-acc", 1, true), got)
end

-- a fragment after a comma in what excited you goes, though its first
-- word ends in -ing ("booking redesign"); a gerund with its object stays
d = draft_of({point("excited_me", "connect",
  "Patient app has 1.2M MAU, booking redesign in Q1")})
has(d, "app has 1.2M MAU.")
hasnt(d, "booking redesign")
d = draft_of({point("excited_me", "connect",
  "They rebuilt the booking flow, making it twice as fast")})
has(d, "making it twice as fast")

-- "want to see how I'd handle the release problem, maybe a short written
-- proposal": the proposal is the next step
d = draft_of({
  point("problems", "problem", "1 in 4 releases gets rolled back"),
  point("guidance", "guidance", "Maria wants to see how I'd " ..
    "handle the release problem, maybe a short written proposal"),
})
has(d, "I will send the short written proposal on the release problem")

-- "the General Manager, The Harbourside role" was a seam: the title
-- before its comma; "Both asked about" is the panel asking
d = draft_of({point("excited_them", "connect",
  "Both asked about adjudications (5 run, won 4)")},
  {role = "General Manager, The Harbourside"})
has(d, "about the General Manager role at Riverside Health.")
has(d, "I was glad you both asked about adjudications")

-- a panel: "Catherine: ..." is hers, not for another member's draft;
-- "Both asked" to one of two is "You and Catherine both asked"
do
  local cat = {name = "Catherine Ashby"}
  local james = {name = "James Whitcombe"}
  local pts = {
    point("excited_them", nil, "Both asked about adjudications (5 run, won 4)", 3),
    point("excited_me", nil, "Catherine: associates run their own files " ..
      "from 5 PQE", 6),
    point("problems", nil, "Not enough people with construction knowledge"),
  }
  local n = note(pts, {to = james, interviewers = {cat, james}})
  local d2 = compose(default.select(pts, n), n)
  assert(not body(d2):find("own files", 1, true), body(d2))
  assert(body(d2):find("I was glad you and Catherine both asked about adjudications",
    1, true), body(d2))
end

-- a thing of mine they asked for is sent as mine; what another of the
-- panel asked for is not in this one's draft
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "She asked me to send my adjuster " ..
    "licence number and the date I passed the exam, for HR")})
has(d, "As you asked, I will send you my adjuster licence number and " ..
       "the date I passed the exam.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "send copy of CoC + ENG1 by Fri")})
has(d, "As you asked, I will send you a copy of CoC and ENG1 by Friday.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "he wants the session plan by Wednesday")})
has(d, "I will send the session plan you asked for by Wednesday.")
do
  local harriet = {name = "Harriet Quayle"}
  local tobias = {name = "Tobias Wren"}
  local pts = {
    point("problems", nil, "Nurse turnover hit 28% last year"),
    point("other", nil, "Harriet asked for my Kelderby move plan " ..
      "(redacted) to look at before then"),
  }
  local n = note(pts, {to = tobias, interviewers = {harriet, tobias}})
  local d2 = compose(default.select(pts, n), n)
  assert(not body(d2):find("move plan", 1, true), body(d2))
  n = note(pts, {to = harriet, interviewers = {harriet, tobias}})
  d2 = compose(default.select(pts, n), n)
  assert(body(d2):find("As you asked, I will send you my Kelderby move " ..
    "plan.", 1, true), body(d2))
end

-- a correction of an answer to another of the panel is for their draft,
-- and so is what they asked to be sent, mid-line
do
  local fiona = {name = "Fiona Gallagher"}
  local kwame = {name = "Kwame Asante"}
  local pts = {
    point("problems", nil, "missed doses on surgical wards ~1 in 20"),
    point("say_differently", nil, "When Fiona asked abt managing a budget " ..
      "I said I \"hadn't really\" - but I managed the £1.2m ward stock " ..
      "budget at Eastfield"),
    point("other", nil, "decision by end of next wk. Fiona asked me to " ..
      "send my ACPT training plan"),
  }
  local n = note(pts, {to = kwame, interviewers = {fiona, kwame}})
  local d2 = compose(default.select(pts, n), n)
  assert(not body(d2):find("budget", 1, true), body(d2))
  assert(not body(d2):find("ACPT", 1, true), body(d2))
  n = note(pts, {to = fiona, interviewers = {fiona, kwame}})
  d2 = compose(default.select(pts, n), n)
  assert(body(d2):find("ward stock budget", 1, true), body(d2))
  assert(body(d2):find("my ACPT training plan", 1, true), body(d2))
end

-- the writer's verdict after what was said goes; a plain "I overstated."
-- stays
d = draft_of({point("say_differently", "correction",
  "She asked if I have experience with business interruption. I said " ..
  "\"not so much\". In the Campinas fire I calculated the BI myself. " ..
  "I was nervous and too modest.")})
has(d, "In the Campinas fire I calculated the BI myself.")
hasnt(d, "too modest")
d = draft_of({point("say_differently", "correction",
  "She asked about Anaplan and I said \"I've used it\". Overstated. " ..
  "I have done the Level 1 certification.")})
has(d, "I overstated. I have done the Level 1 certification.")

-- "That's not even true: I built ..." is what is true, and kept
d = draft_of({point("say_differently", "correction",
  "I made a joke that I \"hate reporting\". Oof, given their reports " ..
  "are late. That's not even true: I built the reporting calendar at " ..
  "Eastside and every report went in on time for three years.")},
  {max_words = 60})
has(d, "In fact, I built the reporting calendar at Eastside")
-- a request and a step in one line: both
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("other", nil, "next: I'm running a session w/ the U16s Thurs " ..
    "10 Dec, 6pm. he wants the session plan by Wednesday")})
has(d, "I will send the session plan you asked for by Wednesday. I look " ..
       "forward to running a session with the U16s on Thursday 10 December")

-- a step named with its date in a "next:" line is a step, not "I
-- understand cue calling test ..."
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("other", nil, "next: cue calling test on the 26th, 20 min of " ..
    "the panto from their book")})
has(d, "the cue calling test on the 26th.")
hasnt(d, "I understand")
-- advice to send what the step already sends is said once
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("excited_them", "connect", "my monthly peer review at St Agnes. " ..
    "She asked me to send the scoring sheet"),
  point("guidance", "guidance", "send the peer review scoring sheet")})
has(d, "I will send the scoring sheet you asked for.")
hasnt(d, "send the peer review scoring sheet")
-- "that I've run a night shift before", under what they liked, is mine
d = draft_of({point("excited_them", "connect",
  "that I've run a night shift before (team of 18 at Corrigan Foods)"),
  point("problems", "problem", "Nurse turnover hit 28% last year")})
has(d, "I've run a night shift before")
hasnt(d, "that I've")

-- a reflection on the answer is no truth: what follows it is
d = draft_of({point("say_differently", "correction",
  "When Jamie asked how I'd tackle the backlog, I said \"inventory " ..
  "everything first\". Thinking about it on the train home, that's the " ..
  "wrong answer for a move project. You inventory as you pack, so the " ..
  "move itself clears the backlog.")}, {max_words = 45})
has(d, "You inventory as you pack")

-- (from a review) the truth after a verdict with no mark of its own is
-- kept; a view asked for in the room is no thing to send; years are a
-- span, not a change; a sentence that only holds a mark word stays
d = draft_of({point("say_differently", "correction",
  "He asked about CBI and I talked about SSI data as if it was the same. " ..
  "Muddled them, sounded out of date. I do know CBI tooling from 18 " ..
  "months on the vendor data prep tool")}, {max_words = 40})
has(d, "I do know CBI tooling")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "She asked for my view on agency spend")})
hasnt(d, "send you my view")
d = draft_of({point("excited_them", "connect", "my time at Vantix (2019 to 2023)"),
  point("problems", "problem", "Nurse turnover hit 28% last year")})
hasnt(d, "went from")
d = draft_of({point("say_differently", "correction",
  "She asked about anxious patients. I said I refer them on. In fact, I " ..
  "treat most of them myself. I also run our clinic for nervous patients.")})
has(d, "I also run our clinic for nervous patients.")

-- a titled member of a panel is found by any word of the name; the
-- line sent is not said again as what is understood; "by today"
do
  local yvonne = {name = "Dr Yvonne Castell"}
  local tom = {name = "Tom Ahearn"}
  local pts = {
    point("problems", nil, "Nurse turnover hit 28% last year"),
    point("other", nil, "Yvonne asked for my caseload audit to look at " ..
      "before the panel"),
  }
  local n = note(pts, {to = tom, interviewers = {yvonne, tom}})
  local d2 = compose(default.select(pts, n), n)
  assert(not body(d2):find("caseload audit", 1, true), body(d2))
end
do
  local nxt = point("other", nil, "he wants the session plan by Wednesday")
  nxt.heading = "Next steps"
  d = draft_of({point("problems", "problem",
    "Nurse turnover hit 28% last year"), nxt})
  has(d, "I will send the session plan you asked for by Wednesday.")
  hasnt(d, "I understand")
end
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "send my portfolio by today")})
has(d, "I will send you my portfolio by today.")

-- "Line cook" mid-sentence is "the line cook role"; "Staff Engineer" stays
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year")},
  {role = "Line cook"})
has(d, "about the line cook role at Riverside Health.")

-- a thing to send keeps its words as written, without the story after it
d = draft_of({point("problems", "problem", "Invalid applications are 30%"),
  point("guidance", "guidance",
  "Helen asked for the checklist I used at Northfield and I walked her " ..
  "through it, send by Friday")})
has(d, "As you asked, I will send you the checklist I used at Northfield by Friday.")
hasnt(d, "walked")

-- "told you about X" is X
d = draft_of({point("excited_them", "connect",
  "told you about the Northfield backlog, cut from 400 to 120 in a year")})
has(d, "about the Northfield backlog")
hasnt(d, "about told you")

-- being available is no answer to their problem, however many words
-- it shares with it
d = draft_of({point("problems", "problem",
    "Christmas windows go in on 17 Nov and the window team is short"),
  point("not_said", "evidence",
    "I'm available full time from 10 Nov for the Christmas window team", 3)})
has(d, "I'm available full time from 10 Nov")
hasnt(d, "I have dealt with the same problem")

-- a name and its verb are no thing to talk about: the moment is left out
-- rather than said as "talk about Quarry Fields handed over ..."
d = draft_of({point("problems", "problem", "Sites finish late, 6 weeks on average"),
  point("excited_them", "connect",
    "Quarry Fields (62 units, timber frame) handed over 3 weeks early")})
hasnt(d, "Fields handed")

-- a problem written as a paragraph: the sentence the evidence answers
d = draft_of({point("problems", "problem",
    "The routine wait is 22 weeks. The DNA rate is high, about 15%."),
  point("not_said", "evidence",
    "At St Albans text reminders took our DNA rate from 12% to 7%", 3)})
has(d, "the DNA rate is high")

-- "also ... too" says it twice; "You said" inside a problem's paragraph
-- is not said back as "You mentioned that you said"
d = draft_of({point("problems", "problem",
    "The wait is long. You said most people waiting need only equipment."),
  point("not_said", "evidence", "I cut the wait from 11 weeks to 6 with phone triage for equipment", 3),
  point("not_said", "evidence", "I can also do Sundays too", 2)})
hasnt(d, "Sundays too")
hasnt(d, "that you said")

-- something to send moves the process on more than other advice, and is
-- mine to send
d = draft_of({point("problems", "problem", "Stores don't follow the guidelines, compliance about 55%"),
  point("guidance", "guidance", "learn planograms properly, they use them in all 40 stores", 3),
  point("guidance", "guidance", "send portfolio as a PDF, not an instagram link", 1)})
has(d, "I will send my portfolio as a PDF, not an Instagram link.")

-- a step named by its own kind ("climb assessment") when it has a day
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "climb assessment at the training tower in Inverness thurs 17th, bring own boots", 3)})
has(d, "For the climb assessment on Thursday 17th, I will bring my own boots.")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "good interview overall, be concrete next time", 3)})
hasnt(d, "the good interview")

-- the writer's years in a role, as that role; a problem's label takes
-- its article
local cooling = point("problems", "problem", "Aug 2026 cooling incident: lost the chiller plant on a hot day")
cooling.tags.must = true -- (alone in its paragraph it would go)
d = draft_of({cooling,
  point("excited_them", "connect", "3 yrs maintenance fitter at Glenmuir Creamery - hydraulics, gearboxes", 3)})
has(d, "my 3 years as a maintenance fitter at Glenmuir Creamery")
has(d, "the August 2026 cooling incident")

-- "2 yr trainee path": a 2-year path; "about 40% of spend" has no article
d = draft_of({point("problems", "problem", "~40% of spend is off contract, internal audit has flagged it twice"),
  point("excited_me", "connect", "2 yr trainee path to full tech, van + overtime", 3)})
has(d, "a 2-year trainee path to full tech")
hasnt(d, "the about")

-- "First hire I'd make: X (did this at Y)": a sentence, and mine
d = draft_of({point("problems", "problem", "no sales ops person, CRM is a mess"),
  point("not_said", "evidence", "First hire I'd make: a sales ops lead (did this at Teralink, forecast accuracy to 5%)", 3)})
has(d, "the first hire I'd make is a sales ops lead (I did this at Teralink")

-- a test is a step with its day, not a test suite
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "test = subtitle a 10 min clip SV > NO, they send it Monday, 3 days to return", 3)})
has(d, "the test on Monday")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "test coverage matters to them, mention it", 3)})
hasnt(d, "the test")

-- a line that tells of the interview itself is no step ahead; a line
-- "next: meet ..." among the guidance is one
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("other", nil, "Panel, 1h, Olivia chaired.", 0)})
hasnt(d, "the panel")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "next: meet 2 board members (chair + development committee chair), she'll set it up, probably week of 4 Jan", 1)})
has(d, "I'd be glad to meet 2 board members in the week of 4 January.")

-- a day with its kind and date is a step; a thing to send is not for it
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "brew day together sat 19th, 7am, \"wear boots you dont love\"", 3),
  point("guidance", "guidance", "send her my QC SOPs (cleaned up version)", 2)})
has(d, "the brew day on Saturday 19th at 7am")
hasnt(d, "For the brew day")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "every day counts, be concrete", 3)})
hasnt(d, "the every day")

-- a day is no thing to send; what follows a dash is not the thing
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "email a scan of the FOO cert, send b4 the 8th", 3)})
hasnt(d, "the 8th you asked for")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "send the sample run-of-show - REDACT the client names", 3)})
has(d, "I will send the sample run-of-show you asked for.")

-- (from a review: a passive aside stays theirs; "sat in" is no day; a
-- week of days is no "4-day"; "meet ..., Tuesday 14th" keeps its day)
d = draft_of({point("problems", "problem", "The depot (built in 1970) floods every winter")})
hasnt(d, "I built")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("other", nil, "Panel interview, 1h, Olivia from HR sat in and took notes", 0)})
hasnt(d, "the panel")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("excited_me", "connect", "4 days a week in the office, Fridays from home", 3)})
hasnt(d, "4-day a week")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("other", nil, "next: meet the MD at the Leeds depot, Tuesday 14th", 0)})
has(d, "Tuesday 14th")

-- a "!" outside the quotation ends its sentence with a full stop
d = draft_of({point("say_differently", "correction",
  "When you asked about the gap, I said \"I've just been at home with the kids!\", which is exactly what you told me not to do! What I should have said: I was treasurer of the school PTA for three years")})
has(d, "what you told me not to do. What I should have said")
has(d, "at home with the kids!")

-- a thing to send, without why it is wanted
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "he asked me to send the Kinley repairs KPI schedule so he can see how it's structured", 3)})
has(d, "I will send the Kinley repairs KPI schedule you asked for.")

-- "next = group assessment day ..., 7 Jan": the step on its date
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "next = group assessment day + Dutch language check, 7 Jan, got the confirmation email already", 3)})
has(d, "the group assessment on 7 January")
hasnt(d, "took your point")
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "Second interview is on 17 December at 2pm with the CEO.", 3)})
has(d, "the second interview on 17 December at 2pm")

-- "next stage is half day shadowing ...": the step is what it names
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("guidance", "guidance", "next stage is half day shadowing at Harrogate, Tues 15th, reception + prep room", 3)})
has(d, "the half-day shadowing at Harrogate on Tuesday 15th")

-- "she asked if she could see the model -> send her an anonymised
-- version": that version of the thing, to send
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"),
  point("excited_them", "connect", "She asked if she could see the model -> send her an anonymised version.", 3)})
has(d, "I will send the anonymised version of the model you asked for.")

-- nor "tenants don't"
d = draft_of({point("problems", "problem", "tenants don't trust contractors, missed appointments the no.1 complaint"),
  point("not_said", "evidence", "contractor report cards published to tenants every quarter at Kinley, complaints about no-shows down 40%, tenants don't chase us now", 3)})
assert(not d.subject:find("don't", 1, true), d.subject)
-- a subject's topic is a thing, not "editor left"
d = draft_of({point("problems", "problem", "Last editor left mid-project, logs are a mess"),
  point("not_said", "evidence", "I took over mid-project when an editor left and re-logged 200 hours in 3 weeks", 3)})
assert(d.subject == "Director of Operations at Riverside Health", d.subject)

-- a thing of mine said without the note's fragments, its result in
-- brackets
d = draft_of({point("problems", "problem", "Boarding is slow, doors close late"),
  point("not_said", "evidence", "boarding trial I ran at Iberline: rear-first zone boarding and 2 crew as bin marshals: boarding from 38 to 29 minutes", 3)})
has(d, "the boarding trial I ran at Iberline, which took boarding from 38 " ..
       "to 29 minutes.")

-- a problem's clause with its figure is said; the note's list after its
-- colon goes
d = draft_of({point("problems", "problem",
    "agency is 60% of staff in peak: many don't come back after first night, training too slow")})
has(d, "agency is 60% of staff in peak.")
hasnt(d, "training too slow")

-- what they will send is theirs; what I said I'd bring is mine; a third
-- party's request in their problem is not one to me
d = draft_of({point("problems", "problem", "Demand is up 35%. The ICO has asked for an action plan."),
  point("guidance", "guidance", "Morgan will send the brief for the chilled project. I said I'd bring a rough layout sketch for the new unit.")})
has(d, "I will bring a rough layout sketch for the new unit")
hasnt(d, "brief for the chilled project you asked for")
hasnt(d, "action plan you asked for")

-- a thing told by its own clause is not followed by "you asked for"
d = draft_of({point("problems", "problem", "Checkout was down 23 minutes on Black Friday"),
  point("guidance", "guidance", "Anjali asked for the postmortem template I use")})
has(d, "I will send you the postmortem template I use.")

-- advice said back is the writer's: "not yours" is "not mine"
d = draft_of({point("problems", "problem", "More than 70 clients wait for statements"),
  point("guidance", "guidance", "Use the client's words, not yours")})
has(d, "the client's words, not mine")

-- the truth after the admission stays with it when the draft is over
-- its budget
d = draft_of({point("problems", "problem", "Store managers leave within a year, 40% of them"),
  point("not_said", "evidence", "I built the SM development programme at Halewood: 8 deputies, 5 promoted within a year", 3),
  point("say_differently", "correction", "Q about a manager I performance managed out. I made it sound like I just followed the HR process, robotic. Should have said: I coached the manager for 3 months first")},
  {max_words = 70})
has(d, "I coached the manager for 3 months first")
hasnt(d, "robotic")

-- the note's word on who the reader is does not go back to them
d = draft_of({point("problems", "problem", "Service level is 94% against 98.5%"),
  point("excited_them", "connect", "Maria (operating partner at Castlegate, the PE owner) pushed hardest on working capital")})
hasnt(d, "You (operating partner")

-- what was shown is what we talked about; "I explain how we ..." is how
-- we do it
d = draft_of({point("problems", "problem", "Turnaround is too slow"),
  point("excited_them", "connect", "showed the Ledgerly explainer")})
has(d, "about the Ledgerly explainer.")
hasnt(d, "how I showed")
d = draft_of({point("problems", "problem", "Alert noise is too high"),
  point("excited_them", "connect", "I explain how we reduce alert noise in my SOC")})
has(d, "about how we reduce alert noise in my SOC.")

-- after what is true, a fragment with no verb goes; a clause stays
d = draft_of({point("problems", "problem", "The cellar stock is a mess"),
  point("say_differently", "correction", "The red: I said Pinot Noir from Oregon. It was Poulsard. On a list full of Jura. That's what I should have seen.")})
hasnt(d, "On a list full of Jura")
has(d, "That's what I should have seen.")

-- of a paragraph, not a reason without what it is the reason for
d = draft_of({point("problems", "problem", "Trust income has dropped from £410k to £260k. Partly because two big funders closed their programmes."),
  point("not_said", "evidence", "At Carrow I doubled trust income by finding new funders for closed programmes")})
hasnt(d, "Partly because")
has(d, "dropped from £410k to £260k")

-- "talking about X" is talked about once
d = draft_of({point("problems", "problem", "Rent arrears are up 22%"),
  point("excited_them", "connect", "talking about the early-contact process I set up at Tyneside Homes")})
hasnt(d, "talking about talking")
hasnt(d, "talk about talking")

-- a step named without its article, a step told by what we will do, a
-- thing they want me to send
d = draft_of({point("problems", "problem", "Carers leave because of travel"),
  point("guidance", "guidance", "next step is shadow day with the other coordinator, Thursday 3 Dec 9-1")})
has(d, "the shadow day with the other coordinator on Thursday 3 December.")
d = draft_of({point("problems", "problem", "A session token bug for a year"),
  point("guidance", "guidance", "next = pairing on a real bug in their codebase, 2h")})
has(d, "pairing on a real bug in your codebase.")
d = draft_of({point("problems", "problem", "Close is day 9, the group wants day 5"),
  point("guidance", "guidance", "he wants me to send a sample monthly pack before the final interview")})
has(d, "I will send the sample monthly pack you asked for")
d = draft_of({point("problems", "problem", "Supplier ppm is 2,800"),
  point("guidance", "guidance", "he asked me to send one example 8D report, anonymised, before Friday")})
has(d, "I will send the example 8D report you asked for by Friday")
-- (meeting someone is not "the meeting")
d = draft_of({point("problems", "problem", "Phones ring out at 8am"),
  point("guidance", "guidance", "Next is meeting two of the GP partners")})
hasnt(d, "the meeting")

-- the note's word after advice is not said back ("label everything, day
-- dots")
d = draft_of({point("problems", "problem", "Two cooks short on weekends"),
  point("guidance", "guidance", "label everything, day dots")})
has(d, "I will label everything.")
hasnt(d, "day dots")

-- a point under "didn't get to say" that tells what was said and what is
-- true is a correction ("Wish I'd said diff" means either)
do
  local pts = {
    point("problems", nil, "Staff: 2 of 3 milkers new, rota's a mess", 4),
    point("not_said", nil, "he asked about managing people and I said " ..
      "\"I just lead by example\". better: at Tregarth I wrote the rota " ..
      "and SOPs for 4 staff", 8),
    point("not_said", nil, "SCC at Tregarth 240k -> 140k in a yr", 6),
  }
  local n = note(pts)
  local d2 = compose(default.select(pts, n), n)
  has(d2, "I would like to correct one answer.")
  has(d2, "I said \"I just lead by example\"")
end

-- their problem, not the note's list of what goes with it; the figure
-- after a comma stays, and so do a list's items and a name set off by
-- commas
d = draft_of({point("problems", "problem",
  "you lost 3 officers to the private sector in a year, using agency planners to plug it")})
has(d, "You mentioned that you lost 3 officers to the private sector in a year.")
d = draft_of({point("problems", "problem",
  "the first time fix is bad, about 68%, worst on boilers")})
has(d, "the first time fix is bad, about 68%.")
d = draft_of({point("problems", "problem",
  "couples say they feel passed around between sales, the coordinator and the day team, reviews mention it")})
has(d, "between sales, the coordinator and the day team.")
d = draft_of({point("problems", "problem",
  "45% of the budget comes from one funder, the Marlow Foundation, and that grant ends in 2027")})
has(d, "that grant ends in 2027.")

-- a credential named bare is the writer's own
d = draft_of({point("excited_them", "connect", "unvented G3 ticket")})
has(d, "about my unvented G3 ticket.")

-- a result of mine told with its change and no verb is said, with "went"
d = draft_of({point("problems", "problem", "Suspensions of SEND students about 3x the rate of others"),
  point("not_said", "evidence", "suspensions of SEND pupils down 45% at Redbrook after we brought in a key adult for each child")})
has(d, "suspensions of SEND pupils went down 45% at Redbrook")

-- when they will decide, told among their guidance, is the step
d = draft_of({point("problems", "problem", "Backlog of 310 applications"),
  point("guidance", "guidance", "decision by 15 Jan, Gwen will ring")})
has(d, "I look forward to hearing your decision by 15 January.")
d = draft_of({point("problems", "problem", "Backlog of 310 applications"),
  point("guidance", "guidance", "decision tonight or tomorrow, Maria will phone")})
has(d, "I understand you will decide tonight or tomorrow and will phone.")

-- a note's chain of arrows in their problem: the cause, so what follows
d = draft_of({point("problems", "problem",
  "rehearsal reports late -> depts hear about changes too late -> costume remakes")})
has(d, "rehearsal reports are late, so departments hear about changes too late.")
-- a thing to do at the next step is not met
d = draft_of({point("problems", "problem", "Scan waits are 3 weeks"),
  point("guidance", "guidance", "Next: meet Dr. Patel + a live scan demo, probably wk of the 25th")})
has(d, "meet Dr. Patel and do a live scan demo")

-- the moment that connected with its change, told in a clause: after its
-- colon, or after a word for it
d = draft_of({point("excited_them", "connect",
  "Accuracy at Halden Leisure: errors per 1,000 payslips from 9 to 1.5 in 18 months")})
has(d, "about accuracy at Halden Leisure, and how errors per 1,000 payslips went from 9 to 1.5 in 18 months.")
d = draft_of({point("excited_them", "connect",
  "fertility. 21-day submission rate 48% -> 67% at Tregarth in 2 yrs. he started comparing")})
has(d, "about fertility, and how the 21-day submission rate went from 48% to 67% at Tregarth in 2 years.")

-- their problem said by a clause, and the note's word on what follows it
d = draft_of({point("problems", "problem",
  "crews are timing out after long ATC delays -> more cancellations")})
has(d, "crews are timing out after long ATC delays.")

-- evidence headed by a place the note says it was at
d = draft_of({point("problems", "problem", "Off-cycle payments are about 900 a month"),
  point("excited_them", "connect", "holiday pay recalc at Dunmore Home"),
  point("not_said", "evidence", "Dunmore: cut off-cycle payments by 70% with a Monday 12pm hours cut-off")})
has(d, "At Dunmore, I cut off-cycle payments by 70%")

-- what was said, told as "I garbled it - said ...", is what was said; the
-- verdict after it goes
d = draft_of({point("problems", "problem", "Crews time out after ATC delays"),
  point("say_differently", "correction", "he asked min diversion fuel and i garbled it - said alternate + 30 min holding and stopped. muddled. it's taxi + trip + 5% contingency + alternate + 30 min final reserve")})
hasnt(d, "muddled")
has(d, "It's taxi, trip, 5% contingency, alternate and 30 minutes final reserve.")

-- a thing of mine named bare is mine; "I also was" is "I was also"
d = draft_of({point("problems", "problem", "2 techs retiring next year"),
  point("not_said", "evidence", "full clean licence")})
has(d, "is my full clean licence.")
local efiling = point("not_said", "evidence", "I was on the e-filing rollout at Greeley in 2024", 8)
efiling.tags.must = true
d = draft_of({point("problems", "problem", "2 clerks out on leave"),
  point("not_said", "evidence", "I'm bilingual in Spanish", 9), efiling})
has(d, "I was also on the e-filing rollout")

-- of a paragraph of evidence, the story that answers their problem, when
-- the first is another story told whole; one story stays one
d = draft_of({point("problems", "problem", "The humidity in the textiles store is a real problem"),
  point("not_said", "evidence", "I have already managed an object move: 6,000 objects to the new store in 2023. " ..
    "I also wrote Hexham's monitoring plan, and we brought the silk gallery down to 50% RH, so I could help with the textiles store.")})
has(d, "I wrote Hexham's monitoring plan")
hasnt(d, "object move")
d = draft_of({point("problems", "problem", "The first time fix is bad, about 68%"),
  point("not_said", "evidence", "At Dalby I built a van stock list off 2 years of job sheets. My first time fix went from about 70% to 88%.")})
has(d, "van stock list")

-- what they shared that comes next is theirs
d = draft_of({point("excited_me", "connect", "next big job = Elmfield General ward block, starts March")})
has(d, "that your next big job is Elmfield General ward block")
-- a problem told without its subject is theirs
d = draft_of({point("problems", "problem", "can't keep site managers, 3 left this yr")})
has(d, "You told me that you can't keep site managers")

-- what I lack is no evidence for them
do
  local pts = {
    point("problems", nil, "They run everything in SAS", 4),
    point("problems", nil, "The grant renewal needs better outcome data", 4),
    point("not_said", nil, "I don't know SAS very well, haven't used it since grad school", 6),
    point("not_said", nil, "At Tessaly the outcome data went out as a weekly map to the outreach vans", 5),
  }
  local n = note(pts)
  local d2 = compose(default.select(pts, n), n)
  hasnt(d2, "know SAS")
  has(d2, "weekly map")
end

-- the day of a step said once
d = draft_of({point("problems", "problem", "Midweek is dead"),
  point("guidance", "guidance", "next: shadow the Saturday wedding, Saturday 12th, 2pm, with Nell")})
has(d, "shadow the wedding on Saturday 12th at 2pm with Nell")

-- a clause of theirs with its figures, and the note's figure of what
-- follows after its arrow: the clause
d = draft_of({point("problems", "problem",
  "38% of the budget comes from one funder (Carden Trust), which is capping grants at $250k from 2028 -> ~$400k hole")})
has(d, "that 38% of the budget comes from one funder (Carden Trust), which is capping grants at $250k from 2028.")

-- what I said, quoted, is as I said it; what I fumbled is mine; a
-- correction that puts right no answer is left out
d = draft_of({point("problems", "problem", "Consultations go over the deadline"),
  point("say_differently", "correction", 'asked abt working w/ building control, I said "they\'re usually the problem". what I mean: deadlines slip when we don\'t talk early')})
has(d, '"they\'re usually the problem"')
do
  local pts = {
    point("problems", nil, "The budget is tight", 4),
    point("say_differently", nil, "@maria fumbled the budget q, said \"not sure\". It was about 18k a year", 4),
  }
  local n = note(pts)
  local d2 = compose(default.select(pts, n), n)
  has(d2, "I fumbled the budget question")
  local pts2 = {
    point("problems", nil, "Only 12 pick A-level physics", 4),
    point("say_differently", nil, "lesson: should have moved the practical earlier, like Helen said", 4),
  }
  local n2 = note(pts2)
  local d3 = compose(default.select(pts2, n2), n2)
  hasnt(d3, "practical earlier")
end
-- they will call: the step
d = draft_of({point("problems", "problem", "Only 12 pick A-level physics"),
  point("guidance", "guidance", "they'll call by Friday")})
has(d, "I will be glad to hear from you by Friday.")
-- a pronoun of another person the note names is not the reader's
local voice = require "voice"
assert(voice.pronouns({}, {points = {{text = "I disagreed with a doctor and went along with him."}}}) == nil)
assert(voice.pronouns({}, {points = {{text = "He asked about budgets."}}}) == "he")

-- from a review of this session's rules: a record is no gap; a context
-- sentence does not take a result's place; a problem named after its
-- colon stays; "Decision maker is the CFO" is no step; "next year is"
-- stays; "that Hadley" is no place
do
  local pts = {
    point("problems", nil, "Payroll deadlines slip every month", 4),
    point("not_said", nil, "I've never missed a payroll deadline in 8 years, 1,200 staff paid on time every month", 6),
  }
  local n = note(pts)
  has(compose(default.select(pts, n), n), "never missed a payroll deadline")
end
d = draft_of({point("problems", "problem", "Shrink is high in the big stores"),
  point("not_said", "evidence", "At Oakley I cut shrink from 2.1% to 1.2% in a year. Shrink in the big stores there had been 3% when I started.")})
has(d, "I cut shrink from 2.1% to 1.2%")
d = draft_of({point("problems", "problem", "the real issue they have is simple: night cover")})
has(d, "night cover")
d = draft_of({point("problems", "problem", "Close takes 9 days"),
  point("guidance", "guidance", "Decision maker is the CFO, not Maria")})
hasnt(d, "I understand decision maker")
d = draft_of({point("excited_me", "connect", "next year is the big push on online")})
hasnt(d, "your next year")
d = draft_of({point("problems", "problem", "Off-cycle payments are about 900 a month"),
  point("excited_them", "connect", "I heard that Hadley is their old supplier"),
  point("not_said", "evidence", "Hadley: cut off-cycle payments by 70% with a Monday cut-off")})
hasnt(d, "At Hadley, I cut")

-- my years, told bare
d = draft_of({point("excited_them", "connect", "11 yrs on STS cranes, 6 as lead")})
has(d, "about my 11 years on STS cranes")

-- the change told after the moment's dash is said, as mine
d = draft_of({point("excited_them", "connect", "I talked about dispatch at Aquaflow - got first time fix from 71% to 88% by checking van stock before each job")})
has(d, "I got first time fix from 71% to 88% by checking van stock")
-- what was said, then what is true of the reader; the verdict on it goes
d = draft_of({point("say_differently", "correction", 'I said I\'d "take over the social media" -> she does that herself and loves it, sounded like I wanted her thing. meant I\'d support it w/ class photos')})
has(d, '"take over the social media", but you do that yourself and love it.')
hasnt(d, "sounded like")
-- something to send that is a #must stays over budget, as the step
do
  local pts = {
    point("excited_them", nil, "I talked about dispatch at Aquaflow - got first time fix from 71% to 88% by checking van stock before each job went out", 5),
    point("problems", nil, "Out of hours calls go to voicemail and we lose the jobs to the big firms", 4),
    point("not_said", nil, "At Aquaflow I set up the out of hours rota with a call handling service, missed calls down from about 60 a month to under 10", 6),
    point("say_differently", nil, 'Asked about pricing, I said "I would keep the prices as they are". Actually a fixed callout fee and a published price list for the common jobs', 5),
    point("guidance", nil, "send him a 1 page on how I'd fix the rota by next Weds #must", 104),
  }
  local n = note(pts, {max_words = 90})
  has(compose(default.select(pts, n), n), "how I'd fix the rota")
end

-- a place the note writes in lower case once is named as elsewhere
d = draft_of({point("problems", "problem", "Out of hours calls go to voicemail"),
  point("not_said", "evidence", "at aquaflow I set up the out of hours rota with a call handling service, missed calls down from about 60 a month to under 10"),
  point("excited_them", "connect", "I talked about dispatch at Aquaflow Plumbing")})
has(d, "at Aquaflow I set up the out of hours rota")

-- a second piece of evidence is said when it answers their problem or
-- tells a result; a line off the point is not
d = draft_of({point("problems", "problem", "Bookings are a mess and no-shows are about 20%"),
  point("not_said", "evidence", "I moved Paws & Co to online booking with deposits, no-shows 18% -> 6%"),
  point("not_said", "evidence", "I also did the IMDT assessor course in 2024")})
has(d, "online booking")
hasnt(d, "IMDT")
d = draft_of({point("problems", "problem", "Bookings are a mess and no-shows are about 20%"),
  point("not_said", "evidence", "I moved Paws & Co to online booking with deposits, no-shows 18% -> 6%"),
  point("not_said", "evidence", "I also cut trainer turnover from 4 a year to 1 at Paws & Co")})
has(d, "trainer turnover")

-- a list of short things gets its "and"; what I actually do is said so
d = draft_of({point("problems", "problem", "bookings are a mess: phone, FB messages, paper diary")})
has(d, "phone, FB messages and paper diary")
d = draft_of({point("say_differently", "correction", 'Disruptive passengers: I said "I\'d just follow the SOP". What I actually do: de-escalate first, stop alcohol for that row, keep the captain informed early')})
has(d, "What I actually do is de-escalate first")

-- a step told as "X is <date>: what happens" is X on that date
d = draft_of({point("problems", "problem", "OTP at the base is 78%"),
  point("guidance", "guidance", "assessment day is Nov 12: role play w/ an actor + a group exercise")})
has(d, "the assessment day on November 12")
hasnt(d, "the November 12")

-- the doing after a semicolon in a sentence of mine is mine
d = draft_of({point("problems", "problem", "no physics technician"),
  point("not_said", "evidence", "I've run practicals without a technician for 2 years; do my own prep and risk assessments")})
has(d, "; I do my own prep")

-- an acronym alone is no subject's topic
d = draft_of({point("problems", "problem", "SEND is behind at the academy"),
  point("not_said", "evidence", "I led SEND at Redbrook for 5 years")})
assert(not d.subject:find(": SEND", 1, true), d.subject)

-- what they are doing is heard as theirs, not "hear about moving"
d = draft_of({point("excited_me", "connect", "moving to 2 shifts on packaging in Jan")})
has(d, "that you're moving to 2 shifts on packaging")

-- the moment's heading gets its article; a mass noun none
d = draft_of({point("excited_them", "connect", "Leakage programme at Severnside Water: 19% -> 13% of distribution input in 4 yrs")})
has(d, "about the leakage programme at Severnside Water")

-- a tag that ends a point routes it: no "you" at the end of the sentence
d = draft_of({point("problems", "problem", "Missed doses on surgical wards about 1 in 20"),
  point("not_said", "evidence", "missed doses: ward top-up lists reviewed monthly, critical missed doses halved (5% -> 2.4%) @maria")})
has(d, "(5% to 2.4%).")
hasnt(d, "2.4%) you")

-- a tag before a thing that befell them routes it: their problem, not
-- "you missed doses"
d = draft_of({point("problems", "problem", "@maria missed doses on surgical wards ~1 in 20")})
hasnt(d, "you missed doses")
has(d, "missed doses on surgical wards")
-- a label, the thing I brought in, and what came of it
d = draft_of({point("problems", "problem", "churn is 6% a month, target 4%"),
  point("not_said", "evidence", "churn: welcome call at wk 2 and wk 6 for new members, Kingsway churn 7% -> 4.5%")})
has(d, "I brought in the welcome call at week 2 and week 6 for new members, which took Kingsway churn from 7% to 4.5%")
-- a result said, and the note's list of how after it goes
d = draft_of({point("problems", "problem", "lameness about 30% at mobility score 2+"),
  point("not_said", "evidence", "lameness at Brook 27% -> 11% in 18 months: weekly mobility scoring, footbath every milking, foot trimmer every 6 wks")})
has(d, "lameness at Brook went from 27% to 11% in 18 months.")
hasnt(d, "footbath")

-- a second piece of evidence that tells what a doing came to stays
d = draft_of({point("problems", "problem", "Bookings are a mess and no-shows are about 20%"),
  point("not_said", "evidence", "I moved Paws & Co to online booking with deposits, no-shows 18% -> 6%"),
  point("not_said", "evidence", "I also saved the branch £40k a year on agency cover")})
has(d, "£40k a year")
-- the measure's own doing takes no "I"
d = draft_of({point("excited_them", "connect", "I talked about absence at Harcourt - dropped from 19% to 13% in a year")})
hasnt(d, "I dropped")

-- what they are doing is a plan of theirs, not a past one or mine
d = draft_of({point("excited_me", "connect", "moving to Epic last year")})
hasnt(d, "you're moving")
-- a request to the reader after a semicolon is no doing of mine
d = draft_of({point("problems", "problem", "no physics technician"),
  point("not_said", "evidence", "I've run practicals without a technician for 2 years; ask if you want copies of my risk assessments")})
hasnt(d, "; I ask")
-- a word the company's name holds is not a place the note names
d = draft_of({point("problems", "problem", "Visits run late"),
  point("not_said", "evidence", "I ran care at home visits for 40 clients, which cut late visits from 20% to 5%")},
  {company = "Home Instead"})
hasnt(d, "care at Home visits")

-- a paragraph headed by a label of the writer's own ("Problems they
-- have: ...") is read under the question the label names
do
  local pts = {
    point("other", nil, "Problems they have: lists running late, jurors waiting hours with no information", 0),
    point("other", nil, "**didn't get to:** at St Luke's I cut clinic overruns from 40 min to 15 min", 0),
  }
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "lists are running late")
  has(d, "clinic overruns")
end

-- a tag for the reader before their verb: the verb agrees with "you"
d = draft_of({point("guidance", "guidance", "@maria needs referee contact details (2) by Weds")})
hasnt(d, "you needs")

-- a tag for the reader before an adverb and its verb is the subject
d = draft_of({point("excited_them", "connect", "@maria really liked the warm spaces thing last winter")})
hasnt(d, "how really liked")

-- a panel's tag before a cue ("@gareth lit up at ...") is read as its name
do
  local pts = {point("other", nil, "@maria lit up at the workboat story, engine died 6 miles out", 0)}
  pts[1].mentions = {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "the workboat story")
end

-- what was said, then "WRONG.", then what is true: a correction, under
-- no heading of the six
do
  local pts = {point("other", nil, "Ugh. @maria asked if I'd worked on waterjets and I said no. WRONG. I did 3 yrs on the pilot boats at Tregarth, all Hamilton jets", 0)}
  pts[1].mentions = {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "I did 3 years on the pilot boats")
end

-- the reader's "says" as their problem: no "you say" after "You mentioned"
d = draft_of({point("problems", "problem", "@maria says the boat has to be on service 98% of the time")})
hasnt(d, "you say")
has(d, "You mentioned that the boat has to be on service")

-- a label, then the reader's tag: the tag routes, it is no word
d = draft_of({point("other", nil, "Next: @maria training night Thu 10 Dec, 7pm at the boathouse.")})
hasnt(d, "you training")
has(d, "the training night on Thursday 10 December at 7pm")

-- copies of my papers wanted by a day are mine to send
d = draft_of({point("other", nil, "Next: @maria wants copies of my AEC engine ticket + diesel certs emailed by Monday 14th.")})
has(d, "I will send you copies of my AEC engine ticket and diesel certificates by Monday")
hasnt(d, "you wants")

-- evidence under no heading of the six, after a sentence of theirs: from
-- the sentence of mine, with its result joined
do
  local pts = {point("other", nil, "@maria asked a LOT abt planned maintenance. at Tregarth Marine I set up PM logs for 14 vessels -> fleet availability 91% to 97% over 2 yrs", 0)}
  pts[1].mentions = {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "At Tregarth Marine I set up PM logs for 14 vessels, which took fleet availability from 91% to 97%")
end

-- advice to come to a step, and the step with its day and hour: the step
do
  local adv = point("guidance", "guidance", "come to Thursday training night, meet the crew")
  local nxt = point("other", nil, "Next: training night Thu 10 Dec, 7pm at the boathouse.")
  local d = draft_of({adv, nxt})
  has(d, "training night on Thursday 10 December at 7pm")
  hasnt(d, "come to Thursday training night")
end
-- advice for the step that ends with it: the step's day is said with it
do
  local adv = point("guidance", "guidance", "bring copies of my gas card to the ride along")
  local nxt = point("other", nil, "Next: ride along Thursday 3rd, 7am")
  nxt.heading = "Next"
  local d = draft_of({adv, nxt})
  has(d, "to the ride along on Thursday 3rd at 7am.")
end

-- a correction told after its story: what was said opens it; a result of
-- mine in the story is said after what is true, and the regret goes
d = draft_of({point("say_differently", "correction", "On the rota - they run it on paper + phone calls from one volunteer. At Ferncastle I moved 300 volunteers to a rota app, shift fill rate went from 72% to 94%. BUT I said I'd \"replace the paper roster\" and she visibly winced. What I meant - run both side by side, app optional. Should have said that from the start.")})
hasnt(d, "On the rota")
hasnt(d, "But I said")
has(d, "What I meant was to run both side by side")
hasnt(d, "from the start")
has(d, "which took the shift fill rate from 72% to 94%")
-- (but what I did in the room before what I said is the answer it puts
-- right)
d = draft_of({point("say_differently", "correction", "I argued with her about the valuation of Marlow. I called 7x EBITDA too rich. What I should have said: here is how I'd pressure-test it.")})
has(d, "I argued with you about the valuation of Marlow")

-- what not to do, then what to do: the verb once, the thing named before
-- its pronoun
d = draft_of({point("guidance", "guidance", "\"don't plan for residents, plan with them\"")})
has(d, "plan with residents, not for them")
d = draft_of({point("guidance", "guidance", "\"don't bring us corporate paperwork, bring crews that turn up\"")})
has(d, "bring crews that turn up, not corporate paperwork")
-- (a telling is said whole)
d = draft_of({point("guidance", "guidance", "\"don't tell me you're calm, tell me how you manage it\"")})
has(d, "tell you how I manage it")

-- what they will do, told back: the note's aside and its "thing" go
d = draft_of({point("other", nil, "Next: @maria will confirm the pager/response area thing (need to be within 10 min of station - I'm 7 min, said so).")})
has(d, "I understand you will confirm the pager and response area.")

-- their problem told with its verb is a clause, not the note's fragment
d = draft_of({point("problems", "problem", "payment provider webhooks arrive out of order")})
has(d, "that payment provider webhooks arrive out of order.")
hasnt(d, "the challenge:")
-- (but not a phrase of a gerund: "the grads not getting ... signed off")
d = draft_of({point("problems", "problem", "grads not getting their competencies signed off fast enough")})
hasnt(d, "that grads")

-- "Truth:" as a correction's label is "In fact,"
d = draft_of({point("say_differently", "correction", "I said route-planning software would fix the late Tuesdays. Truth: at Greenway what fixed it was moving the pack cut-off to 8am.")})
has(d, "In fact, at Greenway what fixed it")

-- a clause of theirs with its verb is heard "that", not "about"
d = draft_of({point("excited_me", "connect", "north transept restoration finishes + reopens for Easter")})
has(d, "hearing that the north transept restoration finishes and reopens")
-- advice acted on loses the note's aside
d = draft_of({point("guidance", "guidance", "read the visitor strategy on their website before round 2 (haven't yet, idiot)")})
hasnt(d, "haven't")
has(d, "visitor strategy")

-- cues: "leaned in", "Where she leaned in was when ...", "didnt get to
-- tell @x the thing, at Place we ..."
do
  local pts = {point("other", nil, "maria leaned in at the touring bit, the 9-date schools tour I ran for Westmere Phil, came in £14k under on a £210k budget", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "the 9-date schools tour I ran for Westmere Phil, which came in")
  hasnt(d, "touring bit")
end
do
  local pts = {point("other", nil, "Where she really leaned in was when I told her abt the WhatsApp group I set up for walkers", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "when I told you about the WhatsApp group")
  hasnt(d, "The where")
end
do
  local pts = {point("problems", nil, "matinee series lost ~£38k last season"),
    point("other", nil, "Also didnt get to tell @maria the matinee thing, at Westmere we moved the family concerts to Sat 11am, avg attendance 410 -> 690 in one season", 0)}
  pts[2].mentions = {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "at Westmere we moved the family concerts")
  hasnt(d, "matinee thing")
end

-- when they decide is no round: "2nd round decisions by Tues 1 Dec"
do
  local pts = {point("excited_them", nil, "she liked the touring budget", 0),
    point("other", nil, "@maria said 2nd round decisions by Tues 1 Dec", 0)}
  pts[2].mentions = {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  hasnt(d, "the second round on")
end

-- the reader's name in lower case opens the point: "you"
d = draft_of({point("excited_them", "connect", "maria liked the seed provenance stuff")})
has(d, "I was glad you liked the seed provenance")

-- a next step that is a day, in a week
d = draft_of({point("other", nil, "she said next step is a day on site w/ the team, she'll send dates for week of 16 Nov.")})
has(d, "the day on site with the team in the week of 16 November")

-- evidence under no heading: at a place of three names, with a figure on
-- each side of its arrow
do
  local pts = {point("other", nil, "at Solway Energy Trust ran 14 drop-ins for the solar farm extension, objections 230 on the first application -> 38 on the resubmission", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "At Solway Energy Trust I ran 14 drop-ins")
  has(d, "objections from 230 on the first application to 38 on the resubmission")
end

-- what they want sent, by its head: "2 writing samples", "a 1 page
-- sketch of how I'd run ..."
d = draft_of({point("other", nil, "he wants 2 writing samples, a newsletter + a consultation letter")})
has(d, "I will send you 2 writing samples")
d = draft_of({point("other", nil, "She wants a 1 page sketch of how I'd run a monthly walker class")})
has(d, "I will send you a 1 page sketch of how I'd run a monthly walker class")
-- and the step the same line books is said too
d = draft_of({point("other", nil, "she wants a copy of safeguarding cert + DBS no. by Weds. 2nd stage = site walk w/ the head Thurs 3 Dec 8am")})
has(d, "a copy of my safeguarding certificate and DBS number")
has(d, "Thursday 3 December")

-- no problem under the six: a line of theirs that tells one
do
  local pts = {point("other", nil, "survival to eyed stage only ~60% this yr, he wants 80", 0),
    point("other", nil, "me: got Dunbeg to 84% eyed survival w/ 2x daily picking", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "survival to eyed stage is only about 60% this year")
end
-- (and kept when what follows it is a correction that answers it)
do
  local pts = {point("other", nil, "players unhappy abt late schedules, \"we get the rota 10 days out\"", 0),
    point("say_differently", nil, "she asked if I'd always published rotas 4 wks out and I said \"always\". not true, we hit 4 wks on 31 of 36 projects", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "players are unhappy about late schedules")
end

-- what they will do, a call: said back
d = draft_of({point("excited_them", "connect", "she liked that I've done night egg-picking shifts"),
  point("other", nil, "she'll ring re a trial day")})
has(d, "I will be glad to hear from you about a trial day.")

-- the moment, not the note's arrow to what it meant for them
d = draft_of({point("excited_them", "connect", "lit up when I said I build the season in one shared sheet -> they're moving off the paper planner")})
hasnt(d, "moving off")
has(d, "one shared sheet.")

-- a correction's "they" after the place I left is that place
d = draft_of({point("say_differently", "correction", "I said I left Caxton Row because \"the work dried up\". Not the whole truth, I left because they moved binding offshore")})
has(d, "In fact, I left because they moved binding offshore")
-- "Really about 8 months": what is true
d = draft_of({point("say_differently", "correction", "I said I'd used Trimble \"for years\". Really about 8 months, mostly Leica")})
has(d, "In fact, it was about 8 months")
-- "Should own that." is said no more than "I overstated"
d = draft_of({point("say_differently", "correction", "I said our recall was \"a supplier's fault\". Tbh it was partly ours: our goods-in check missed the temp log. Should own that.")})
hasnt(d, "own that")
hasnt(d, "Tbh")

-- a second result after a semicolon is joined too
d = draft_of({point("not_said", "evidence", "At Caxton Row I set up a cross-training rota, throughput up 35%; tooling rejects 11% -> 3% after I brought in a foil-test sheet")})
has(d, "and took tooling rejects from 11% to 3%")

-- a thing to send before what it includes; a dangling "before" goes
d = draft_of({point("excited_them", "connect", "she liked the seed provenance"),
  point("other", nil, "Next: she wants 2 refs including one from a client, send by Monday")})
has(d, "I will send you 2 references")
do
  local nxt = point("other", nil, "send copies of certs before")
  nxt.heading = "Next"
  local d = draft_of({point("excited_them", "connect", "she liked the seed provenance"), nxt})
  has(d, "copies of my certificates.")
end

-- the shortest label a line opens with: "SAID WRONG — ... not really: ..."
do
  local pts = {point("other", nil, "SAID WRONG \u{2014} told him I'd \"presented live in a dome before\". not really: I've done the pre-recorded intro + Q&A after", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "In fact, I've done the pre-recorded intro and Q&A after")
end
-- a result "the next yr" is no next step
do
  local pts = {point("other", nil, "PROOF: at Brackenfield I built a KS2 outreach kit, 46 schools in yr 1, and 70% of those schools rebooked the next yr.", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "70% of those schools rebooked")
end
-- a figure and its unit, to another, after an average of a doing
d = draft_of({point("not_said", "evidence", "at Kyle I rebuilt the pilot rota around tide windows, avg waiting at anchor 3.5 hrs -> 1.2 hrs over 8 months")})
has(d, "which took average waiting at anchor from 3.5 hours to 1.2 hours")

-- a part of a line kept out of the email keeps the line's word for it
do
  local p = point("excited_them", "connect", "@maria said layoffs are coming.")
  p.markdown = "@maria said layoffs are coming. @tom liked my plan. off the record"
  local n = note({p})
  hasnt(compose(default.select({p}, n), n) or {paragraphs = {}}, "layoffs")
end
-- a doing of mine is no problem of theirs
do
  local pts = {point("other", nil, "struggled with the salary question, too many numbers", 0),
    point("excited_them", nil, "she liked the seed provenance", 0),
    point("not_said", nil, "I cut salary queries by 40% with a pay FAQ", 0)}
  local n = note(pts)
  hasnt(compose(default.select(pts, n), n), "you struggled")
end
-- what not to do and what to do, with one object: said once
d = draft_of({point("guidance", "guidance", "\"Don't make it about you, make it about the team\"")})
hasnt(d, "not it about")
-- "they" after someone else left is theirs
d = draft_of({point("problems", "problem", "Dave left Acme in June and they need a new lead"),
  point("not_said", "evidence", "I led a team of 12 at Brackley for 4 years")})
has(d, "you need a new lead")

-- a cue with an arrow: "problems -> ...", no "> " left
do
  local pts = {point("other", nil, "problems -> lifeguard shortage", 0),
    point("not_said", nil, "I ran an in-house NPLQ course for 10 staff", 0)}
  local n = note(pts)
  hasnt(compose(default.select(pts, n), n), ">")
end
-- what I did not get to say "that ...": no "that that"
d = draft_of({point("not_said", "evidence", "that at Monaghan I ran the buddy system, 8-wk retention 55% -> 78%")})
hasnt(d, "that that")
-- their words of what to send are mine: "the timetable you used" is the
-- one I used
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("other", nil, "he said \"send me the production run timetable you used\" -> do tonight")})
has(d, "the production run timetable I used")
hasnt(d, "used\"")
-- "asked me to email a sample rota" is mine to send; not when the note
-- puts itself right
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("other", nil, "she asked me to email a sample invig rota by Weds")})
has(d, "I will send you a sample invigilation rota")
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("other", nil, "he asked me to email a scan of my licence... wait not a licence, its the FOO cert")})
hasnt(d, "licence")
-- "Also said ..." in a correction is mine
d = draft_of({point("say_differently", "correction", "said I'd run exams for \"about 1,500 candidates\". it was 1,500 ENTRIES. also said I knew \"all the boards\"")})
has(d, "I also said I knew")

-- a tag, then a label: "@sian problem: ...", "evidence @sian: at Place
-- did ..." (the place of two names, then the verb)
do
  local pts = {point("other", nil, "@maria problem: 2 bad falls on the auto-belays since summer", 0),
    point("other", nil, "evidence @maria: at Boulder Barn brought in a clip-check gate, unclipped incidents 7 -> 0 in 10 months", 0)}
  pts[1].mentions, pts[2].mentions = {"maria"}, {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "2 bad falls on the auto-belays")
  has(d, "At Boulder Barn I brought in a clip-check gate")
end
-- "got into it when I talked about ...": the moment, no "it"
do
  local pts = {point("other", nil, "@maria got into it when I talked abt reset schedules, she hates closing walls at weekends", 0)}
  pts[1].mentions = {"maria"}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  hasnt(d, "in it when")
  has(d, "when I talked about reset schedules")
end

-- a correction's truth the next sentence goes on from with "which"
d = draft_of({point("say_differently", "correction", "told her I'd \"take the square right back\" every autumn. NOT w/ hybrid, you scarify lightly + overseed. which is what I actually did at Harrogate.")})
has(d, "Not with hybrid, you scarify lightly and overseed. That is what I actually did")
-- the reader's name as the note shortens it
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("other", nil, "decision by Fri 18th, Mari will ring")})
hasnt(d, "Mari will")

-- the moment that connected is a result of mine that answers their
-- problem: it is the evidence, and what else connected opens the letter
do
  local pts = {point("excited_them", nil, "the varroa thing!! when I said we went from ~30% winter colony loss to 11% over 2 seasons at Glenlivet Apiaries. she stopped writing", 5),
    point("excited_me", nil, "they're taking 400 more hives up onto the heather moors in Aug -> migratory, lorry + trailer, night moves", 4),
    point("problems", nil, "lost 38% of colonies last winter", 5)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "400 more hives up onto the heather moors in August.")
  has(d, "last winter. We went from about 30% winter colony loss to 11%")
  hasnt(d, "migratory")
  hasnt(d, "thing")
end
-- "v keen when I said ...": the moment
do
  local pts = {point("other", nil, "Tom v keen when I said at Domaine Roussel we got grapes vine to press in under 90 min avg (was ~3 hrs)", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "when I said at Domaine Roussel we got grapes vine to press in under 90 minutes on average (from about 3 hours)")
end

-- "she'll call Fri re 2nd round": to hear from them is what I look
-- forward to, on its day
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("other", nil, "she'll call Fri re 2nd round")})
has(d, "I will be glad to hear from you on Friday about the second round.")
-- "she wants my winter loss spreadsheet — send by fri": mine to send
nxt = point("other", nil, "she wants my winter loss spreadsheet (both seasons) \u{2014} send by fri")
nxt.heading = "next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "As you asked, I will send you my winter loss spreadsheet by Friday.")

-- a line of theirs that tells a mess is their problem, said with the one
-- of its list the evidence answers; the evidence's later change that says
-- more of it goes with it; "didn't get to talk about X - at Y I ..."
do
  local pts = {point("other", nil, "harvest 2026 was a mess: 11 days of picking crammed into 3 wks b/c rain, picker no-shows ~25%, grapes sat in crates in the sun", 0),
    point("other", nil, "I didnt get to talk abt my picker crew - at Roussel I built a returning crew of 40 pickers, 85% came back each year. no-shows dropped to under 5%. Thats his exact problem", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "was a mess: picker no-shows are about 25%.")
  has(d, "at Roussel I built a returning crew of 40 pickers")
  has(d, "No-shows dropped to under 5%.")
  hasnt(d, "picker crew -")
end

-- "I didnt really get to say the numbers from Birkwood. we went from ...":
-- the numbers after what they are; what they asked, with its answer, goes
-- from the moment
d = draft_of({point("excited_them", "connect", "the incident log stuff, \"you actually read them back?\" yes, monthly trend review"),
  point("problems", "problem", "oak germination is poor, 38% last year"),
  point("not_said", "evidence", "I didnt really get to say the numbers from Birkwood. we went from 41% to 72% germination on sessile oak, and output went 120k -> 210k plants")})
has(d, "I didn't get to give you the numbers from Birkwood: we went from 41% to 72% germination")
has(d, "output went from 120k to 210k plants")
hasnt(d, "read them back")

-- "you invited me to ride along with a crew Tuesday 15 December": what I
-- will do there, on its day; "I blanked completely" is how it felt
nxt = point("other", nil, "he invited me to ride along with a crew Tuesday 15 December, 7am from the yard")
nxt.heading = "Next"
d = draft_of({point("problems", "problem", "Nurse turnover hit 28% last year"), nxt})
has(d, "I look forward to riding along with a crew on Tuesday 15 December, 7am from the yard.")
d = draft_of({point("say_differently", "correction", "asked if I'd worked on waterjets and I said no. I did 3 yrs on the pilot boats at Tregarth, all Hamilton jets. I blanked completely.")})
hasnt(d, "blanked")

-- with no next step, the offer names what their problem is about
d = draft_of({point("problems", "problem", "tunnel washer is 11 years old; board won't replace until 2028"),
  point("not_said", "evidence", "I ran the night shift at 1.4 t an hour on one tunnel")})
has(d, "I would be glad to talk more about the tunnel washer at the next stage.")

-- "she offered a shadow day at Eastgate": taken up; "she needs referee
-- contact details by Weds": sent; "leaned right in at": the moment
nxt = point("other", nil, "she offered a shadow day at Eastgate")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "she leaned right in at the caseload tiering"), nxt})
has(d, "I'd be glad to take up the shadow day at Eastgate.")
has(d, "I was glad you were interested in the caseload tiering.")
nxt = point("other", nil, "she needs referee contact details by Weds")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "As you asked, I will send you the referee contact details by Wednesday.")

-- "— NO." after what was said: what is true, plainly, and kept
d = draft_of({point("say_differently", "correction", "asked how I'd handle a climber refusing a job bc of the weather and I said \"depends how experienced they are\" \u{2014} NO. the climber's call is final, always. I know that. nerves")})
has(d, "\". In fact, the climber's call is final, always.")
-- "TTOs (Eastfield cut turnaround 3.8 hrs -> 1.9 hrs in 9 months)": where
-- I did it, from and to
do
  local pts = {point("problems", "problem", "TTOs avg 3.5 hrs from prescription to ward", 5),
    point("not_said", "evidence", "TTOs (Eastfield cut turnaround 3.8 hrs -> 1.9 hrs in 9 months)", 5),
    point("say_differently", "correction", "said I hadn't managed a budget, but at Eastfield I managed the ward stock budget", 1)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "at Eastfield, I cut turnaround from 3.8 hours to 1.9 hours in 9 months.")
end

-- the first evidence said is no "also", whichever point it comes from
-- (the first chosen may not be said: "Loans take months + facilities
-- reports" reads as no sentence)
d = draft_of({point("problems", "problem", "bookings down ~20% since 2023, mostly secondary schools gone"),
  point("not_said", "evidence", "asked abt loans, blanked"),
  point("not_said", "evidence", "secondary: piloted a GCSE history site study day, 6 schools in yr 1")})
has(d, "piloted a GCSE")
hasnt(d, "also")

-- "I muddled the two." is how it went, not what is true
d = draft_of({point("say_differently", "correction", "asked how many estates I run and I said \"about 30\". Actually 42 live. 30 is how many I closed this yr. I muddled the two.")})
hasnt(d, "muddled")

-- "decision by 15 Jan, Gwen will ring": their decision, on its day
nxt = point("other", nil, "decision by 15 Jan, Gwen will ring")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "I look forward to hearing your decision by 15 January.")

-- "should have said" after the truth is the note's sigh; a second line
-- "going in Sept" is how it stands; a doing's name takes "the"
d = draft_of({point("excited_them", "connect", "canning line changeover story"),
  point("excited_me", "connect", "2nd canning line going in Sept, doubles can capacity"),
  point("say_differently", "correction", "said I'd \"never\" done HACCP audits. dumb. I co-led our SALSA audit in 2024 and we passed. should have said")})
has(d, "talk about the canning line changeover story.")
has(d, "a second canning line is going in September.")
hasnt(d, "should have said")

-- a paragraph that labels their problem mid-way: the problem is what the
-- label names, not the paragraph's first sentence
do
  local pts = {point("other", nil, "quieter but he really lit up talking abt nurse clinics, he wants to grow the dental clinics. His problem: nurses keep getting pulled onto reception at busy times, 2 RVNs left in the last 6 months, morale low.", 0),
    point("not_said", nil, "at Willowbrook I got debtor days from 45 to 18 in a year", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  has(d, "nurses keep getting pulled onto reception")
  hasnt(d, "quieter")
end

-- "be practical": advice with nothing to do in it is left out
nxt = point("guidance", "guidance", "be practical - dyers won't take to a supervisor who lives in the lab")
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
hasnt(d, "I will be practical")

-- "lost mileage. they're dropping ~3% of scheduled miles": the topic, then
-- what it is; "Home Library Service at Kirkby: ..." is the named service
d = draft_of({point("problems", "problem", "lost mileage. they're dropping ~3% of scheduled miles, mostly driver shortages"),
  point("not_said", "evidence", "Home Library Service at Kirkby: recruited + trained 25 volunteer couriers, 140 housebound readers get monthly deliveries")})
has(d, "that you're dropping about 3% of scheduled miles")
has(d, "With the Home Library Service at Kirkby, I recruited")

-- "panel, ~50 min, portacabin next to the tipping hall": the interview
-- that was, not a step to look forward to
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("other", nil, "panel, ~50 min, portacabin next to the tipping hall. notes in order-ish")})
hasnt(d, "the panel")

-- "1,400" is one number when their problem is cut to its first parts
d = draft_of({point("problems", "problem", "repeat prescriptions backlog, theyre doing ~1,400 items a wk w/ 2 dispensers + her")})
hasnt(d, "about 1.")

-- (from the review) what follows "will email" is no news to hear; an
-- offer of pay is no step; "not keen when" is no moment; "2.5 weeks" is
-- one number
nxt = point("other", nil, "she will email me the contract")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
hasnt(d, "hear from you me")
nxt = point("other", nil, "he offered the higher salary if I take the role")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
hasnt(d, "take up the higher salary")
do
  local pts = {point("other", nil, "not keen when I said I can't start until March", 0),
    point("other", nil, "she liked the rota. Her problem: the average wait is 2.5 weeks for a first visit.", 0)}
  local n = note(pts)
  local d = compose(default.select(pts, n), n)
  hasnt(d, "when I said I can't start")
  hasnt(d, "wait is 2.")
end

-- a correction says what is true, not only what was said: "Better:" with
-- where first, "The honest answer:", and, with no mark, the last sentence
-- of mine after a verdict on the answer
d = draft_of({point("say_differently", "correction", "She asked what I'd do if a freelancer ghosts 2 days before delivery. I said I'd \"just do it myself in Polish\". Bad - doesn't scale and wasn't the question. Better: on any job over 20k words I keep a backup linguist on standby for every language.")})
has(d, "I should have said that on any job over 20k words I keep a backup linguist")
hasnt(d, "A better example would have been")
d = draft_of({point("say_differently", "correction", "Asked about my weakness, I said \"I can be a perfectionist\". Stock answer, and I saw him react. The honest answer: I used to hold listing decisions too long waiting for certainty; I now set a 4pm cut-off for next-day lists.")})
has(d, "In fact, I used to hold listing decisions too long")
hasnt(d, "Stock answer")
d = draft_of({point("say_differently", "correction", "When she asked about the bite incident on my CV I said it was \"just bad luck\". That makes it sound like I don't take it seriously. Really it was a gap in our two-keeper rule during a shift change, and afterwards I rewrote the shift-change handover so the gap couldn't happen again.")})
has(d, "In fact, it was a gap in our two-keeper rule")
hasnt(d, "makes it sound")
d = draft_of({point("say_differently", "correction", "When she asked about my last rota I said it was \"fine\". That makes it sound like I don't care. I rebuilt the whole rota around school runs and sickness fell by a third.")})
has(d, "I rebuilt the whole rota around school runs")
hasnt(d, "makes it sound")

-- a #must point is said even when the draft is over its budget
do
  local must = point("guidance", "guidance", "wants a 90-day plan on one page #must send by Mon 16th", 103)
  must.tags = {must = true}
  local pts = {point("excited_them", "connect", "makeready times. told him we got avg makeready on the XL 106 from 38 min -> 22 min w/ pre-staged plates + an ink kitchen checklist. he made me say it 2x", 5),
    point("problems", "problem", "waste running ~9% on nights vs 5% on days", 5),
    point("not_said", "evidence", "at Marlow Litho brought nights waste from 8.5% to 4.8% in 9 months, mostly a written shift handover sheet + 10 min overlap", 6),
    must}
  local d2 = draft_of(pts, {max_words = 100})
  has(d2, "I will send you a 90-day plan")
end

-- of a panel, "Priya: send her a sample page" is Priya's, not Owen's;
-- "@rachel monitored 40 leaky dams", under what I did not say, is mine
do
  local priya = {name = "Priya Nair"}
  local owen = {name = "Owen Mercer"}
  local pts = {point("excited_them", nil, "Owen laughed at my snack rota line. felt human."),
    point("guidance", nil, "Priya: send her a sample prompt copy page (redacted is fine) by Friday")}
  local n = note(pts, {to = owen, interviewers = {priya, owen}})
  local d2 = compose(default.select(pts, n), n)
  hasnt(d2, "prompt copy page")
  local rachel = {name = "Rachel Adeyemi"}
  local dams = point("not_said", nil, "@rachel monitored 40 leaky dams on Calder Beck for 2 yrs w/ level loggers: peak flow down 7% for big events", 4)
  dams.mentions = {"rachel"}
  pts = {point("problems", nil, "lost 2 seniors to the EA in 6 months", 5), dams}
  n = note(pts, {to = rachel, interviewers = {rachel, owen}})
  d2 = compose(default.select(pts, n), n)
  has(d2, "I monitored 40 leaky dams")
end

-- "her" after another named person is hers, not the reader's
d = draft_of({point("excited_them", "connect", "she lit up when I told her about the chimp group at Lowfield and how we reintroduced Nia after her hand surgery")},
  {to = {name = "Maria Alvarez", pronouns = "she/her"}})
hasnt(d, "your hand surgery")

-- what the note tells me to do for a step, I will do; their plan for next
-- spring is no step of mine
nxt = point("guidance", nil, "She also said the next stage is a practical day and I should look at the siamang enclosure plans on their website beforehand.")
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "practical day, and I will look at")
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("excited_me", "connect", "Priya said next spring is a co-pro with a touring company and the DSM will call the show in three venues.")})
assert(not d.paragraphs[#d.paragraphs]:find("co-pro", 1, true), body(d))

-- a note's "Id" before a verb or a quotation is "I'd"; a verdict after a
-- quotation goes; "Definitely not what I meant:" opens what is true
d = draft_of({point("say_differently", "correction", "she asked how many dogs I do a day and I said \"as many as you book me\" - sounded like id rush them. Definitely not what I meant: 6 is my comfortable max for quality")})
has(d, "I said \"as many as you book me\".")
has(d, "What I meant is that 6 is my comfortable max")
hasnt(d, "id rush")
d = draft_of({point("say_differently", "correction", "he asked how Id handle a model that didnt calibrate. I said Id \"tweak the roughness till it fits\". what i actually do: check the survey data first")})
has(d, "how I'd handle a model")
has(d, "I said I'd \"tweak")

-- "asked for the figures again and wrote them down" was in the room, no
-- thing to send; "talked abt X" is the moment
d = draft_of({point("excited_them", "connect", "My work on the trial backlog at Kingsford: we re-listed 310 trials. He asked for the figures again and wrote them down.")})
hasnt(d, "wrote them down you asked for")
d = draft_of({point("excited_them", "connect", "talked abt the bullwheel bearing on the Aonach chair at my last place (Glenbrae)")})
hasnt(d, "how I talked about")

-- "My work on X: we ..." starts with where; "is 32% last quarter" was
d = draft_of({point("problems", "problem", "Ineffective trial rate 32% last quarter, well above the regional target of 20%."),
  point("not_said", "evidence", "My work on the trial backlog at Kingsford Crown Court: we re-listed 310 cracked and ineffective trials using a floating list. Courtroom utilisation went from 61% to 79% over 8 months.")})
has(d, "my work on the trial backlog at Kingsford Crown Court, where we re-listed")
hasnt(d, "is 32% last quarter")

-- a trial on its day is a step; "they'll \"be in touch next week\"" is
-- news to hear, not a quotation; "against them" under singular they is
-- the things named, not the reader
nxt = point("other", nil, "next: trial groom sat 21st 10am, a border terrier (hand strip!!). bring portfolio")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "the trial groom on Saturday 21st")
nxt = point("other", nil, "they'll \"be in touch next week\". nothing booked.")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "I will be glad to hear from you next week.")
d = draft_of({point("say_differently", "correction", "They asked if I could read a full score at the piano and I just said no. Actually I can't sight-read at the piano, but I read full scores fine and check parts against them.")},
  {to = {name = "Sam Quigley", pronouns = "they/them"}})
has(d, "check parts against them")

-- "key pharma client threatened to leave" is a clause, with its article;
-- "Also perked up at:" is the note's label, not the moment
d = draft_of({point("problems", "problem", "key pharma client threatened to leave after a terminology error in a German leaflet"),
  point("not_said", "evidence", "built termbases for 2 medical clients, terminology queries down by half")})
has(d, "the key pharma client threatened to leave")
hasnt(d, "You were open about the problem")
d = draft_of({point("excited_them", "connect", "Also perked up at: managed a 14-language software UI release at Polyglot House, 85k words, on time.")})
hasnt(d, "perked up at")
has(d, "14-language software UI release")

-- a #must line outside the six questions is said; "- sounded amateur"
-- after what was said and "Should have led with it" go
nxt = point("other", nil, "2nd stage is the presentation (15 min), date TBC, HR to email. Tell them I'm available any day w/c 23 Nov #must")
nxt.heading = "Next"
nxt.tags = {must = true}
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("say_differently", "correction", "Asked which collections database I'd used, I said \"mostly spreadsheets\" - sounded amateur. Truth: I migrated the herbarium's 11,000 records into BG-Base. Should have led with it."), nxt})
has(d, "available any day in the week commencing 23 November.")
hasnt(d, "sounded amateur")
hasnt(d, "led with it")

-- of a panel, "Dr Okonkwo: my backlog work" is hers (the label goes in
-- her draft, the point from his); at equal scores, what names the
-- reader is chosen; "Sept/Oct" are two months; "how I said I" is "that I"
do
  local miriam = {name = "Miriam Okonkwo"}
  local peter = {name = "Peter Hallam"}
  local pts = {point("excited_them", nil, "Dr Okonkwo: my germination testing backlog work at the county herbarium - cleared 600 overdue tests in 5 months. She asked for the exact numbers twice."),
    point("problems", nil, "viability monitoring overdue on ~30% of the collection", 6)}
  local n = note(pts, {to = miriam, interviewers = {miriam, peter}})
  local d2 = compose(default.select(pts, n), n)
  hasnt(d2, "Okonkwo")
  hasnt(d2, "numbers twice you asked for")
  n = note(pts, {to = peter, interviewers = {miriam, peter}})
  d2 = compose(default.select(pts, n), n)
  hasnt(d2, "germination")
  local mine = point("problems", nil, "@Peter: intake bottleneck in Sept/Oct, bags sit 2-3 weeks before cleaning", 6)
  mine.mentions = {"Peter"}
  pts = {point("excited_them", nil, "@Peter: seed drying - I said I log equilibrium RH at intake and again before packing.", 3),
    point("problems", nil, "viability monitoring overdue on ~30% of the collection", 6), mine,
    point("not_said", nil, "@Peter: designed a staggered volunteer intake rota for harvest peak - every collection cleaned within 5 days of arrival", 7)}
  pts[1].mentions = {"Peter"}
  pts[4].mentions = {"Peter"}
  n = note(pts, {to = peter, interviewers = {miriam, peter}})
  d2 = compose(default.select(pts, n), n)
  has(d2, "staggered volunteer intake rota")
  hasnt(d2, "how I said I")
end

-- "better:" and a list of steps is what I should have said; "which is
-- actually what I did" is "That is"; "meant: I use ..." is what I meant
d = draft_of({point("say_differently", "correction", "they asked how Id handle a student in rent arrears and I went straight to \"warnings + guarantor letters\" - sounded harsh. better: talk first, hardship fund referral, payment plan, THEN formal letters. which is actually what I did at Castlegate (27 payment plans last yr, 24 completed)")})
has(d, "I should have said: talk first")
has(d, "That is what I did at Castlegate")
hasnt(d, "A better example would have been talk")
d = draft_of({point("say_differently", "correction", "said \"I'm a numbers person\" when she asked abt my style. NOT what she wanted to hear after the stats comment. meant: I use the numbers to find who needs help, then I sit w/ them")})
has(d, "What I meant is that I use the numbers")

-- "I ran the pitch fault log - repeat pitch faults down 40%": the result
-- with its verb, not left out as a fragment; "Fiona liked that ..." is
-- Fiona's moment, not Callum's
d = draft_of({point("problems", "problem", "availability dropped to 94% last winter, target is 97%, mostly pitch system faults"),
  point("not_said", "evidence", "at Bryn Ucha I ran the pitch fault log - repeat pitch faults down 40% in a year after we moved battery replacement to condition-based")})
has(d, "I ran the pitch fault log, and repeat pitch faults went down 40%")
do
  local fiona = {name = "Fiona MacLeod"}
  local callum = {name = "Callum Reid"}
  local pts = {point("excited_them", nil, "Fiona liked that I've got GWO BST + ART and I'm fine with 14/14 rota")}
  local n = note(pts, {to = callum, interviewers = {callum, fiona}})
  local d2 = compose(default.select(pts, n), n)
  if d2 then hasnt(d2, "GWO") end
  n = note(pts, {to = fiona, interviewers = {callum, fiona}})
  d2 = compose(default.select(pts, n), n)
  has(d2, "you liked that I've got GWO")
end

-- a point that goes on from its heading ("... I talked about") starts at
-- its first word; "thing, measure N -> M" is said with its verb
d = draft_of({point("excited_them", "connect", "... I talked about the relaxed screenings I set up at the Regal - lights half up, sound down, no shushing.")})
has(d, "the relaxed screenings I set up at the Regal")
d = draft_of({point("problems", "problem", "bar spend per head low (~£2.10)"),
  point("not_said", "evidence", "bar: combo deal (glass of wine + ticket), spend per head £1.80 -> £3.40")})
has(d, "spend per head went from £1.80 to £3.40")

-- (from the review of this session's change)
-- "@rachel mentioned ..." under what I did not say is what she said
do
  local rachel = {name = "Rachel Adeyemi"}
  local owen = {name = "Owen Mercer"}
  local m = point("not_said", nil, "@rachel mentioned the culvert survey backlog; never said I cleared 220 culvert surveys in 5 months at the EA", 5)
  m.mentions = {"rachel"}
  local pts = {point("problems", nil, "culvert survey backlog of 400", 5), m}
  local n = note(pts, {to = rachel, interviewers = {rachel, owen}})
  local d2 = compose(default.select(pts, n), n)
  if d2 then hasnt(d2, "I mentioned the culvert") end
end
-- a third party's wish is no promise to send
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("guidance", nil, "the CNO wants a weekly report on agency spend from whoever gets this job")})
hasnt(d, "send you a weekly report")
-- "Better:" and a noun phrase is a better example
d = draft_of({point("say_differently", "correction", "Asked for an example of leading change, I picked a tiny one (new shift board). Better: my Mercy West rota rebuild, where I cut sickness by a third in 6 months.")})
hasnt(d, "I should have said that my Mercy West")
-- "Really it was a weak answer" is a verdict, not what is true
d = draft_of({point("say_differently", "correction", "She asked why I left Mercy West and I said \"the restructure\". Really it was a weak answer and I mumbled it.")})
hasnt(d, "In fact, it was a weak answer")
-- "by Friday for her board meeting": the reader's board
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("guidance", nil, "She wants a one-page retention plan by Friday for her board meeting")},
  {to = {name = "Maria Alvarez", pronouns = "she/her"}})
hasnt(d, "for her board")
-- under singular they, "against them" with no things before it is the
-- reader
d = draft_of({point("excited_them", "connect", "they pushed back hard on my staffing model and I held my ground against them with the Northgate numbers")},
  {to = {name = "Jordan Reyes", pronouns = "they/them"}})
hasnt(d, "against them")
-- a #must point is kept over the budget, before the moment and their
-- problem ("I also took your point ..." is no sentence the budget takes)
do
  local must = point("guidance", "guidance", "the board cares about cost per hire, not anecdotes #must", 101)
  must.tags = {must = true}
  local pts = {point("excited_them", "connect", "Cutting ER wait times from 4.1 to 2.6 hours with a split-flow triage that we rolled out across three sites over a single winter", 5),
    point("problems", "problem", "Nurse turnover hit 28% last year, mostly new graduates leaving within their first eighteen months on the wards", 5),
    point("not_said", "evidence", "At Mercy West I cut nurse turnover from 24% to 15% in 18 months with a preceptor programme and self-rostering", 6),
    point("say_differently", "correction", "she asked about budgets and I said I had never run one. Actually I ran the 1.2m ward stock budget for 2 years", 3),
    must}
  local d2 = draft_of(pts, {max_words = 90})
  has(d2, "cost per hire")
end
-- (the first moment said with no "also" when the budget took the one
-- before: tests/heldout's Eastbridge draft)
-- what to send, not the note's brief of it
d = draft_of({point("excited_them", "connect", "the production slots"),
  point("guidance", "guidance", "send a mock plan: 60k-word pharma leaflet launch into 12 EU languages, due in 3 wks")})
hasnt(d, "60k-word")

-- a sentence with a seam a reader stops at is dropped, not sent: a lead-in
-- before the note's own sentence, a note's list after "the challenge:",
-- a label and a list
d = draft_of({point("excited_them", "connect", "told them at the community centre I cleared a 2-year backlog of room bookings by moving to an online booking form"),
  point("problems", "problem", "rent arrears are growing"),
  point("not_said", "evidence", "at Hollins I cut rent arrears from £9k to £2k with standing orders")})
hasnt(d, "about told")
d = draft_of({point("problems", "problem", "short 6, agency cover is expensive"),
  point("not_said", "evidence", "at Redline I cut agency cover from 30% to 8% with a relief pool")})
hasnt(d, "short 6")
d = draft_of({point("problems", "problem", "non-cultivation: overgrown plots, inspection letters go out late"),
  point("not_said", "evidence", "at Hollins I cut overgrown plots from 40 to 12 with monthly walkrounds")})
hasnt(d, "overgrown plots, inspection")
-- "I set up standing orders, late payments 1 in 4 to 1 in 20": the result
-- with its verb
d = draft_of({point("problems", "problem", "rent arrears are growing"),
  point("not_said", "evidence", "I set up standing orders for the centre's 60 hirers, late payments 1 in 4 to 1 in 20")})
has(d, "and late payments went from 1 in 4 to 1 in 20")

-- a story's label after "One thing I should have mentioned is" ("pennine
-- Gate.") is no sentence; "... is repeat contact on my team cut 31% to
-- 17%" is that it fell
d = draft_of({point("excited_them", "connect", "the CAD outage story"),
  point("problems", "problem", "call handlers leave in their first year"),
  point("not_said", "evidence", "Pennine Gate: buddy system for new call handlers in first 12 wks -> first-yr leavers 11 down to 4 (of 26 starters), 2024-25")})
hasnt(d, "pennine Gate")
d = draft_of({point("problems", "problem", "repeat calls ~35% on the billing queue"),
  point("not_said", "evidence", "repeat contact on my team at NorthPower cut 31% -> 17% in 9 months (case ownership + callback slots)")})
has(d, "NorthPower fell from 31% to 17%")

-- "asked for 2 referee contacts" is what to send, whole; "idiot" after
-- the truth is the note's
nxt = point("other", nil, "asked for 2 referee contacts by Mon 16th")
nxt.heading = "Next"
d = draft_of({point("excited_them", "connect", "the production slots"), nxt})
has(d, "2 referee contacts")
d = draft_of({point("say_differently", "correction", "he asked abt electrics & i said \"not my strong side\" - BUT i did the 12v rewire + solar on 3 boats at calder. shouldve led w/ that. idiot")})
hasnt(d, "Idiot")

return {}

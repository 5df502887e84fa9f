-- phrasebook_en.lua: every fixed phrase of the default composer, in
-- English.  A filter changes any of them with a `phrases` table of the
-- same shape (merged over this one, a slot at a time); a note's `lang:`
-- picks phrasebook_<lang>.lua when one ships.
--
-- In a phrase, {text} is the point's words as a sentence, {lower} the same
-- with its first letter lowered for use mid-sentence, {role}, {company},
-- {first}, {last}, {title}, {name}, {step}, {thing}, {by} what they say.
-- A slot maps each form of point (see voice.lua: i, we, you, past, have,
-- imperative, gerund, clause, noun, quote) to a wording; a form missing
-- from a slot leaves the point out, with the reason in `explain`.  A
-- wording may be a list ({"...", "..."}): each draft takes one of them,
-- always the same one for the same note and reader, so that drafts do
-- not all open alike.

return {
  lang = "en",
  greeting = "Dear {first},",
  greeting_titled = "Dear {title} {last},",
  greeting_none = "Hello,",
  closing = "Best regards,",

  thanks = {
    role_company = {"Thank you for our conversation about the {role} role at {company}.",
                    "Thank you for the interview for the {role} role at {company}.",
                    "Thank you for meeting with me about the {role} role at {company}."},
    role = {"Thank you for our conversation about the {role} role.",
            "Thank you for the interview for the {role} role.",
            "Thank you for meeting with me about the {role} role."},
    company = "Thank you for our conversation at {company}.",
    none = "Thank you for our conversation.",
  },

  -- Paragraph 1: the moment that connected, from "what excited them".
  connect = {
    i = {"I was glad to tell you how {lower}.",
         "I enjoyed walking you through how {lower}."},
    past = {"I was glad to tell you how I {lower}.",
            "I enjoyed telling you how I {lower}."},
    have = "I was glad to tell you that I {lower}.",
    we = "I was glad to tell you that {lower}.",
    interested = {"I was glad you were interested when {lower}.",
                  "I enjoyed your questions when {lower}.",
                  "It was good to see your interest when {lower}."},
    interested_in = "I was glad you were interested in {lower}.",
    -- ("You liked that I run the dental clinics" is said as being glad of it)
    you = "I was glad {lower}.",
    -- (a gerund is often your own doing: "coaching new starters on
    -- reversing" is talked about, not what they are interested in doing)
    gerund = "I was glad we got to talk about {lower}.",
    noun = {"I was glad we got to talk about {lower}.",
            "I enjoyed talking with you about {lower}.",
            "It was good to talk about {lower}."},
    clause = {"I was glad we got to talk about how {lower}.",
              "I enjoyed talking with you about how {lower}."},
  },
  -- and what they shared that excited you
  excited = {
    clause = {"I enjoyed hearing that {lower}.",
              "It was good to hear that {lower}.",
              "I was also pleased to hear that {lower}."},
    you = {"I enjoyed hearing that {lower}.",
           "It was good to hear that {lower}.",
           "I was also pleased to hear that {lower}."},
    noun = {"I enjoyed hearing about {lower}.",
            "It was good to hear about {lower}.",
            "I was also glad to hear about {lower}."},
    gerund = {"I enjoyed hearing about {lower}.",
              "It was good to hear about {lower}.",
              "I was also glad to hear about {lower}."},
    i = "{text}.",
  },

  -- Paragraph 2: their problem, your evidence, their guidance.
  problem = {
    clause = {"You mentioned that {lower}.", "You told me that {lower}."},
    you = {"You mentioned that {lower}.", "You told me that {lower}."},
    noun = "You mentioned {lower}.",
    gerund = "You mentioned {lower}.",
    past = "You mentioned that you {lower}.",
    -- ("can't keep site managers, 3 left this year": theirs)
    have = "You told me that you {lower}.",
    -- a note's fragment, not a sentence ("F&B losing money, restaurant
    -- empty midweek"): after a colon it reads as written
    fragment = {"You described the challenge: {lower}.",
                "You were candid about the challenge: {lower}.",
                "You were open about the problem: {lower}."},
  },
  evidence = {
    i = "{text}.",
    we = "{text}.",
    past = "{text}.",
    have = "{text}.",
    clause = "{text}.",
    noun = "{text}.",
    headed = "With {head}, I {lower}.",
    -- ("Dunmore: cut off-cycle payments by 70%", where the note says
    -- something was at Dunmore)
    headed_at = "At {head}, I {lower}.",
  },
  -- the first piece of evidence, when it is something you did not get to
  -- say (a form missing here is worded as `evidence` words it)
  evidence_unsaid = {
    i = {"I didn't get to mention that {lower}.",
         "I should have mentioned that {lower}.",
         "What I didn't get to say is that {lower}."},
    we = {"I didn't get to mention that {lower}.",
          "I should have mentioned that {lower}.",
          "What I didn't get to say is that {lower}."},
    past = {"I didn't get to mention that I {lower}.",
            "I should have mentioned that I {lower}.",
            "What I didn't get to say is that I {lower}."},
    have = {"I didn't get to mention that I {lower}.",
            "I should have mentioned that I {lower}.",
            "What I didn't get to say is that I {lower}."},
    clause = {"I didn't get to mention that {lower}.",
              "I should have mentioned that {lower}.",
              "What I didn't get to say is that {lower}."},
    noun = {"One thing I didn't get to mention is {lower}.",
            "One thing I should have mentioned is {lower}."},
  },
  -- the first piece of evidence when it answers the problem just named
  -- (a form missing here is worded as above): unsaid, and said. Said
  -- right after their problem it needs no seam: "I have dealt with the
  -- same problem:" read as a template to every reader who rated it.
  evidence_answer_unsaid = {
    i = {"I didn't get to mention that {lower}.",
         "What I didn't get to say is that {lower}."},
    we = {"I didn't get to mention that {lower}.",
          "What I didn't get to say is that {lower}."},
  },
  evidence_answer = {
    i = "{text}.",
    we = "{text}.",
  },
  evidence_also = {
    i = "{text}.",
    we = "{text}.",
    past = "{text}.",
    have = "{text}.",
    clause = "{text}.",
    -- (no noun: a second fragment, "ILM level 3 coaching 2024", is left
    -- out rather than said as a sentence without a verb)
    headed = "With {head}, I also {lower}.",
    headed_at = "At {head}, I also {lower}.",
  },
  -- after the evidence, when it answers the problem named before it and
  -- tells of something done (false: none)
  tie = {"I would bring the same approach to {company}.",
         "I would like to do the same at {company}."},
  guidance = {
    clause = "I also took your point that {lower}.",
    you = "I also took your point: {lower}.",
    quote = "I took to heart what you said: {text}",
    noun = "I also noted your advice on {lower}.",
    prep = "I also noted your advice {lower}.",
  },
  advice = {"As you suggested, I will {lower}.",
            "I will take your advice and {lower}.",
            "Following your advice, I will {lower}."},

  -- Paragraph 3: the correction, and the next step.
  correction = {"I would like to correct one answer.",
                "I want to put one answer right.",
                "One of my answers needs correcting."},
  correction_should = "I also should have said more in one answer.",
  step = {"I'll be ready for {step}.", "I'm looking forward to {step}.",
          "I look forward to {step}."},
  -- the step with what their guidance says to bring to it (the step
  -- first: "I'll come to the final round with the CTO ready to talk"
  -- reads as if the CTO were ready)
  step_prep = {
    want = "For {step}, I'll bring {lower}.",
    ask = "For {step}, I'll be ready to talk about {lower}.",
    advice = "For {step}, I will {lower}.",
    show = "For {step}, I'll be ready to show {lower}.",
  },
  expect = "I understand {lower}.",
  -- what they will do is get back to me: "you will call Friday" ->
  hear = "I will be glad to hear from you{rest}.",
  -- their decision, on its day: "you will decide by 15 January" ->
  hear_decision = "I look forward to hearing your decision {when}.",
  meet = "I'd be glad to {lower}.",
  -- a step the note tells as mine: "next: I'm running a session with the
  -- U16s Thursday" -> "I look forward to running ..."
  ahead = "I look forward to {lower}.",
  send = "I will send the {thing} you asked for{by}.",
  -- a thing already told by a clause ("the postmortem template I use")
  send_named = "As you asked, I will send you the {thing}{by}.",
  -- a thing of mine they asked for ("my adjuster licence number")
  send_mine = "As you asked, I will send you {thing}{by}.",
  -- a thing I said I would bring ("a rough layout sketch")
  bring = "As I said, I will bring {thing}{by}.",
  -- the same, naming what their problem and my evidence share
  available_topic = {"I would be glad to talk more about {topic} at the next stage.",
                     "I'd welcome the chance to talk through {topic} in more depth.",
                     "I would be glad to go into {topic} in more detail if it helps."},
  available = {"I would welcome the next conversation and can make time this week.",
               "I'd be glad to continue the conversation, and I can make time any day this week.",
               "If a further conversation would help, I can make time this week."},

  -- Subject lines (at most 60 characters; the first that fits is used).
  subject_correction = "A correction on {topic}",
  subject_role_correction = "{role}: a better answer on {topic}",
  subject_topic_correction = "{role}: {topic}, and a better answer on {correction}",
  subject_topic = "{role}: {topic}",
  subject_role_company = "{role} at {company}",
  subject_company = "Our conversation at {company}",
  subject_none = "Following up on our conversation",
  subject_and = " and ",
}

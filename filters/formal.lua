-- formal.lua: a formal tone.  "Dear" with a title and surname ("Dear
-- Professor Ashworth", "Dear Ms Ashby" when the note's pronouns are she/her;
-- else the full name), no contractions, "Yours sincerely".  Use it with
-- `tone: formal` in a note, or --filter.  It changes only phrases of the
-- phrasebook (contractions = false has the composer expand them in the
-- points too, outside quotations).

return {
  phrases = {
    greeting = "Dear {honorific} {last},",
    greeting_plain = "Dear {first} {last},",
    greeting_titled = "Dear {title} {last},",
    closing = "Yours sincerely,",
    contractions = false,
    thanks = {
      role_company = "Thank you for the opportunity to discuss the {role} role at {company}.",
      role = "Thank you for the opportunity to discuss the {role} role.",
      company = "Thank you for the opportunity to meet at {company}.",
      none = "Thank you for the opportunity to meet.",
    },
    evidence_unsaid = {
      i = "I did not get to mention that {lower}.",
      we = "I did not get to mention that {lower}.",
      past = "I did not get to mention that I {lower}.",
      have = "I did not get to mention that I {lower}.",
      clause = "I did not get to mention that {lower}.",
      noun = "One thing I did not get to mention is {lower}.",
    },
    meet = "I would be glad to {lower}.",
    step = "I will be well prepared for {step}.",
    step_prep = {
      want = "For {step}, I will bring {lower}.",
      ask = "For {step}, I will be prepared to discuss {lower}.",
      show = "For {step}, I will be prepared to show {lower}.",
      advice = "For {step}, I will {lower}.",
    },
    available = "I would welcome the opportunity to continue our conversation.",
    available_topic = "I would welcome the opportunity to discuss {topic} further.",
  },
}

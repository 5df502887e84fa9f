-- warm.lua: a warm tone.  The interviewer's first name (whatever their
-- title), warmer thanks and close.  Use it with `tone: warm` in a note, or
-- --filter.  It changes only phrases of the phrasebook: the composer
-- words the whole email with them.

return {
  phrases = {
    greeting = "Hi {first},",
    greeting_titled = "Hi {first},",
    closing = "Warm regards,",
    thanks = {
      role_company = "Thank you for such a warm conversation about the {role} role at {company}.",
      role = "Thank you for such a warm conversation about the {role} role.",
      company = "Thank you for such a warm conversation at {company}.",
      none = "Thank you for such a warm conversation.",
    },
    excited = {
      clause = "I loved hearing that {lower}.",
      you = "I loved hearing that {lower}.",
      noun = "I loved hearing about {lower}.",
      gerund = "I loved hearing about {lower}.",
    },
    available = "I would love to continue the conversation, and I can make time this week.",
    available_topic = "I would love to talk more about {topic} at the next stage.",
  },
}

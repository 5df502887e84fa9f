-- phrasebook_fr.lua: the phrases of the default composer in French, for a
-- note with `lang: fr`.  The same shape as phrasebook_en.lua (read its
-- comment for the {names} a phrase may use and how slots and forms work).
-- The English voice rules (shorthand, pronouns) do not apply to French
-- text: a point written about "elle" or "il" is best worded with a `say:`
-- line of your own.

return {
  lang = "fr",
  greeting = "Bonjour {first},",
  greeting_titled = "Bonjour {title} {last},",
  greeting_none = "Bonjour,",
  closing = "Bien cordialement,",
  -- the note-taking symbols in words
  words = {to = "à", about = "environ", ["and"] = "et",
           more_than = "plus de"},

  thanks = {
    role_company = "Merci pour notre échange sur le poste de {role} chez {company}.",
    role = "Merci pour notre échange sur le poste de {role}.",
    company = "Merci pour notre échange chez {company}.",
    none = "Merci pour notre échange.",
  },

  -- The voice classifies English words only: every French wording frames
  -- the point after a colon, whatever its form, so no grammar is guessed.
  connect = {
    i = "J'ai apprécié notre échange sur ce point : {lower}.",
    past = "J'ai apprécié notre échange sur ce point : {lower}.",
    have = "J'ai apprécié notre échange sur ce point : {lower}.",
    we = "J'ai apprécié notre échange sur ce point : {lower}.",
    interested = "J'ai apprécié votre intérêt quand {lower}.",
    you = "J'ai apprécié notre échange sur ce point : {lower}.",
    gerund = "J'ai apprécié notre échange sur ce point : {lower}.",
    noun = "J'ai apprécié notre échange sur ce point : {lower}.",
    clause = "J'ai apprécié notre échange sur ce point : {lower}.",
  },
  excited = {
    clause = "J'ai aussi aimé apprendre ceci : {lower}.",
    you = "J'ai aussi aimé apprendre ceci : {lower}.",
    noun = "J'ai aussi aimé apprendre ceci : {lower}.",
    gerund = "J'ai aussi aimé apprendre ceci : {lower}.",
    i = "{text}.",
  },

  problem = {
    clause = "Vous avez évoqué ce défi : {lower}.",
    you = "Vous avez évoqué ce défi : {lower}.",
    noun = "Vous avez évoqué ce défi : {lower}.",
    gerund = "Vous avez évoqué ce défi : {lower}.",
    past = "Vous avez évoqué ce défi : {lower}.",
    i = "Vous avez évoqué ce défi : {lower}.",
  },
  evidence = {
    i = "{text}.", we = "{text}.", past = "{text}.", have = "{text}.",
    clause = "{text}.", noun = "{text}.",
    headed = "{text}.",
  },
  evidence_also = {
    i = "{text}.", we = "{text}.", past = "{text}.", have = "{text}.",
    clause = "{text}.", noun = "{text}.",
    headed = "{text}.",
  },
  tie = false,
  guidance = {
    clause = "J'ai aussi retenu votre conseil : {lower}.",
    you = "J'ai aussi retenu votre conseil : {lower}.",
    quote = "J'ai retenu ce que vous m'avez dit : {text}",
    noun = "J'ai aussi retenu votre conseil : {lower}.",
    imperative = "J'ai aussi retenu votre conseil : {lower}.",
  },
  advice = "Comme vous me l'avez conseillé : {lower}.",

  correction = "Je voudrais corriger une de mes réponses.",
  step = "Je serai prêt pour {step}.",
  expect = "J'ai bien noté : {lower}.",
  send = "Je vous enverrai {thing}{by}.",
  available = "Je serais heureux de poursuivre cette conversation et je suis disponible cette semaine.",

  subject_correction = "Une précision sur {topic}",
  subject_role_correction = "{role} : une précision sur {topic}",
  subject_topic_correction = "{role} : {topic}, et une précision sur {correction}",
  subject_topic = "{role} : {topic}",
  subject_role_company = "{role} chez {company}",
  subject_company = "Notre échange chez {company}",
  subject_none = "Suite à notre échange",
  subject_and = " et ",
}

/*
 * sections.c - matching a heading to one of the article's six questions.
 *
 * A heading is reduced to its words (lower case, apostrophes joined, other
 * punctuation and emoji as spaces), then searched for known phrases; the key
 * whose phrase covers the most words wins, so "What do you wish you had said
 * differently?" is say_differently, not not_said.  The user's own headings
 * from the front matter's `sections:` map are tried first, as whole headings:
 * normalised once per note and sorted, so a map of thousands of headings
 * costs a binary search per heading.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const key_names[SR_KEY_COUNT] = {
	"excited_them", "excited_me", "guidance", "problems",
	"say_differently", "not_said", "private", "other",
};

static const char *const questions[SR_KEY_COUNT] = {
	"What were you saying when your interviewer became excited or more "
	    "attentive?",
	"What did the interviewer share that excited you?",
	"What guidance did the interviewer give you?",
	"What problems do the interviewer or the organisation need to solve?",
	"What do you wish you had said differently?",
	"What do you wish you had said but didn't get the chance to?",
	NULL, NULL,
};

/* Phrases, already in the normal form that normalize() gives. */
static const char *const aliases[][96] = {
	[SR_KEY_EXCITED_THEM] = {"excited them", "excited the interviewer",
	    "excited her", "excited him", "excited the panel",
	    "they got excited", "they were excited", "became excited",
	    "more attentive", "attentive", "perk up", "perked up", "lean in",
	    "leaned in", "leant in", "sat up", "what landed",
	    "resonated", "got their attention", "caught their attention",
	    "their interest", "hooked them", "they liked", "impressed them",
	    "attention", "got interested", "get interested", "became interested", "engaged",
	    "got animated", "animated", "responded to", "sit up", "picked up on",
	    "he liked", "she liked", "perk", "lean", "leaned",
	    /* French */ "intéressé", "intéressée", "la intéressé",
	    "la intéressée", "la marqué", "la marquée",
	    /* reworded */ "were you saying when", "was i saying when",
	    "were we talking about when", "seemed interested",
	    "she got excited", "he got excited", "interviewer got excited",
	    "lit up", "caught her attention", "caught his attention",
	    "got her attention", "got his attention", "interested her",
	    "interested him", "interested them", "more engaged",
	    "she leaned in", "he leaned in", "came alive", "was interested",
	    "were interested", "got curious", "asked more about",
	    "caught her interest", "caught his interest",
	    "caught their interest", "got intrested", "intrested",
	    "wanted to know more", "got him going", "got her going",
	    "got them going", "light up", "lights up", "light up at",
	    "went well", "what went well", "lit him up", "lit her up",
	    "lit them up", "connected", "what connected", "clicked",
	    "what clicked", NULL},
	[SR_KEY_EXCITED_ME] = {"excited me", "excited you",
	    "share that excited you", "shared that excited you",
	    "got me excited", "what i liked", "i liked", "what i loved",
	    "i loved", "excites me", "exciting for me", "my excitement",
	    "im excited about", "what excited me", "drew me in",
	    "appealed to me", "liked", "found exciting", "got me going",
	    "i found exciting", /* French */ "ma plu", "mont plu",
	    "ce qui ma plu",
	    /* reworded */ "share that excited", "shared that excited",
	    "i got excited",
	    "got me interested", "interested me", "caught my interest",
	    "caught my eye", "sounded exciting", "drew me", "drawn to",
	    "what drew", "attracted me", "what attracted", "appealing",
	    "sold me", "won me over", "compelling", "found compelling",
	    "what i like", "i like", "i was interested", "i am interested",
	    "im interested", "cool stuff", "what was cool", NULL},
	[SR_KEY_GUIDANCE] = {"guidance", "advice", "advised", "advise", "tips",
	    "pointers", "feedback", "suggestions", "suggested",
	    "recommendations", "coaching", "what they look for",
	    "what they want", /* French */ "conseils", "conseil",
	    /* reworded */ "told me to", "how to prepare", "what to work on",
	    "they recommended", "hints", "said to do", "told me to do", NULL},
	[SR_KEY_PROBLEMS] = {"problems", "problem", "pain points",
	    "pain point", "challenges", "challenge", "needs to solve",
	    "need to solve", "what they need", "their needs", "issues",
	    "struggles", "headaches", "priorities", "obstacles", "probs",
	    "prob", "whats wrong", "hurting", "whats hurting",
	    /* French */ "problèmes", "problème", "difficultés",
	    /* reworded */ "struggling with", "keeps them up", "trying to fix",
	    "bottlenecks", "blockers", "going wrong", "going wrong for",
	    "up against", "dealing with", "pressures", "under pressure",
	    "what needs fixing", "needs fixing", "need fixed", "needs fixed",
	    "their side of it", NULL},
	[SR_KEY_SAY_DIFFERENTLY] = {"say differently", "said differently",
	    "wish you had said differently", "wish i had said differently",
	    "wish id said differently", "redo", "do over", "do differently",
	    "would change", "regret", "regrets", "mistake", "mistakes",
	    "correction", "corrections", "take back", "should have said",
	    "shouldnt have said", "walk back", "got wrong", "say again",
	    "say diff", "said diff", "say different", "said different",
	    "do different", "messed up", "fumbles", "fumbled",
	    "botched", "shoulda said", "screwed up",
	    /* French */ "dire autrement", "autrement",
	    /* reworded */ "shouldve said", "should of said", "coulda said",
	    "could have said", "couldve said", "said better",
	    "answered better", "answer better", "said wrong", "flubbed",
	    "wish i had answered", "wish id answered", "say instead",
	    "differently", "put differently", "answer differently",
	    "done differently", "wrong answer", "bad answer", "weak answer",
	    "wrong answers", "bad answers", "weak answers",
	    "would answer", "diff", "wish id said diff",
	    "wish i said diff", "wish i had said diff",
	    "wish id said different", "wish i said differently",
	    /* ("wish id said it differently": not what I wish I had said) */
	    "wish id said it differently", "wish i had said it differently",
	    "wish i said it differently", "wish id said it different",
	    "wish id answered it differently",
	    "in other way", "say it another way", "i want to fix",
	    "foot in it",
	    "oops", "ugh", "cringe", "yikes", NULL},
	[SR_KEY_NOT_SAID] = {"not said", "unsaid", "didnt get to say",
	    "did not get to say", "didnt get a chance", "didnt get the chance",
	    "did not get a chance", "did not get the chance",
	    "missed chance", "missed chances", "missed opportunity",
	    "missed opportunities", "wish you had said", "wish i had said",
	    "wish id said", "forgot to say", "forgot to mention",
	    "didnt mention", "didnt say", "left out", "left unsaid",
	    "never got to", "want to add", "forgot", "never got round to",
	    "never got around to", "have added", "id have added",
	    "would have added", "wish id mentioned",
	    /* French */ "pas eu le temps", "pas dit", "oublié de dire",
	    /* reworded */ "didnt get to", "did not get to", "never got a chance",
	    "never got the chance", "ran out of time",
	    "wish i had mentioned", "wish i mentioned", "wanted to say",
	    "wanted to mention", "meant to say", "meant to mention",
	    "should have mentioned", "shouldve mentioned",
	    "shoulda mentioned", "not mentioned", "never mentioned",
	    "didnt bring up", "forgot to bring up", "should have brought up",
	    "didnt come up", "never came up", "unmentioned",
	    "did not mention", "did not say", "didnt i say", "didnt i mention",
	    "forget to say", "forget to mention", "forgotten", "missed",
	    "what i missed", "never said", NULL},
	[SR_KEY_PRIVATE] = {NULL},
	[SR_KEY_OTHER] = {NULL},
};

/*
 * Chinese (simplified and traditional) and Japanese phrases, found
 * anywhere in a heading: these scripts put no spaces between words.  The
 * longest phrase found wins, so 让面试官兴奋 (what excited the interviewer)
 * is not 让我兴奋 (what excited me), and 没机会说 is not 说.  Tried only
 * when no phrase of the lists above is in the heading.
 */
static const char *const cjk_aliases[][40] = {
	[SR_KEY_EXCITED_THEM] = {"让面试官兴奋", "面试官兴奋", "面试官感兴趣",
	    "对方感兴趣", "他们感兴趣", "她感兴趣", "他感兴趣", "引起兴趣",
	    "引起了兴趣", "打动面试官", "面试官喜欢", "面试官眼前一亮",
	    "讓面試官興奮", "面試官興奮", "面試官感興趣", "對方感興趣",
	    "面接官が興味", "面接官が興奮", "面接官の反応", "相手が興味",
	    "食いついた", "反応が良かった", "盛り上がった", NULL},
	[SR_KEY_EXCITED_ME] = {"让我兴奋", "令我兴奋", "让我感兴趣", "我感兴趣",
	    "吸引我", "我喜欢", "讓我興奮", "令我興奮", "我感興趣",
	    "私が興味", "自分が興味", "惹かれた", "ワクワクした",
	    "わくわくした", "魅力を感じた", NULL},
	[SR_KEY_GUIDANCE] = {"建议", "建議", "指导", "指導", "忠告", "反馈",
	    "反饋", "アドバイス", "助言", "フィードバック", "ヒント", NULL},
	[SR_KEY_PROBLEMS] = {"问题", "問題", "难题", "難題", "痛点", "痛點",
	    "挑战", "挑戰", "困难", "困難", "需要解决", "需要解決", "課題",
	    "悩み", "困りごと", "困っている", NULL},
	[SR_KEY_SAY_DIFFERENTLY] = {"换个说法", "換個說法", "换种说法",
	    "換種說法", "说得不好", "說得不好", "答得不好", "重新说", "重新說",
	    "说错", "說錯", "更正", "纠正", "糾正", "言い直し", "言い方を変え",
	    "別の言い方", "訂正", "言い換え", NULL},
	[SR_KEY_NOT_SAID] = {"没机会说", "沒機會說", "没来得及说", "沒來得及說",
	    "没说", "沒說", "忘了说", "忘了說", "没提到", "沒提到", "想说却",
	    "想說卻", "言えなかった", "言いそびれた", "言い忘れ",
	    "伝えられなかった", "話せなかった", "言う機会がなかった", NULL},
	[SR_KEY_PRIVATE] = {NULL},
	[SR_KEY_OTHER] = {NULL},
};

/* Whole headings that keep a section out of every draft. */
static const char *const private_headings[] = {"private", "private notes",
    "private note", "for me only", "just for me", "not for the email",
    "dont send", "do not send", NULL};

const char *
sr_key_name(sr_key key)
{
	return key < SR_KEY_COUNT ? key_names[key] : "other";
}

const char *
sr_key_question(sr_key key)
{
	return key < SR_KEY_COUNT ? questions[key] : NULL;
}

bool
sr_key_from_name(const char *name, sr_key *out)
{
	int k;

	for (k = 0; k < SR_KEY_COUNT; k++) {
		if (strcmp(name, key_names[k]) == 0) {
			*out = (sr_key)k;
			return true;
		}
	}
	return false;
}

/* True for code points that stand between words rather than in them:
 * punctuation, symbols, arrows, dingbats, emoji and their modifiers. */
static bool
is_separator(uint32_t cp)
{
	return cp < 0x80 || (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 ||
	    cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF) || cp >= 0xE0000;
}

static bool
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
	    cp == 0x02BC || cp == 0xB4;
}

/*
 * Writes the words of s into out (size bytes) as " w1 w2 ... wn " (a space
 * on each side, so phrases can be found with strstr at word boundaries).
 * Text past the buffer's end is dropped.
 */
static void
normalize(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, o = 0, len;
	bool space = true;
	uint32_t cp;

	out[o++] = ' ';
	while (i < n && o + 6 < size) {
		if ((len = sr_utf8_decode(p + i, n - i, &cp)) == 0) {
			i++;
			continue;
		}
		if ((cp < 0x80 && ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')))) {
			out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			space = false;
		} else if (is_apostrophe(cp)) {
			/* "didn't" and "didn’t" both read "didnt" */
		} else if (is_separator(cp)) {
			if (!space)
				out[o++] = ' ';
			space = true;
		} else {
			if (cp >= 0xC0 && cp <= 0xDE) /* Latin-1 capitals */
				cp += 0x20, len = 2;
			if (cp >= 0xC0 && cp <= 0xFE) {
				out[o++] = (char)(0xC0 | (cp >> 6));
				out[o++] = (char)(0x80 | (cp & 0x3F));
			} else {
				memcpy(out + o, p + i, len);
				o += len;
			}
			space = false;
		}
		i += sr_utf8_decode(p + i, n - i, &cp);
	}
	if (!space)
		out[o++] = ' ';
	out[o] = '\0';
}

/* Number of words in a normalised phrase. */
static int
word_count(const char *phrase)
{
	int n = 1;

	for (; *phrase; phrase++)
		n += *phrase == ' ';
	return n;
}

/* The key a value names, when it is a scalar naming one. */
static bool
value_key(const sr_value *v, sr_key *out)
{
	return v != NULL && v->kind == SR_VALUE_SCALAR &&
	    sr_key_from_name(v->text, out);
}

static int
compare_entries(const void *a, const void *b)
{
	return strcmp(((const sr_section_entry *)a)->norm,
	    ((const sr_section_entry *)b)->norm);
}

/* Adds one heading of the user's map, in its normal form. */
static bool
add_heading(sr_arena *a, sr_section_map *m, size_t *cap, const char *heading,
    sr_key key)
{
	char buf[512];

	if (m->count == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		m->entries = sr_arena_grow(a, m->entries, m->count, *cap,
		    sizeof(*m->entries));
		if (m->entries == NULL)
			return false;
	}
	normalize(heading, buf, sizeof(buf));
	if (strcmp(buf, " ") == 0)
		return true; /* a heading of no words matches nothing */
	if ((m->entries[m->count].norm = sr_arena_strdup(a, buf)) == NULL)
		return false;
	m->entries[m->count++].key = key;
	return true;
}

bool
sr_section_map_build(sr_arena *a, const sr_value *map, sr_section_map *out)
{
	size_t i, j, cap = 0;
	sr_key k;

	memset(out, 0, sizeof(*out));
	if (map == NULL || map->kind != SR_VALUE_MAP)
		return true;
	/* Both `Heading: key` and `key: [Heading, ...]` are read. */
	for (i = 0; i < map->count; i++) {
		const sr_value *v = map->items[i];

		if (value_key(v, &k)) {
			if (!add_heading(a, out, &cap, map->keys[i], k))
				return false;
		} else if (sr_key_from_name(map->keys[i], &k)) {
			if (v->kind == SR_VALUE_SCALAR &&
			    !add_heading(a, out, &cap, v->text, k))
				return false;
			for (j = 0; v->kind == SR_VALUE_SEQ && j < v->count; j++)
				if (v->items[j]->kind == SR_VALUE_SCALAR &&
				    !add_heading(a, out, &cap, v->items[j]->text,
				    k))
					return false;
		}
	}
	/* stable: the first entry for a heading wins */
	for (i = 0; i < out->count; i++)
		out->entries[i].order = i;
	if (out->count > 1)
		qsort(out->entries, out->count, sizeof(*out->entries),
		    compare_entries);
	return true;
}

/* The key the user's map gives this heading, if any. */
static bool
user_match(const char *norm, const sr_section_map *map, sr_key *out)
{
	size_t lo = 0, hi, mid, best;
	int c;

	if (map == NULL || map->count == 0)
		return false;
	hi = map->count;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(norm, map->entries[mid].norm);
		if (c <= 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo == map->count || strcmp(norm, map->entries[lo].norm) != 0)
		return false;
	/* among equal headings, the one written first */
	for (best = lo; lo < map->count &&
	    strcmp(norm, map->entries[lo].norm) == 0; lo++)
		if (map->entries[lo].order < map->entries[best].order)
			best = lo;
	*out = map->entries[best].key;
	return true;
}

/* True when the normalised phrase stands in norm as whole words; starts
 * are where norm's words begin, found once for all the phrases. */
static bool
has_phrase(const char *norm, const size_t *starts, size_t nstarts,
    const char *phrase)
{
	size_t n = strlen(phrase), i;

	for (i = 0; i < nstarts; i++) {
		const char *w = norm + starts[i];

		if (w[0] == phrase[0] && strncmp(w, phrase, n) == 0 &&
		    w[n] == ' ')
			return true;
	}
	return false;
}

/*
 * A heading no phrase is in, weighed by its words: a word of interest
 * ("interested", "impressed", "keen") with one for the interviewer ("him",
 * "she", "panel") is what excited them, with one for you ("me", "my")
 * what excited you; a word of advice, of a problem, of a thing said
 * wrong or not said names its question.  The key with the most words
 * wins; a tie, or none, is no match.  Words match by their start
 * ("struggl" is "struggling").
 */
static const char *const interest_words[] = {"interest", "excit",
	"impress", "keen", "curious", "enthus", "attent", "engag", "liked",
	"loved", "enjoy", "hook", "fascinat", NULL};
static const char *const them_words[] = {"him", "her", "them", "they",
	"he", "she", "interviewer", "panel", "his", "their", NULL};
static const char *const me_words[] = {"me", "i", "my", "im", "ive", NULL};
static const char *const key_words[SR_KEY_PRIVATE][12] = {
	[SR_KEY_GUIDANCE] = {"advi", "tip", "suggest", "recommend", "prep",
	    "homework", "steer", NULL},
	[SR_KEY_PROBLEMS] = {"problem", "challeng", "struggl", "issue",
	    "pain", "worr", "difficult", "headache", "broken", "mess", NULL},
	[SR_KEY_SAY_DIFFERENTLY] = {"differen", "redo", "regret", "mistak",
	    "bomb", "fluff", "wrong", "weak", "rambl", "blank", NULL},
	[SR_KEY_NOT_SAID] = {"forg", "miss", "didnt", "unsaid", "omit", NULL},
};

static bool
word_starts(const char *norm, const size_t *starts, size_t nstarts,
    const char *const *list, bool whole)
{
	size_t i, k, n;

	for (k = 0; list[k] != NULL; k++) {
		n = strlen(list[k]);
		for (i = 0; i < nstarts; i++)
			if (strncmp(norm + starts[i], list[k], n) == 0 &&
			    (!whole || norm[starts[i] + n] == ' '))
				return true;
	}
	return false;
}

static sr_key
weigh_words(const char *norm, const size_t *starts, size_t nstarts)
{
	int count[SR_KEY_PRIVATE] = {0}, k, best = -1, tie = 0;

	if (word_starts(norm, starts, nstarts, interest_words, false)) {
		bool them = word_starts(norm, starts, nstarts, them_words, true);
		bool me = word_starts(norm, starts, nstarts, me_words, true);

		if (them != me)
			count[them ? SR_KEY_EXCITED_THEM : SR_KEY_EXCITED_ME]++;
	}
	for (k = SR_KEY_GUIDANCE; k < SR_KEY_PRIVATE; k++)
		if (word_starts(norm, starts, nstarts, key_words[k], false))
			count[k]++;
	for (k = 0; k < SR_KEY_PRIVATE; k++) {
		if (count[k] == 0)
			continue;
		if (best < 0 || count[k] > count[best])
			best = k, tie = 0;
		else if (count[k] == count[best])
			tie = 1;
	}
	return best < 0 || tie ? SR_KEY_OTHER : (sr_key)best;
}

/* Whether norm says someone other than "I" liked: a word before "liked"
 * that is not "i", "we" or "what". */
static bool
liked_by_them(const char *norm)
{
	const char *at = strstr(norm, " liked "), *w;
	size_t n;

	if (at == NULL || at == norm)
		return false;
	for (w = at - 1; w > norm && w[-1] != ' '; w--)
		;
	n = (size_t)(at - w);
	return !((n == 1 && w[0] == 'i') || (n == 2 && strncmp(w, "we", 2) ==
	    0) || (n == 4 && strncmp(w, "what", 4) == 0));
}

sr_key
sr_section_match(const char *heading, const sr_section_map *user_sections)
{
	char norm[1024];
	int k, best_len = 0, best_cjk = 0, len;
	sr_key best = SR_KEY_OTHER, user;
	size_t i, starts[sizeof(norm) / 2], nstarts = 0;

	normalize(heading, norm, sizeof(norm));
	for (i = 0; norm[i] != '\0'; i++)
		if (norm[i] == ' ' && norm[i + 1] != '\0')
			starts[nstarts++] = i + 1;
	if (user_match(norm, user_sections, &user))
		return user;
	for (i = 0; private_headings[i] != NULL; i++) {
		size_t n = strlen(private_headings[i]);

		if (strncmp(norm + 1, private_headings[i], n) == 0 &&
		    strcmp(norm + 1 + n, " ") == 0)
			return SR_KEY_PRIVATE;
	}
	for (k = 0; k < SR_KEY_COUNT; k++) {
		/* The key's own name, "not_said", reads "not said". */
		for (i = 0; aliases[k][i] != NULL; i++) {
			if (!has_phrase(norm, starts, nstarts, aliases[k][i]))
				continue;
			len = word_count(aliases[k][i]);
			if (len > best_len) {
				best_len = len;
				best = (sr_key)k;
			}
		}
	}
	/* "Marco liked" is what the interviewer liked; "What I liked" is
	 * what you liked. */
	if (best == SR_KEY_EXCITED_ME && best_len == 1 &&
	    liked_by_them(norm))
		best = SR_KEY_EXCITED_THEM;
	for (k = 0; best_len == 0 && k < SR_KEY_PRIVATE; k++)
		for (i = 0; cjk_aliases[k][i] != NULL; i++) {
			len = (int)strlen(cjk_aliases[k][i]);
			if (len > best_cjk && strstr(norm, cjk_aliases[k][i]) !=
			    NULL) {
				best_cjk = len;
				best = (sr_key)k;
			}
		}
	if (best_len == 0 && best_cjk == 0)
		best = weigh_words(norm, starts, nstarts);
	return best;
}

/* Whether word w (n bytes) is a misspelling of word p (m bytes): one
 * letter off in a word of four or more, two in one of eight or more. */
static bool
near_word(const char *w, size_t n, const char *p, size_t m, size_t *cost)
{
	size_t limit = sr_text_near_limit(m), dist;

	dist = sr_text_distance(w, n, p, m, limit);
	*cost += dist;
	return dist <= limit;
}

/* Whether phrase stands in norm word by word, each word the same or a
 * near miss; *cost is the letters changed. */
static bool
near_phrase(const char *norm, const size_t *starts, size_t nstarts,
    const char *phrase, size_t *cost)
{
	size_t i, k, n, m;
	const char *w, *p;

	for (i = 0; i < nstarts; i++) {
		*cost = 0;
		for (k = i, p = phrase; *p != '\0' && k < nstarts; k++) {
			w = norm + starts[k];
			n = strcspn(w, " ");
			m = strcspn(p, " ");
			if (!near_word(w, n, p, m, cost))
				break;
			p += m;
			if (*p == ' ')
				p++;
		}
		if (*p == '\0' && *cost > 0)
			return true;
	}
	return false;
}

bool
sr_section_suggest(const char *heading, sr_key *key, const char **phrase)
{
	char norm[1024];
	size_t i, nstarts = 0, starts[sizeof(norm) / 2], cost, best_cost = 0;
	int k, len, best_len = 0;

	normalize(heading, norm, sizeof(norm));
	for (i = 0; norm[i] != '\0'; i++)
		if (norm[i] == ' ' && norm[i + 1] != '\0')
			starts[nstarts++] = i + 1;
	for (k = 0; k < SR_KEY_PRIVATE; k++) {
		for (i = 0; aliases[k][i] != NULL; i++) {
			if (!near_phrase(norm, starts, nstarts, aliases[k][i],
			    &cost))
				continue;
			len = word_count(aliases[k][i]);
			if (len > best_len || (len == best_len &&
			    cost < best_cost)) {
				best_len = len;
				best_cost = cost;
				*key = (sr_key)k;
				*phrase = aliases[k][i];
			}
		}
	}
	return best_len > 0;
}

void
sr_section_normalize(const char *s, char *out, size_t size)
{
	normalize(s, out, size);
}

/*
 * Headings that match no question take the questions left between two
 * that do, when there are as many of each: notes answer the six
 * questions in the article's order, so "Where it clicked" and "Why I
 * want it" before "Caroline's advice" are excited_them and excited_me,
 * and "Wince" between "Their problems" and "Left unsaid" is
 * say_differently.  The start of the note (after its title) bounds the
 * first gap; headings after the last match stay unmatched, and so does
 * any gap that a Private section, an aside of the writer's ("Random",
 * "Logistics", "Questions I asked") or a repeated or out-of-order
 * question breaks.
 */
static const char *const aside_words[] = {"random", "misc",
	"miscellaneous", "logistics", "other", "notes", "questions i asked",
	"my questions", "i asked", "gut feeling", "feeling", "admin", "salary",
	"pay", "money", "parking", "overall", "summary", "vibe", "vibes",
	"thoughts", "general", "people", "who was there", "to do", "todo",
	NULL};

/* Whether a heading names an aside of the writer's ("Random", "Gut
 * feeling", "Questions I asked"): never one of the six questions. */
static bool
is_aside(const char *heading)
{
	char norm[1024];
	size_t i, starts[sizeof(norm) / 2], nstarts = 0;

	normalize(heading, norm, sizeof(norm));
	for (i = 0; norm[i] != '\0'; i++)
		if (norm[i] == ' ' && norm[i + 1] != '\0')
			starts[nstarts++] = i + 1;
	for (i = 0; aside_words[i] != NULL; i++)
		if (has_phrase(norm, starts, nstarts, aside_words[i]))
			return true;
	return false;
}

void
sr_section_infer(sr_section *s, size_t n)
{
	size_t i, j, gap_start = 0;
	int prev = -1; /* the last matched key; -1 the start; -2 none */
	bool deeper = false; /* a "#" heading over "##" ones is a title */

	for (i = 0; i < n; i++)
		if (s[i].level > 1)
			deeper = true;
	for (i = 0; i < n; i++) {
		if (s[i].line == 0 || (i == gap_start && prev == -1 &&
		    deeper && s[i].level == 1 && s[i].key == SR_KEY_OTHER)) {
			gap_start = i + 1; /* text before a heading, a title */
			continue;
		}
		if (s[i].key == SR_KEY_OTHER && !is_aside(s[i].heading))
			continue;
		if (s[i].key == SR_KEY_PRIVATE || s[i].key == SR_KEY_OTHER) {
			prev = -2;
			gap_start = i + 1;
			continue;
		}
		if (prev >= -1 && i > gap_start &&
		    (int)s[i].key - prev - 1 == (int)(i - gap_start))
			for (j = gap_start; j < i; j++)
				s[j].key = (sr_key)(prev + 1 + (int)(j - gap_start));
		prev = (int)s[i].key;
		gap_start = i + 1;
	}
}


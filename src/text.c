/*
 * text.c - what filters ask of a point's words: counting them, finding the
 * content words two texts share (case folded, plurals and -ing/-ed folded,
 * stop-words ignored, UTF-8 aware), and spotting quantities (numbers,
 * percentages, money, multipliers).  Exposed to Lua as sr.words,
 * sr.overlap, sr.terms and sr.has_quantity.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* Common English words, and number and time words, that say nothing about
 * what a point is about. */
static const char *const stop_words[] = {
	"about", "above", "after", "again", "against", "all",
	"also", "and", "any", "are", "around", "because",
	"been", "before", "being", "below", "between", "bit",
	"both", "but", "can", "could", "day", "days",
	"did", "does", "doing", "done", "down", "during",
	"each", "eight", "eleven", "even", "every", "few",
	"first", "five", "for", "four", "from", "get",
	"good", "got", "great", "had", "half", "has",
	"have", "having", "her", "here", "hers", "him",
	"his", "how", "hundred", "into", "its", "just",
	"last", "like", "lot", "lots", "made", "make",
	"many", "million", "month", "months", "more", "most",
	"much", "must", "need", "needs", "new", "next",
	"nine", "nor", "not", "now", "off", "once",
	"one", "only", "other", "our", "ours", "out",
	"over", "own", "really", "same", "second", "seven",
	"she", "should", "six", "some", "such", "ten",
	"than", "that", "the", "their", "theirs", "them",
	"then", "there", "these", "they", "thing", "things",
	"third", "this", "those", "thousand", "three", "through",
	"time", "times", "today", "too", "twelve", "two",
	"under", "until", "very", "want", "was", "way",
	"we", "week", "weeks", "well", "were", "what",
	"when", "where", "which", "while", "who", "whom",
	"why", "will", "with", "would", "year", "years",
	"you", "your", "yours",
	/* (and "week", "month" and "year" as a note writes them: "~3 wks"
	 * and "22-23 wks" are not one subject) */
	"wks", "yrs", "mos",
	/* (and a note's self-talk and reporting words: "lol", "dont", "said"
	 * are in everything and say nothing of what a point is about) */
	"lol", "ugh", "meh", "haha", "yeah", "kinda", "sorta", "dont",
	"didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "thats",
	"ive", "said", "says", "asked", "told", "tell", "tells", "think",
	"thought", "know", "see", "literally", "basically", "actually",
	"stuff",
};

#define N_STOP (sizeof(stop_words) / sizeof(stop_words[0]))
#define STOP_SLOTS 1024 /* a power of two, over three times N_STOP */
_Static_assert(N_STOP < 255 && STOP_SLOTS > 3 * N_STOP, "stop_slots");

/* An open-addressing index of stop_words (index + 1; 0 is empty), made on
 * the first look: each word of every point is looked up, and a binary
 * search cost a string comparison at each of its eight steps. */
static unsigned char stop_slots[STOP_SLOTS];
static unsigned char stop_len[N_STOP];

bool
sr_text_is_stop_word(const char *w)
{
	size_t n = strlen(w), i, k;

	if (stop_len[0] == 0) {
		for (k = 0; k < N_STOP; k++) {
			stop_len[k] = (unsigned char)strlen(stop_words[k]);
			i = sr_hash(SR_HASH_INIT, stop_words[k], stop_len[k]) &
			    (STOP_SLOTS - 1);
			while (stop_slots[i] != 0)
				i = (i + 1) & (STOP_SLOTS - 1);
			stop_slots[i] = (unsigned char)(k + 1);
		}
	}
	for (i = sr_hash(SR_HASH_INIT, w, n) & (STOP_SLOTS - 1);
	    stop_slots[i] != 0;
	    i = (i + 1) & (STOP_SLOTS - 1)) {
		k = stop_slots[i] - 1u;
		if (stop_len[k] == n && memcmp(stop_words[k], w, n) == 0)
			return true;
	}
	return false;
}

static inline bool
ascii_word_cp(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9');
}

bool
sr_text_is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_word_cp(cp);
	/* Letters of the Latin, Greek, Cyrillic and later blocks; symbols,
	 * punctuation and emoji are not word characters. */
	return !(cp <= 0xBF || cp == 0xD7 || cp == 0xF7 ||
	    (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
	    (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	    (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x1F000 && cp <= 0x1FAFF));
}

/* Chinese characters and Japanese kana: written without spaces, each
 * counts as a word (Korean puts spaces between its words). */
static bool
is_cjk(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 &&
	    cp <= 0x4DBF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 &&
	    cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* The code point at p (n bytes left) and its length; an invalid byte
 * reads as U+FFFD, one byte long.  ASCII takes the short way. */
static inline size_t
next_cp(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len;

	if (*p < 0x80) {
		*cp = *p;
		return 1;
	}
	if ((len = sr_utf8_decode(p, n, cp)) == 0) {
		*cp = 0xFFFD;
		len = 1;
	}
	return len;
}

/* sr_text_is_word_cp, with ASCII (most of any note) inline. */
static inline bool
word_cp(uint32_t cp)
{
	return cp < 0x80 ? ascii_word_cp(cp) : sr_text_is_word_cp(cp);
}

int
sr_text_words(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	bool counted = false;
	uint32_t cp;
	int words = 0;

	while (i < n) {
		len = next_cp(p + i, n - i, &cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
			counted = false;
		} else if (cp >= 0x3040 && is_cjk(cp)) {
			words++;
			counted = false; /* what follows is a word of its own */
		} else {
			if (!counted && word_cp(cp)) {
				words++;
				counted = true;
			}
		}
		i += len;
	}
	return words;
}

size_t
sr_text_fold(char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)w[i]);
	if (n > 3 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	if (n > 5 && memcmp(w + n - 3, "ies", 3) == 0) {
		n -= 2;
		w[n - 1] = 'y';
	} else if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0)
		n -= 3;
	else if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)
		n -= 2;
	else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		n -= 1;
	if (n > 4 && w[n - 1] == 'e')
		n -= 1; /* "schedule" and "schedul(ing)" */
	w[n] = '\0';
	return n;
}

/* One word's terms: each part of a hyphenated word ("offer-acceptance"
 * is "offer" and "acceptance", so it meets "lose candidates at offer
 * stage"), lower-cased and folded, of at least 3 letters and no stop word.
 * word and stem are buffers of 64 bytes; w holds wl < 64 bytes. */
static int
emit_parts(const unsigned char *w, size_t wl, char *word, char *stem,
    sr_term_fn *fn, void *arg)
{
	size_t a = 0, b, len;

	while (a < wl) {
		for (b = a; b < wl && w[b] != '-'; b++)
			;
		if (b - a >= 3) {
			for (len = 0; len < b - a; len++)
				word[len] = (char)tolower(w[a + len]);
			word[len] = '\0';
			if (!sr_text_is_stop_word(word)) {
				memcpy(stem, word, len + 1);
				sr_text_fold(stem, len);
				if (fn(arg, word, stem) != 0)
					return -1;
			}
		}
		a = b + 1;
	}
	return 0;
}

int
sr_text_terms(const char *s, size_t n, sr_term_fn *fn, void *arg)
{
	const unsigned char *p = (const unsigned char *)s;
	char word[64], stem[64];
	size_t i = 0, start, len, wl;
	uint32_t cp;
	bool has_letter, marker;

	while (i < n) {
		/* skip to a word */
		while (i < n) {
			len = next_cp(p + i, n - i, &cp);
			if (word_cp(cp) || cp == '\'' || cp == 0x2019)
				break;
			i += len;
		}
		start = i;
		has_letter = false;
		/* #tags and @mentions are notes to the tool, not words */
		marker = start > 0 && (p[start - 1] == '#' || p[start - 1] == '@');
		while (i < n) {
			len = next_cp(p + i, n - i, &cp);
			if (cp == 0x2019)
				cp = '\'';
			else if (cp == '&' && i > start && i + 1 < n &&
			    isupper(p[i - 1]) && isupper(p[i + 1]))
				; /* "M&E", "F&B", "R&D": one word */
			else if (!word_cp(cp) && cp != '\'' && cp != '-')
				break;
			if (cp >= 0x80 || isalpha((int)cp))
				has_letter = true;
			i += len;
		}
		wl = i - start;
		/* trim apostrophes and hyphens at the ends */
		while (wl > 0 && (p[start] == '\'' || p[start] == '-'))
			start++, wl--;
		while (wl > 0 && (p[start + wl - 1] == '\'' ||
		    p[start + wl - 1] == '-'))
			wl--;
		if (wl < 3 || wl >= sizeof(word) || !has_letter || marker)
			continue;
		if (emit_parts(p + start, wl, word, stem, fn, arg) != 0)
			return -1;
	}
	return 0;
}

/* Whether a small whole number names something rather than measures it:
 * "Level 2", "Year 3", "Key Stage 1", "Route 9", "OSHA 10" (the word
 * before it a label, or a name in capitals). */
static bool
is_label_number(const char *w, size_t wn, const char *t, size_t n)
{
	static const char *const labels[] = {"level", "year", "stage", "route",
	    "station", "band", "grade", "phase", "step", "version", "room",
	    "ward", "floor", "gate", "class", "tier", "zone", "season",
	    "chapter", "section", "part", "round", "unit", "platform", "line",
	    "building", "block", "bay", "terminal", "pod", "team", "squad"};
	size_t i, k, upper = 0;

	while (n > 0 && strchr(".,;:!?)\"'", t[n - 1]) != NULL)
		n--;
	if (n == 0 || n > 2 || wn == 0)
		return false;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)t[i]))
			return false;
	for (k = 0; k < sizeof(labels) / sizeof(*labels); k++)
		if (wn == strlen(labels[k]) && strncasecmp(w, labels[k], wn) == 0)
			return true;
	for (i = 0; i < wn; i++) {
		if (!isalpha((unsigned char)w[i]))
			return false;
		if (isupper((unsigned char)w[i]))
			upper++;
	}
	return wn >= 2 && upper == wn; /* OSHA 10, ICU 4 */
}

/* The edit distance (with transpositions) between a and b, stopping at
 * limit + 1. */
size_t
sr_text_distance(const char *a, size_t n, const char *b, size_t m,
    size_t limit)
{
	size_t d[3][33], i, j, best, *cur, *prev, *prev2;

	if (n > 32 || m > 32)
		return limit + 1;
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	for (j = 0; j <= m; j++)
		d[0][j] = j;
	for (i = 1; i <= n; i++) {
		cur = d[i % 3], prev = d[(i - 1) % 3], prev2 = d[(i + 1) % 3];
		cur[0] = i;
		best = i;
		for (j = 1; j <= m; j++) {
			size_t c = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < c)
				c = prev2[j - 2] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > limit)
			return limit + 1;
	}
	return d[n % 3][m] > limit ? limit + 1 : d[n % 3][m];
}

size_t
sr_text_near_limit(size_t len)
{
	return len >= 8 ? 2 : len >= 5 ? 1 : 0;
}

/* Whether the token (no blanks) reads as an amount. */
static bool
token_is_quantity(const char *t, size_t n)
{
	size_t i, digits = 0;
	bool colon = false;

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)t[i]))
			digits++;
		else if (t[i] == ':')
			colon = true;
	}
	if (digits == 0)
		return false;
	if (colon)
		return false; /* a time of day: 10:30 */
	/* strip trailing punctuation */
	while (n > 0 && strchr(".,;!?)\"'", t[n - 1]) != NULL)
		n--;
	if (n == 4 && digits == 4 && (memcmp(t, "19", 2) == 0 ||
	    memcmp(t, "20", 2) == 0))
		return false; /* a year */
	if (n == 2 && (t[0] == 'Q' || t[0] == 'q'))
		return false; /* a quarter */
	if (n >= 3 && (strncmp(t + n - 2, "am", 2) == 0 ||
	    strncmp(t + n - 2, "pm", 2) == 0) && isdigit((unsigned char)t[0]))
		return false; /* 3pm */
	return true;
}

bool
sr_text_has_quantity(const char *s, size_t n)
{
	static const struct {
		const char *word;
		size_t len;
	} multipliers[] = {{"doubled", 7}, {"tripled", 7}, {"quadrupled", 10},
	    {"halved", 6}, {"tenfold", 7}, {"twofold", 7}, {"threefold", 9}};
	size_t i = 0, start, k, prev = 0, prev_len = 0;

	while (i < n) {
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		start = i;
		while (i < n && !isspace((unsigned char)s[i]))
			i++;
		if (i == start)
			break;
		if (token_is_quantity(s + start, i - start) &&
		    !is_label_number(s + prev, prev_len, s + start, i - start))
			return true;
		prev = start;
		prev_len = i - start;
		for (k = 0; k < sizeof(multipliers) / sizeof(*multipliers); k++)
			if (i - start >= multipliers[k].len &&
			    (s[start] | 0x20) == multipliers[k].word[0] &&
			    strncasecmp(s + start, multipliers[k].word,
			    multipliers[k].len) == 0)
				return true;
	}
	return false;
}

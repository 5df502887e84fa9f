/* gen-notes: writes a deterministic corpus of realistic interview notes
 * (YAML front matter plus the six question sections) for secondround's
 * tests and benchmarks.  Same seed and arguments give byte-identical output
 * on every machine: it uses its own PRNG (splitmix64), never rand() or time.
 *
 *   gen-notes [-s SEED] [-n COUNT] [-b BYTES] DIR
 *
 * Without -b: COUNT notes (default 1000) of about 2.6 KB each, 100 per
 * sub-folder: DIR/000/note-00000.md ... DIR/001/note-00100.md ...
 * With -b: one note DIR/big-BYTES.md of about BYTES bytes.
 * Note i depends only on the seed and i, not on COUNT.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[below((r), (uint32_t)NELEM(a))])

#define MAX_COUNT 10000000u
#define MAX_BYTES (1024u * 1024u * 1024u)

/* ---------------------------------------------------------------- PRNG */

typedef struct {
    uint64_t s;
} Rng;

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static uint64_t next64(Rng *r)
{
    r->s += UINT64_C(0x9E3779B97F4A7C15);
    return mix64(r->s);
}

/* Uniform-enough integer in [0, n); n > 0. */
static uint32_t below(Rng *r, uint32_t n)
{
    return (uint32_t)((next64(r) >> 11) % n);
}

/* Integer in [lo, hi]. */
static unsigned range(Rng *r, unsigned lo, unsigned hi)
{
    return lo + below(r, hi - lo + 1);
}

/* True with probability pct percent. */
static int chance(Rng *r, unsigned pct)
{
    return below(r, 100) < pct;
}

/* ---------------------------------------------------------- string buf */

typedef struct {
    char *p;
    size_t len, cap;
    int oom;
} Buf;

static void buf_reserve(Buf *b, size_t extra)
{
    if (b->oom || b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->p = p;
    b->cap = cap;
}

static void put(Buf *b, const char *s)
{
    size_t n = strlen(s);
    buf_reserve(b, n);
    if (b->oom)
        return;
    memcpy(b->p + b->len, s, n + 1);
    b->len += n;
}

static void putf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    buf_reserve(b, (size_t)n);
    if (b->oom)
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void buf_truncate(Buf *b, size_t len)
{
    if (!b->oom && len < b->len) {
        b->len = len;
        b->p[len] = '\0';
    }
}

/* ---------------------------------------------------------- word pools */

enum { FEM, MASC, NEUT };

typedef struct {
    const char *name;  /* as written, UTF-8 */
    const char *ascii; /* lower-case ASCII for e-mail addresses and @mentions */
    int gender;
} First;

typedef struct {
    const char *name;
    const char *ascii;
} Last;

static const First first_ascii[] = {
    {"Maria", "maria", FEM},    {"Tom", "tom", MASC},       {"Priya", "priya", FEM},
    {"David", "david", MASC},   {"Grace", "grace", FEM},    {"Samuel", "samuel", MASC},
    {"Aisha", "aisha", FEM},    {"Daniel", "daniel", MASC}, {"Hannah", "hannah", FEM},
    {"Marcus", "marcus", MASC}, {"Emily", "emily", FEM},    {"Kenji", "kenji", MASC},
    {"Olivia", "olivia", FEM},  {"Rahul", "rahul", MASC},   {"Sarah", "sarah", FEM},
    {"Jonah", "jonah", MASC},   {"Laura", "laura", FEM},    {"Ben", "ben", MASC},
    {"Nadia", "nadia", FEM},    {"Victor", "victor", MASC}, {"Alex", "alex", NEUT},
    {"Jordan", "jordan", NEUT}, {"Sam", "sam", NEUT},       {"Chris", "chris", MASC},
    {"Fatima", "fatima", FEM},  {"Omar", "omar", MASC},     {"Ingrid", "ingrid", FEM},
    {"Leo", "leo", MASC},
};

static const First first_intl[] = {
    {"Zoë", "zoe", FEM},           {"José", "jose", MASC},         {"Łukasz", "lukasz", MASC},
    {"Søren", "soren", MASC},      {"Ana", "ana", FEM},            {"Björn", "bjorn", MASC},
    {"Chloé", "chloe", FEM},       {"Renée", "renee", FEM},        {"François", "francois", MASC},
    {"Siobhán", "siobhan", FEM},   {"Jürgen", "jurgen", MASC},     {"Małgorzata", "malgorzata", FEM},
    {"Çağla", "cagla", FEM},       {"Mónica", "monica", FEM},      {"Håkon", "hakon", MASC},
    {"Anaïs", "anais", FEM},
};

static const Last last_ascii[] = {
    {"Smith", "smith"},       {"Chen", "chen"},         {"Okafor", "okafor"},
    {"Patel", "patel"},       {"Novak", "novak"},       {"Berg", "berg"},
    {"Johnson", "johnson"},   {"Kim", "kim"},           {"Nakamura", "nakamura"},
    {"Schwartz", "schwartz"}, {"Rossi", "rossi"},       {"Kowalski", "kowalski"},
    {"Murphy", "murphy"},     {"Haddad", "haddad"},     {"Lindqvist", "lindqvist"},
    {"Brennan", "brennan"},   {"Osei", "osei"},         {"Fischer", "fischer"},
    {"Reyes", "reyes"},       {"Tanaka", "tanaka"},     {"O'Brien", "obrien"},
    {"Alvarez", "alvarez"},   {"Boyd", "boyd"},         {"Mensah", "mensah"},
    {"Larsen", "larsen"},     {"Ward", "ward"},
};

static const Last last_intl[] = {
    {"Müller", "muller"},       {"Álvarez", "alvarez"},     {"Wójcik", "wojcik"},
    {"Ødegård", "odegard"},     {"Conceição", "conceicao"}, {"Dvořák", "dvorak"},
    {"Nguyễn", "nguyen"},       {"Gómez", "gomez"},         {"Şahin", "sahin"},
    {"Håkansson", "hakansson"}, {"Lefèvre", "lefevre"},     {"Peña", "pena"},
    {"Brontë", "bronte"},       {"Kovačić", "kovacic"},
};

typedef struct {
    const char *name;
    const char *slug; /* e-mail domain is slug.example */
} Company;

static const Company companies[] = {
    {"Riverside Health", "riverside"},      {"Acme Robotics", "acme"},
    {"Northwind Logistics", "northwind"},   {"Bluefin Analytics", "bluefin"},
    {"Copperleaf Bank", "copperleaf"},      {"Harbor & Finch", "harborfinch"},
    {"Lumen Labs", "lumen"},                {"Greystone Insurance", "greystone"},
    {"Tidewater Energy", "tidewater"},      {"Pinecrest Schools", "pinecrest"},
    {"Orbital Freight", "orbital"},         {"Quillmark Publishing", "quillmark"},
    {"Sable Security", "sable"},            {"Brightpath Learning", "brightpath"},
    {"Meridian Foods", "meridian"},         {"Kestrel Aerospace", "kestrel"},
    {"Fernhill Retail", "fernhill"},        {"Atlas Payments", "atlaspay"},
    {"Cobalt Cloud", "cobalt"},             {"Juniper Clinics", "juniper"},
    {"Vantage Media", "vantage"},           {"Redwood Civic", "redwood"},
    {"Halcyon Games", "halcyon"},           {"Ironbridge Manufacturing", "ironbridge"},
    {"Mosaic HR", "mosaic"},                {"Nimbus Weather", "nimbus"},
    {"Café Nordlys", "nordlys"},            {"Société Lumière", "lumiere"},
    {"Wavecrest Telecom", "wavecrest"},     {"Stonefield Legal", "stonefield"},
};

static const char *const roles[] = {
    "Senior Backend Engineer",       "Director of Clinical Operations",
    "Product Manager, Payments",     "Staff Data Engineer",
    "Head of Customer Success",      "Engineering Manager",
    "Site Reliability Engineer",     "UX Research Lead",
    "VP of Finance",                 "Supply Chain Analyst",
    "Principal Security Engineer",   "Marketing Operations Manager",
    "Technical Program Manager",     "Clinical Nurse Manager",
    "Sales Director, EMEA",          "Machine Learning Engineer",
    "Platform Team Lead",            "Chief of Staff",
    "Operations Analyst",            "Frontend Developer",
    "Data Scientist",                "Head of Procurement",
    "Customer Support Manager",      "Controller",
};

static const char *const titles[] = {
    "CTO",         "COO",          "VP Engineering", "Head of Data",
    "Engineering Manager", "Recruiter", "Director of Product", "Staff Engineer",
    "Talent Partner", "CFO",       "Head of People", "Team Lead",
    "Chief Nursing Officer", "Principal Designer", "Hiring Manager",
};

static const char *const tones[] = {
    "warm", "formal", "concise", "enthusiastic", "plain", "friendly", "direct",
};

static const char *const tagpool[] = {
    "onsite",  "phone-screen", "final-round", "referral", "remote",
    "backend", "leadership",   "healthcare",  "fintech",  "panel",
    "second-round", "contract", "relocation", "urgent",
};

static const char *const offsets[] = {
    "-08:00", "-05:00", "-04:00", "+00:00", "+01:00", "+02:00", "+05:30", "+09:00", "Z",
};

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static const char *const down_things[] = {
    "churn", "the error rate", "ticket reopen rate", "cart abandonment",
    "on-call escalations", "staff turnover", "the defect rate", "invoice disputes",
    "failed deploys", "no-show appointments", "chargebacks", "late shipments",
};

static const char *const up_things[] = {
    "weekly active users", "qualified pipeline", "test coverage", "trial conversions",
    "partner revenue", "throughput", "repeat orders", "self-serve signups",
};

static const char *const cost_things[] = {
    "cloud spend", "vendor contracts", "freight", "licensing", "overtime",
    "agency fees", "data warehouse costs",
};

typedef struct {
    const char *what;
    unsigned lo, hi;
    const char *unit;
} Timed;

static const Timed timed_things[] = {
    {"p99 latency", 120, 900, "ms"},
    {"deploy time", 12, 90, "minutes"},
    {"onboarding time", 5, 30, "days"},
    {"the month-end close", 6, 15, "days"},
    {"time to first response", 4, 30, "hours"},
    {"ER wait times", 3, 6, "hours"},
    {"build times", 15, 60, "minutes"},
};

static const char *const projects[] = {
    "the billing migration",       "the self-serve onboarding rewrite",
    "the warehouse consolidation", "the data platform rebuild",
    "the pricing experiment",      "the mobile relaunch",
    "the SOC 2 audit",             "the on-call overhaul",
    "the CRM cutover",             "the partner API",
    "the night-shift pilot",       "the ERP upgrade",
    "the support-bot rollout",     "the checkout redesign",
};

static const char *const topics[] = {
    "incident response",     "hiring plans",       "stakeholder management",
    "budgeting",             "roadmap planning",   "vendor negotiation",
    "Kubernetes",            "data governance",    "pricing",
    "mentoring junior staff", "GDPR compliance",   "forecasting",
    "nurse retention",       "customer onboarding", "security reviews",
    "cross-team planning",
};

static const char *const methods[] = {
    "a weekly metrics review", "self-scheduling",       "a split-flow triage",
    "feature flags",           "a shared runbook",      "a pricing calculator",
    "a two-person review rule", "canary releases",      "a daily standup with ops",
    "a small tiger team",      "automated reconciliation", "a customer advisory board",
};

static const char *const teams[] = {
    "platform", "finance", "support", "nursing", "data", "growth",
    "security", "operations", "sales", "design", "logistics",
};

static const char *const chores[] = {
    "manual reconciliation", "re-running flaky tests", "chasing approvals",
    "copying data between spreadsheets", "triaging duplicate tickets",
    "rebuilding reports by hand", "waiting on pharmacy sign-off",
};

static const char *const systems[] = {
    "checkout service", "scheduling system", "data pipeline", "billing system",
    "search cluster", "patient portal", "order API",
};

static const char *const links[] = {
    "[the postmortem](https://example.org/pm)",
    "[their engineering blog](https://example.org/blog)",
    "[the Q3 report](https://example.org/reports/q3)",
    "[the careers page](https://example.org/careers)",
    "[the public roadmap](https://example.org/roadmap)",
};

static const char *const techs[] = {
    "Kubernetes", "Postgres", "Snowflake", "Rust", "a managed cloud", "Kafka", "Epic",
};

/* Clauses that lengthen a point now and then, per section. */
static const char *const them_tails[] = {
    "asked two follow-up questions", "took notes", "wrote that down",
    "asked me to send the numbers", "stopped checking the clock", "asked who else was involved",
};

static const char *const me_tails[] = {
    "; that is exactly the work I want next", ", and the role would own part of it",
    "; I asked twice to be sure", ", which nobody mentioned in the job ad",
};

static const char *const guidance_tails[] = {
    "; noted for the next round", "; the last candidate skipped this",
    "; worth a line in the follow-up", "; said twice, so it matters",
};

static const char *const problem_tails[] = {
    "; it hurts renewals", "; leadership calls it the top risk this year",
    ", and nobody owns it yet", "; the board asks about it every quarter",
};

/* ------------------------------------------------------------ the note */

typedef struct {
    const char *first, *first_ascii, *last, *last_ascii;
    int gender;
    const char *title;
} Person;

typedef struct {
    Rng rng;
    const Company *co;
    const char *prevco;
    Person iv[3];
    unsigned npanel; /* 0: one interviewer, else 2 or 3 */
    Person cand;
    int intl;
    const char *subj, *obj, *poss, *Poss;
    unsigned last_variant; /* template of the previous point in this section */
} Note;

static void pick_person(Rng *r, Person *p, int intl)
{
    const First *f;
    const Last *l;
    if (intl) {
        /* At least one part non-ASCII, usually both. */
        unsigned k = below(r, 4);
        f = k == 1 ? &PICK(r, first_ascii) : &PICK(r, first_intl);
        l = k == 2 ? &PICK(r, last_ascii) : &PICK(r, last_intl);
    } else {
        f = &PICK(r, first_ascii);
        l = &PICK(r, last_ascii);
    }
    p->first = f->name;
    p->first_ascii = f->ascii;
    p->gender = f->gender;
    p->last = l->name;
    p->last_ascii = l->ascii;
    p->title = PICK(r, titles);
}

static void put_email(Buf *b, const Person *p, const char *domain)
{
    putf(b, "%s.%s@%s", p->first_ascii, p->last_ascii, domain);
}

static void put_domain_email(Buf *b, const Note *n, const Person *p)
{
    char dom[64];
    snprintf(dom, sizeof dom, "%s.example", n->co->slug);
    put_email(b, p, dom);
}

static void put_date(Buf *b, Rng *r)
{
    unsigned y = chance(r, 85) ? 2026 : 2025;
    unsigned mo = range(r, 1, 12), d = range(r, 1, 28);
    unsigned h = range(r, 8, 17), mi = 15 * below(r, 4);
    unsigned form = below(r, 10);
    if (form < 4)
        putf(b, "date: %u-%02u-%02u %02u:%02u\n", y, mo, d, h, mi);
    else if (form < 7)
        putf(b, "date: %u-%02u-%02uT%02u:%02u:00%s\n", y, mo, d, h, mi, PICK(r, offsets));
    else
        putf(b, "date: %u-%02u-%02u\n", y, mo, d);
}

static void put_front_matter(Buf *b, Note *n)
{
    Rng *r = &n->rng;
    put(b, "---\n");
    if (chance(r, 5))
        putf(b, "company: \"%s\"\n", n->co->name);
    else
        putf(b, "company: %s\n", n->co->name);
    putf(b, "role: %s\n", PICK(r, roles));
    put_date(b, r);

    if (n->npanel) {
        put(b, "interviewers:\n");
        for (unsigned i = 0; i < n->npanel; i++) {
            const Person *p = &n->iv[i];
            if (chance(r, 40)) {
                putf(b, "  - %s %s\n", p->first, p->last);
            } else {
                putf(b, "  - name: %s %s\n    email: ", p->first, p->last);
                put_domain_email(b, n, p);
                putf(b, "\n    title: %s\n", p->title);
            }
        }
    } else {
        const Person *p = &n->iv[0];
        unsigned form = below(r, 20);
        if (form < 6) {
            putf(b, "interviewer: %s %s\n", p->first, p->last);
        } else if (form < 12) {
            putf(b, "interviewer: %s %s <", p->first, p->last);
            put_domain_email(b, n, p);
            put(b, ">\n");
        } else if (form < 18) {
            putf(b, "interviewer:\n  name: %s %s\n  email: ", p->first, p->last);
            put_domain_email(b, n, p);
            putf(b, "\n  title: %s\n", p->title);
        } else {
            putf(b, "interviewer: {name: %s %s, email: ", p->first, p->last);
            put_domain_email(b, n, p);
            putf(b, ", title: %s}\n", p->title);
        }
    }

    if (chance(r, 50)) {
        putf(b, "candidate: %s %s\n", n->cand.first, n->cand.last);
    } else {
        putf(b, "candidate:\n  name: %s %s\n  email: ", n->cand.first, n->cand.last);
        put_email(b, &n->cand, chance(r, 50) ? "example.org" : "mail.example");
        put(b, "\n");
    }
    putf(b, "tone: %s\n", PICK(r, tones));
    putf(b, "max_words: %u\n", 10 * range(r, 12, 20));

    unsigned ntags = range(r, 1, 3);
    unsigned t0 = below(r, (uint32_t)NELEM(tagpool));
    put(b, "tags: [");
    for (unsigned i = 0; i < ntags; i++)
        putf(b, "%s%s", i ? ", " : "", tagpool[(t0 + 3 * i) % NELEM(tagpool)]);
    put(b, "]\n");

    unsigned s = below(r, 100);
    if (s < 12) {
        put(b, "sent: true\n");
    } else if (s < 15) {
        unsigned mo = range(r, 1, 12);
        unsigned d = range(r, 1, 28);
        putf(b, "sent: 2026-%02u-%02u\n", mo, d);
    }
    put(b, "---\n");
}

/* Note on determinism: from here on every PRNG draw is its own statement.
 * C leaves the evaluation order of function arguments unspecified, so
 * putf(b, fmt, range(r, ...), PICK(r, ...)) would differ between compilers. */

/* Upper-cases the ASCII letter at b->p[at], to start a sentence. */
static void capitalise(Buf *b, size_t at)
{
    if (!b->oom && at < b->len && b->p[at] >= 'a' && b->p[at] <= 'z')
        b->p[at] = (char)(b->p[at] - 'a' + 'A');
}

/* An achievement with numbers, e.g. "cut churn from 9% to 4%". */
static void put_result(Buf *b, Rng *r, int bold)
{
    const char *em = bold ? "**" : "";
    switch (below(r, 6)) {
    case 0: {
        const char *what = PICK(r, down_things);
        unsigned a = range(r, 6, 30);
        unsigned c = range(r, 2, a - 2);
        putf(b, "%scut %s from %u%% to %u%%%s", em, what, a, c, em);
        break;
    }
    case 1: {
        const char *what = PICK(r, up_things);
        unsigned k = range(r, 2, 5);
        unsigned m = range(r, 4, 18);
        putf(b, "%sgrew %s %ux%s in %u months", em, what, k, em, m);
        break;
    }
    case 2: {
        unsigned m = range(r, 1, 9);
        unsigned d = below(r, 10);
        const char *what = PICK(r, cost_things);
        putf(b, "%ssaved $%u.%uM a year%s on %s", em, m, d, em, what);
        break;
    }
    case 3: {
        const Timed *t = &PICK(r, timed_things);
        unsigned a = range(r, t->lo, t->hi); /* lo >= 3, so the range below is not empty */
        unsigned c = range(r, a / 4 + 1, a / 2);
        putf(b, "%sbrought %s down from %u to %u %s%s", em, t->what, a, c, t->unit, em);
        break;
    }
    case 4: {
        const char *what = PICK(r, up_things);
        unsigned p = range(r, 12, 80);
        putf(b, "%sraised %s by %u%%%s", em, what, p, em);
        break;
    }
    default: {
        const char *what = PICK(r, down_things);
        unsigned p = range(r, 10, 60);
        putf(b, "%sreduced %s by %u%%%s", em, what, p, em);
        break;
    }
    }
}

static void put_name(Buf *b, Rng *r)
{
    const char *f = PICK(r, first_ascii).name;
    const char *l = PICK(r, last_ascii).name;
    putf(b, "%s %s", f, l);
}

/* Who said it: "@first " in panel notes now and then, else nothing. */
static const char *mention(Note *n)
{
    if (!n->npanel || !chance(&n->rng, 35))
        return NULL;
    return n->iv[below(&n->rng, n->npanel)].first_ascii;
}

/* A template number in [0, k) other than the previous point's, so that a
 * section does not say the same kind of thing twice in a row. */
static unsigned variant(Note *n, unsigned k)
{
    unsigned v;
    do
        v = below(&n->rng, k);
    while (v == n->last_variant);
    n->last_variant = v;
    return v;
}

enum { EXCITED_THEM, EXCITED_ME, GUIDANCE, PROBLEMS, SAY_DIFFERENTLY, NOT_SAID, NSECT };

static void put_point_text(Buf *b, Note *n, int key)
{
    Rng *r = &n->rng;
    int bold = chance(r, 25);
    const char *who = mention(n);
    size_t start = b->len;

    switch (key) {
    case EXCITED_THEM:
        if (who)
            putf(b, "@%s leaned in when I said I ", who);
        else
            put(b, PICK(r, ((const char *const[]){"When I explained how I ", "Telling how I ",
                                                  "The story of how I ",
                                                  "Describing how I "})));
        put_result(b, r, bold);
        putf(b, " at %s", n->prevco);
        if (chance(r, 40))
            putf(b, " with %s", PICK(r, methods));
        if (chance(r, 50))
            putf(b, "; %s %s", n->subj, PICK(r, them_tails));
        break;
    case EXCITED_ME:
        switch (variant(n, 6)) {
        case 0: {
            unsigned k = range(r, 2, 9);
            putf(b, "%s is opening %u new sites next year", n->co->name, k);
            break;
        }
        case 1: {
            const char *tech = PICK(r, techs);
            unsigned q = range(r, 1, 4);
            putf(b, "They are moving the whole platform to %s by Q%u", tech, q);
            break;
        }
        case 2: {
            const char *team = PICK(r, teams);
            const char *month = PICK(r, months);
            putf(b, "A new %s team starts in %s and this role would help shape it", team,
                 month);
            break;
        }
        case 3: {
            const char *team = PICK(r, teams);
            unsigned m = range(r, 1, 9);
            unsigned d = below(r, 10);
            putf(b, "The %s budget grows to $%u.%uM next year", team, m, d);
            break;
        }
        case 4: {
            unsigned k = range(r, 8, 40);
            putf(b, "They ship to %u countries and want %s", k,
                 bold ? "**3x that by 2028**" : "3x that by 2028");
            break;
        }
        default: {
            unsigned days = range(r, 5, 15);
            const char *topic = PICK(r, topics);
            putf(b, "Everyone gets %u days a year for %s", days, topic);
            break;
        }
        }
        if (chance(r, 55))
            put(b, PICK(r, me_tails));
        if (who)
            putf(b, " (@%s)", who);
        break;
    case GUIDANCE:
        if (who) {
            putf(b, "@%s: ", who);
            start = b->len; /* keep the word after "@who: " in lower case */
        }
        switch (variant(n, 6)) {
        case 0:
            putf(b, "the hiring manager cares most about %s", PICK(r, topics));
            break;
        case 1:
            putf(b, "read %s before the next round", PICK(r, links));
            break;
        case 2:
            putf(b, "bring numbers: the VP asks about %s every time", PICK(r, topics));
            break;
        case 3: {
            const char *em = bold ? "**" : "";
            putf(b, "keep the case study under %s%u minutes%s", em, range(r, 5, 20), em);
            break;
        }
        case 4: {
            put(b, "talk to ");
            put_name(b, r);
            const char *team = PICK(r, teams);
            const char *topic = PICK(r, topics);
            putf(b, " on the %s team about %s", team, topic);
            break;
        }
        default: {
            unsigned mins = 15 * range(r, 2, 6);
            const char *kind =
                PICK(r, ((const char *const[]){"case study", "panel", "system design session",
                                               "presentation", "take-home review"}));
            const char *team = PICK(r, teams);
            putf(b, "the next round is a %u-minute %s with the %s team", mins, kind, team);
            break;
        }
        }
        if (!who)
            capitalise(b, start);
        if (chance(r, 50))
            put(b, PICK(r, guidance_tails));
        break;
    case PROBLEMS:
        switch (variant(n, 6)) {
        case 0: {
            const char *what = PICK(r, down_things);
            unsigned a = range(r, 4, 20);
            unsigned c = a + range(r, 3, 15);
            const char *em = bold ? "**" : "";
            putf(b, "%s went from %u%% to %s%u%%%s in the last year", what, a, em, c, em);
            break;
        }
        case 1: {
            const char *team = PICK(r, teams);
            unsigned h = range(r, 6, 40);
            const char *chore = PICK(r, chores);
            putf(b, "The %s team loses about %u hours a week to %s", team, h, chore);
            break;
        }
        case 2: {
            const char *sys = PICK(r, systems);
            unsigned k = range(r, 3, 14);
            const char *month = PICK(r, months);
            putf(b, "Their %s falls over at peak: %u outages since %s, see %s", sys, k, month,
                 links[0]);
            break;
        }
        case 3: {
            unsigned open = range(r, 8, 40);
            const char *team = PICK(r, teams);
            unsigned rec = range(r, 1, 3);
            putf(b, "%u open roles on the %s team and only %u recruiter%s", open, team, rec,
                 rec == 1 ? "" : "s");
            break;
        }
        case 4: {
            unsigned days = range(r, 3, 21);
            const char *what =
                PICK(r, ((const char *const[]){"a refund", "onboarding", "a quote",
                                               "an appointment", "a replacement part"}));
            putf(b, "Customers wait %u days for %s", days, what);
            break;
        }
        default: {
            unsigned p = range(r, 15, 70);
            const char *proj = PICK(r, projects);
            putf(b, "Budget is flat but volume is up %u%% and %s is next", p, proj);
            break;
        }
        }
        capitalise(b, start);
        if (chance(r, 55))
            put(b, PICK(r, problem_tails));
        if (who)
            putf(b, " (@%s)", who);
        break;
    case SAY_DIFFERENTLY:
        switch (variant(n, 5)) {
        case 0:
            putf(b, "I said I had \"no interest\" in %s; I meant I prefer to own it with a "
                    "partner",
                 PICK(r, topics));
            break;
        case 1:
            putf(b, "I undersold %s: in fact I ", PICK(r, projects));
            put_result(b, r, bold);
            break;
        case 2: {
            const char *topic = PICK(r, topics);
            const char *method = PICK(r, methods);
            putf(b, "I rambled on the %s question; the short answer is %s", topic, method);
            break;
        }
        case 3: {
            unsigned a = range(r, 4, 12);
            unsigned c = a + range(r, 4, 20);
            putf(b, "I said my team was %u people; it was %u across two sites", a, c);
            break;
        }
        default: {
            const char *topic = PICK(r, topics);
            const char *method = PICK(r, methods);
            putf(b, "I called %s a weakness; better: I am improving it with %s", topic, method);
            break;
        }
        }
        if (who)
            putf(b, " (asked by @%s)", who);
        break;
    default: /* NOT_SAID */
        switch (variant(n, 4)) {
        case 0:
            putf(b, "At %s I ", n->prevco);
            put_result(b, r, bold);
            putf(b, " with %s", PICK(r, methods));
            break;
        case 1:
            putf(b, "During %s I ", PICK(r, projects));
            put_result(b, r, bold);
            if (chance(r, 50))
                putf(b, ", and it maps onto their %s problem", PICK(r, topics));
            break;
        case 2: {
            unsigned loops = range(r, 10, 80);
            const char *team = PICK(r, teams);
            unsigned a = range(r, 2, 6);
            unsigned c = a + range(r, 4, 25);
            putf(b, "I have run %u hiring loops and grew the %s team from %u to %u", loops,
                 team, a, c);
            break;
        }
        default:
            putf(b, "With %s I ", PICK(r, methods));
            put_result(b, r, bold);
            putf(b, " at %s", n->prevco);
            break;
        }
        if (who)
            putf(b, "; @%s would care", who);
        break;
    }
    if (chance(r, key == NOT_SAID ? 8 : 2))
        put(b, " #must");
}

/* A nested detail under a point: evidence for what the candidate did, or
 * a pointer for what the interviewer said. */
static void put_detail(Buf *b, Note *n, int key, unsigned indent)
{
    Rng *r = &n->rng;
    putf(b, "%*s- ", (int)indent, "");
    if (key == EXCITED_THEM || key == SAY_DIFFERENTLY || key == NOT_SAID) {
        switch (below(r, 5)) {
        case 0:
            putf(b, "numbers are in my %s", PICK(r, ((const char *const[]){
                                                "portfolio", "one-pager", "brag doc", "slides"})));
            break;
        case 1:
            put_name(b, r);
            putf(b, " at %s can confirm", n->prevco);
            break;
        case 2:
            putf(b, "ties to their %s problem", PICK(r, topics));
            break;
        case 3: {
            unsigned people = range(r, 3, 12);
            unsigned months_ = range(r, 2, 12);
            unsigned k = 10 * range(r, 5, 90);
            putf(b, "%u people, %u months, budget $%uk", people, months_, k);
            break;
        }
        default:
            putf(b, "%s seemed to care about this more than about %s", n->subj,
                 PICK(r, topics));
            break;
        }
    } else {
        switch (below(r, 5)) {
        case 0:
            putf(b, "see %s", PICK(r, links));
            break;
        case 1: {
            const char *month = PICK(r, months);
            unsigned d = range(r, 1, 28);
            putf(b, "follow up by %s %u", month, d);
            break;
        }
        case 2:
            putf(b, "my work on %s fits here", PICK(r, projects));
            break;
        case 3:
            putf(b, "ask how %s is measured in the next round", PICK(r, topics));
            break;
        default:
            put(b, "check with ");
            put_name(b, r);
            put(b, ", who used to work there");
            break;
        }
    }
    put(b, "\n");
}

static void put_heading(Buf *b, Note *n, int key)
{
    Rng *r = &n->rng;
    char tmp[80];
    const char *h = "";
    switch (key) {
    case EXCITED_THEM:
        switch (below(r, 5)) {
        case 0: h = "What excited them"; break;
        case 1: h = "What excited them?"; break;
        case 2: snprintf(tmp, sizeof tmp, "When did %s lean in?", n->subj); h = tmp; break;
        case 3: snprintf(tmp, sizeof tmp, "What excited %s", n->obj); h = tmp; break;
        default: snprintf(tmp, sizeof tmp, "When %s leaned in", n->subj); h = tmp; break;
        }
        break;
    case EXCITED_ME:
        h = PICK(r, ((const char *const[]){"What excited me", "What excited me?",
                                           "What got me excited", "Excited me"}));
        break;
    case GUIDANCE:
        switch (below(r, 4)) {
        case 0: snprintf(tmp, sizeof tmp, "%s guidance", n->Poss); h = tmp; break;
        case 1: h = "Guidance"; break;
        case 2: snprintf(tmp, sizeof tmp, "Guidance %s gave", n->subj); h = tmp; break;
        default: h = "Advice and guidance"; break;
        }
        break;
    case PROBLEMS:
        h = PICK(r, ((const char *const[]){"Their problems", "Pain points", "Challenges",
                                           "Problems they need to solve", "Their challenges"}));
        break;
    case SAY_DIFFERENTLY:
        h = PICK(r, ((const char *const[]){"Say differently", "What I'd redo",
                                           "What I'd say differently",
                                           "What I wish I had said differently"}));
        break;
    default:
        h = PICK(r, ((const char *const[]){"Didn't get to say", "Missed chances",
                                           "What I didn't get to say",
                                           "Wish I'd said"}));
        break;
    }
    putf(b, "%s %s\n", chance(r, 85) ? "##" : "###", h);
}

/* Writes a whole note of about `target` bytes into b.  Points are added to
 * each section until its share of the size budget is reached, so small
 * targets give ~20 points and big ones thousands. */
static void gen_note(Buf *b, Note *n, size_t target)
{
    Rng *r = &n->rng;

    n->co = &PICK(r, companies);
    do
        n->prevco = PICK(r, companies).name;
    while (n->prevco == n->co->name);
    n->intl = chance(r, 20);
    n->npanel = chance(r, 10) ? range(r, 2, 3) : 0;
    unsigned nper = n->npanel ? n->npanel : 1;
    for (unsigned i = 0; i < nper; i++) {
        int dup;
        do {
            pick_person(r, &n->iv[i], n->intl && (i == 0 || chance(r, 50)));
            dup = 0;
            for (unsigned j = 0; j < i; j++)
                dup |= strcmp(n->iv[j].first_ascii, n->iv[i].first_ascii) == 0;
        } while (dup);
    }
    pick_person(r, &n->cand, n->intl && chance(r, 50));

    int g = n->npanel ? NEUT : n->iv[0].gender;
    n->subj = g == FEM ? "she" : g == MASC ? "he" : "they";
    n->obj = g == FEM ? "her" : g == MASC ? "him" : "them";
    n->poss = g == FEM ? "her" : g == MASC ? "his" : "their";
    n->Poss = g == FEM ? "Her" : g == MASC ? "His" : "Their";

    put_front_matter(b, n);

    int order[NSECT];
    for (int i = 0; i < NSECT; i++)
        order[i] = i;
    if (chance(r, 10)) { /* now and then, two neighbouring sections swapped */
        unsigned k = below(r, NSECT - 1);
        int t = order[k];
        order[k] = order[k + 1];
        order[k + 1] = t;
    }

    unsigned weight[NSECT], wsum = 0;
    for (int i = 0; i < NSECT; i++) {
        weight[i] = range(r, 3, 5);
        wsum += weight[i];
    }
    int blank_after_heading = chance(r, 50);

    size_t start = b->len;
    size_t body = target > start ? target - start : 0;
    unsigned wacc = 0;
    for (int si = 0; si < NSECT; si++) {
        int key = order[si];
        wacc += weight[si];
        size_t budget = start + (size_t)((uint64_t)body * wacc / wsum);

        if (si > 0)
            put(b, "\n");
        put_heading(b, n, key);
        if (blank_after_heading)
            put(b, "\n");

        int ordered = chance(r, 8);
        n->last_variant = UINT32_MAX;
        unsigned npoints = 0;
        for (;;) {
            size_t before = b->len;
            unsigned indent = 2;
            if (ordered) {
                char marker[24];
                int w = snprintf(marker, sizeof marker, "%u. ", npoints + 1);
                put(b, marker);
                indent = (unsigned)w;
            } else {
                put(b, "- ");
            }
            put_point_text(b, n, key);
            put(b, "\n");
            if (chance(r, 40)) {
                put_detail(b, n, key, indent);
                if (chance(r, 15))
                    put_detail(b, n, key, indent);
            }
            if (b->oom)
                return;
            /* Keep the point if the section still needed at least half of it. */
            size_t plen = b->len - before;
            if (npoints >= 1 && before + plen / 2 > budget) {
                buf_truncate(b, before);
                break;
            }
            npoints++;
        }
    }
}

/* ------------------------------------------------------------- output */

static const char *prog = "gen-notes";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [-s SEED] [-n COUNT] [-b BYTES] DIR\n"
            "  -s SEED   PRNG seed (default 1)\n"
            "  -n COUNT  number of notes, 100 per sub-folder (default 1000)\n"
            "  -b BYTES  instead, write one note DIR/big-BYTES.md of about BYTES bytes\n",
            prog);
}

static int report(const char *path)
{
    fprintf(stderr, "%s: %s: %s\n", prog, path, errno ? strerror(errno) : "I/O error");
    return -1;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    size_t len = strlen(path);
    char *tmp = malloc(len + 1);
    if (!tmp) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return -1;
    }
    memcpy(tmp, path, len + 1);
    for (char *p = tmp + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(tmp, 0777) != 0) {
                int e = errno;
                struct stat st;
                if (e != EEXIST || stat(tmp, &st) != 0 || !S_ISDIR(st.st_mode)) {
                    errno = e == EEXIST ? ENOTDIR : e;
                    report(tmp);
                    free(tmp);
                    return -1;
                }
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    free(tmp);
    return 0;
}

static int write_file(const char *path, const Buf *b)
{
    errno = 0;
    FILE *f = fopen(path, "wb");
    if (!f)
        return report(path);
    errno = 0;
    if (fwrite(b->p, 1, b->len, f) != b->len) {
        int e = errno;
        fclose(f);
        errno = e;
        return report(path);
    }
    errno = 0;
    if (fclose(f) != 0)
        return report(path);
    return 0;
}

static int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = v;
    return 0;
}

static int join(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst, cap, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= cap) {
        fprintf(stderr, "%s: path too long\n", prog);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1, count = 1000, bytes = 0;
    int opt;
    while ((opt = getopt(argc, argv, "s:n:b:h")) != -1) {
        switch (opt) {
        case 's':
            if (parse_u64(optarg, UINT64_MAX, &seed) != 0) {
                fprintf(stderr, "%s: bad seed: %s\n", prog, optarg);
                usage(stderr);
                return 2;
            }
            break;
        case 'n':
            if (parse_u64(optarg, MAX_COUNT, &count) != 0) {
                fprintf(stderr, "%s: bad count (0..%u): %s\n", prog, MAX_COUNT, optarg);
                usage(stderr);
                return 2;
            }
            break;
        case 'b':
            if (parse_u64(optarg, MAX_BYTES, &bytes) != 0 || bytes == 0) {
                fprintf(stderr, "%s: bad size (1..%u): %s\n", prog, MAX_BYTES, optarg);
                usage(stderr);
                return 2;
            }
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc - 1 || argv[optind][0] == '\0') {
        usage(stderr);
        return 2;
    }
    const char *dir = argv[optind];
    if (make_dirs(dir) != 0)
        return 1;

    char path[4096];
    Buf b = {0};
    int rc = 0;
    if (bytes) {
        Note n = {.rng = {mix64(seed) ^ mix64(bytes ^ UINT64_C(0xB16B16B16))}};
        gen_note(&b, &n, (size_t)bytes);
        if (b.oom) {
            fprintf(stderr, "%s: out of memory\n", prog);
            rc = 1;
        } else if (join(path, sizeof path, "%s/big-%" PRIu64 ".md", dir, bytes) != 0 ||
                   write_file(path, &b) != 0) {
            rc = 1;
        }
    } else {
        uint64_t base = mix64(seed);
        for (uint64_t i = 0; i < count && rc == 0; i++) {
            if (i % 100 == 0) {
                if (join(path, sizeof path, "%s/%03" PRIu64, dir, i / 100) != 0 ||
                    make_dirs(path) != 0) {
                    rc = 1;
                    break;
                }
            }
            /* Each note has its own stream: note i is the same whatever COUNT is. */
            Note n = {.rng = {base ^ mix64(i + 1)}};
            /* Aim for 2.45-2.75 KB; a note lands within about half a point of it. */
            size_t target = 2450 + below(&n.rng, 301);
            buf_truncate(&b, 0);
            gen_note(&b, &n, target);
            if (b.oom) {
                fprintf(stderr, "%s: out of memory\n", prog);
                rc = 1;
            } else if (join(path, sizeof path, "%s/%03" PRIu64 "/note-%05" PRIu64 ".md", dir,
                            i / 100, i) != 0 ||
                       write_file(path, &b) != 0) {
                rc = 1;
            }
        }
    }
    free(b.p);
    return rc;
}

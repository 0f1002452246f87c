/*
 * compound.c - Swedish compounds' joints from the dictionary's words
 * (measure stage). See compound.h; the table's layout is in
 * src/gen/lexicon.c.
 *
 * Design notes
 *  - The table lies in the program's read-only data: nothing is loaded.
 *    It holds the words' hashes, not the words (src/gen/lexicon.c says
 *    why that is safe): a look-up is a hash and a probe or two in one
 *    place of 0.8 MB.
 *  - A word is read left to right as parts: a part that may begin or
 *    stand inside a compound (Hunspell's X or U flags, 3 letters or
 *    more), or any word of 4 letters or more (the dictionary does not
 *    flag every word that is used so: "bredd|införande"), optionally
 *    followed by the linking s (then any word of 4: "rätts|"), or a
 *    word with a linking vowel ("löne|", "skole|" of skola) or its
 *    final a dropped ("skol|"), from a list; a word of four letters ending in a
 *    consonant begins a word before one long last part ("stöd|insatser",
 *    not "demo|grafiska"); the last part is a word that may end a
 *    compound, perhaps inflected (the endings below). Every joint of
 *    every reading counts: a joint suppresses pattern breaks next to it,
 *    and is a break of its own.
 *  - Linear in the word for each start (a word is at most 63 letters):
 *    a few hundred look-ups for a long word, each a hash and a probe.
 */
#include "compound.h"
#include "lexicon.h"
#include "hyphen.h"

#include <endian.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern const unsigned char rp_lexicon[], rp_lexicon_end[];

/* The shortest parts: a first part flagged to begin compounds ("hem",
 * "barn"), a later one flagged so ("givar"), any other word ("bredd"),
 * the last part with its ending ("grad", "index"). Shorter ones find
 * false joints: "mini|mal", "verksam|het|s". */
enum { MAX = 63, MIN_FIRST = 3, MIN_MIDDLE = 4, MIN_WORD_PART = 5, MIN_LAST = 4, MIN_PART = 3, MIN_KNOWN_TAIL = 8,
       MIN_LONG_LAST = 6 };

/* The little-endian u64 at p (one load on a little-endian machine). */
static uint64_t rd64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return le64toh(v);
}

/* The word's bits (1 may begin a compound, 2 may end one), 0 if absent:
 * its slot is at or after its home slot, and before the first entry
 * nearer its own home (src/gen/lexicon.c places them so). */
static int lookup(const unsigned char *w, int n)
{
    size_t size = (size_t)(rp_lexicon_end - rp_lexicon);
    if (size < 8 || memcmp(rp_lexicon, "RPL3", 4) != 0 || n <= 0)
        return 0;
    uint64_t slots = rd64(rp_lexicon) >> 32;
    if (slots == 0 || 8 + LEXICON_FILTER + slots * 8 > size)
        return 0;
    uint64_t key = lexicon_key(lexicon_hash(w, (size_t)n));
    const unsigned char *block = rp_lexicon + 8 + lexicon_block(key);
    for (int i = 0; i < 3; i++) {
        unsigned b = lexicon_bit(key, i);
        if (!(block[b / 8] >> (b % 8) & 1))
            return 0;                   /* no word: the filter says so */
    }
    const unsigned char *tab = rp_lexicon + 8 + LEXICON_FILTER;
    uint64_t k = lexicon_home(key, slots);
    for (uint64_t d = 0; d < slots; d++) {
        uint64_t e = rd64(tab + k * 8);
        if ((e & ~(uint64_t)3) == key)
            return (int)(e & 3);
        if (!e || lexicon_dist(e, k, slots) < d)
            return 0;
        k = k + 1 < slots ? k + 1 : 0;
    }
    return 0;
}

/* Inflection endings a compound's last word may carry, by length. */
static const char *const endings[6][12] = {
    { NULL },
    { "s", "e", "a", "n", "t", NULL },
    { "en", "et", "er", "ar", "or", "na", "ns", "es", "as", "ts", "ad", "at" },
    { "ens", "ets", "ers", "ars", "ors", "nas", "are", "ade", "ast", "ats", "ern", "rna" },
    { "erna", "arna", "orna", "ande", "ende", "aste", "ades", "ares", "erns", "rnas", NULL },
    { "ernas", "arnas", "ornas", "andes", "endes", NULL },
};

/* Whether w[n-k..n) is one of the endings. */
static bool is_ending(const unsigned char *w, int n, int k)
{
    if (k < 1 || k > 5 || k > n)
        return false;
    const unsigned char *t = w + n - k;
    for (int e = 0; e < 12 && endings[k][e]; e++) {
        const char *s = endings[k][e];
        int i = 0;
        while (i < k && (unsigned char)s[i] == t[i])
            i++;
        if (i == k)
            return true;
    }
    return false;
}

/* The endings w[0..n) has: bit k for an ending of k letters. The same
 * for every part that ends the word, so found once per word. */
static int endings_of(const unsigned char *w, int n)
{
    int bits = 0;
    for (int k = 1; k <= 5; k++)
        if (is_ending(w, n, k))
            bits |= 1 << k;
    return bits;
}

/* w[a..b) is a word that may end a compound as it stands, or once the
 * inflection took its last letter: its final consonant doubled
 * ("program|met", "stam|men") or its final e or a dropped ("utövar|na"
 * of utövare, "flick|orna" of flicka). */
static bool stem_ends(const unsigned char *w, int a, int b, bool doubled)
{
    if (b - a >= MIN_PART && (lookup(w + a, b - a) & 2))
        return true;
    if (doubled && b - a - 1 >= MIN_PART && w[b - 1] == w[b - 2] && !strchr("aeiouy\xe5\xe4\xf6", w[b - 1]) &&
        (lookup(w + a, b - a - 1) & 2))
        return true;
    if (b - a < MIN_PART || b - a >= MAX)
        return false;
    unsigned char t[MAX + 1];
    memcpy(t, w + a, (size_t)(b - a));
    for (const char *v = "ea"; *v; v++) {
        t[b - a] = (unsigned char)*v;
        if (lookup(t, b - a + 1) & 2)
            return true;
    }
    return false;
}

/* w[a..n), after a part w[..a), is a suffix that happens to be a word
 * as well: a present participle ("vård|ande", "driv|ande"; after a
 * linking s it is a word: "tids|ande") or a verb's -era forms
 * ("värde|ring", "arvode|rade", "stadsplane|ring"). */
static bool false_last(const unsigned char *w, int a, int n)
{
    static const char *const participle[] = { "ande", "ende", "andes", "endes", NULL };
    static const char *const era[] = { "ring", "ringen", "ringar", "ringarna", "ringens", "rade", "rad",
                                       "rat", "rar", "rande", NULL };
    if (a < 2)
        return false;
    const char *const *list = w[a - 1] == 'e' && w[a] == 'r' ? era : w[a - 1] != 's' ? participle : NULL;
    for (int k = 0; list && list[k]; k++)
        if ((size_t)(n - a) == strlen(list[k]) && memcmp(w + a, list[k], (size_t)(n - a)) == 0)
            return true;
    return false;
}

/* w[a..n) is a word that may end a compound, perhaps inflected; `ends`
 * is endings_of(w, n). */
static bool last_part(const unsigned char *w, int a, int n, int ends)
{
    if (n - a < MIN_LAST || false_last(w, a, n))
        return false;
    if (lookup(w + a, n - a) & 2)
        return true;
    for (int k = 1; k <= 5 && n - a - k >= MIN_PART; k++)
        if ((ends >> k & 1) && stem_ends(w, a, n - k, k >= 2))
            return true;
    return false;
}

/* w[a..n) is a form of a word that its ending plainly makes: the word
 * as it stands and an ending ("sång|er"), or any one letter more
 * ("sänk|a", "sköt|t"); not "sålde" with its e dropped and -er. */
static bool plain_form(const unsigned char *w, int a, int n)
{
    if (n - a - 1 >= MIN_PART && is_ending(w, n, 1) && stem_ends(w, a, n - 1, false))
        return true;
    for (int k = 2; k <= 5 && n - a - k >= MIN_PART; k++)
        if (is_ending(w, n, k) && (lookup(w + a, n - a - k) & 2))
            return true;
    return false;
}

/* w[a..b) can be a part before others; `inner` for a part of a part,
 * which is never a short prefix ("för|rättningar", "åt|gärder"). */
static bool first_part(const unsigned char *w, int a, int b, bool inner)
{
    int len = b - a;
    if (len < MIN_PART)
        return false;
    int bits = lookup(w + a, len);
    return ((bits & 1) && len >= (a == 0 && !inner ? MIN_FIRST : MIN_MIDDLE)) || (bits && len >= MIN_WORD_PART);
}

bool compound_is_word(const unsigned char *w, int n)
{
    return n > 0 && n <= MAX && (lookup(w, n) || last_part(w, 0, n, endings_of(w, n)));
}

/* w[a..b) can be a part before a linking s: as first_part, or any word
 * of four letters ("rätts|organisation": the s says a part ends). */
static bool s_part(const unsigned char *w, int a, int b, bool inner)
{
    return first_part(w, a, b, inner) || (b - a >= MIN_MIDDLE && lookup(w + a, b - a));
}

/* w[b-1] is a linking s after the part w[a..b-1) (not part of a word
 * w[a..b)); a part that ends in s takes none ("senaps|stuvad", not
 * "senapss|tuvad"). */
static bool linking_s(const unsigned char *w, int a, int b, bool inner)
{
    return !first_part(w, a, b, inner) && w[b - 1] == 's' && w[b - 2] != 's' && s_part(w, a, b - 1, inner);
}

/* w[a..b) is one of the forms words take before another with a linking
 * vowel ("löne|satsningen" of lön, "kultur|skole|undervisning" of
 * skola, "gatu|kök", "hälso|central") or with their final a dropped
 * ("skol|området", "flick|gruppen" of skola, flicka). A list, not a
 * rule: any word and an e read "hyre|svärden" and "halko|lyckorna" as
 * well. */
static bool linking_vowel(const unsigned char *w, int a, int b)
{
    static const char *const forms[] = {
        "l\xf6ne", "skole", "r\xe4nte", "tj\xe4nste", "gatu", "kvinno", "m\xe4nnisko", "kyrko",
        "h\xe4lso", "flicko", "sago", "skol", "flick", "pojk", "kyrk", NULL,
    };
    int len = b - a;
    for (int k = 0; forms[k]; k++)
        if ((int)strlen(forms[k]) == len && !memcmp(w + a, forms[k], (size_t)len))
            return true;
    return false;
}

/* Whether the part w[a..b), before a next part that begins with an s
 * (w[b]), takes that s as its linking s instead, where both readings
 * are words: a part ending in -nad, -het, -else, -ion, -ing, -dom, -skap
 * or -tet always takes one ("kostnads|ökningen", "befolknings|ökningen").
 * So does any part before "ökning", but a few that search
 * ("under|sökningen"). Any other part keeps the reading the lengths
 * give: an s and a vowel begin many words ("barn|sånger", "mål|sägande"),
 * and a part that ends in s already takes no other ("databas|sökningen"). */
static bool takes_s(const unsigned char *w, int a, int b, int n, bool last)
{
    static const char *const obligatory[] = { "nad", "het", "else", "ion", "ing", "dom", "skap", "tet", NULL };
    /* parts that search ("under|sökningen", "fel|sökning") */
    static const char *const searching[] = { "under", "efter", "\xe5ter", "upp", "fel", "jobb", NULL };
    if (w[b] != 's' || !w[b + 1] || w[b - 1] == 's')
        return false;
    /* the last part a word as it stands, where with the s it is no
     * plain form of a word ("avgångs|ålder", not "avgång|sålder" of
     * "sålde"; but "barn|sånger", "värme|sänka") */
    if (last && (lookup(w + b + 1, n - b - 1) & 2) && !(lookup(w + b, n - b) & 2) && !plain_form(w, b, n))
        return true;
    /* "ökning" is the word of an economic report, "sökning" the rarer:
     * "intäkts|ökningen", "avgifts|ökningen", "bidrags|ökningen" */
    if (w[b + 1] == 0xf6 && w[b + 2] == 'k') {
        bool search = false;
        for (int k = 0; searching[k] && !search; k++)
            search = (int)strlen(searching[k]) == b - a && !memcmp(w + a, searching[k], (size_t)(b - a));
        if (!search)
            return true;
    }
    for (int k = 0; obligatory[k]; k++) {
        int len = (int)strlen(obligatory[k]);
        if (b - a > len && !memcmp(w + b - len, obligatory[k], (size_t)len))
            return true;
    }
    /* a part that is a compound itself, ending in a consonant, mostly
     * takes one ("sjukvårds|lagen", not "sjukvård|slagen"; "lastbils|
     * dörr"): Swedish links a compound to the next part with an s more
     * often than a simple word */
    if (!strchr("aeiouy\xe5\xe4\xf6", w[b - 1]))
        for (int c = a + MIN_MIDDLE; c <= b - MIN_MIDDLE; c++)
            if ((lookup(w + a, c - a) & 1) && (lookup(w + c, b - c) & 2))
                return true;
    return false;
}

/* The joints of the best reading of w[lo..hi) as two parts or more, in
 * joint[]; each part read again as parts of its own. The last part ends
 * the word (hi == n: a word that may end a compound, perhaps inflected;
 * `ends` is endings_of(w, n)) or stands before another (a part, perhaps
 * with a linking s of its own). Long parts score higher (the square of
 * their length), a linking s a little lower, so "under|skottet" wins
 * over "unders|kottet" and "arbets|marknads|nämnden" over shorter
 * pieces. The dictionary has many compounds whole ("säkerhetsåtgärd",
 * "arbetsmarknad"), which then win as one long part: their own joints
 * come from reading them again, with parts of four letters at least
 * ("trafik|säkerhets|åtgärder", not "åt|gärder"). From the end
 * backwards; a part is shorter than the word, so this ends. */
static int read_parts(const unsigned char *w, int lo, int hi, int n, int ends, unsigned char *joint, int depth)
{
    bool inner = lo > 0 || hi < n;             /* a part read again */
    int best[MAX + 1], next[MAX + 1];
    for (int a = hi; a >= lo; a--) {
        best[a] = -1;
        next[a] = hi;
        if (a > hi - MIN_LAST)
            continue;
        /* the whole is no reading */
        if (a > lo && (hi == n ? last_part(w, a, n, ends)
                               : first_part(w, a, hi, true) || linking_s(w, a, hi, true)))
            best[a] = (hi - a) * (hi - a);
        for (int b = a + MIN_PART; b <= hi - MIN_LAST; b++) {
            if (best[b] < 0)
                continue;
            int score = -1;
            if (first_part(w, a, b, inner) && !(b + 1 <= hi - MIN_LAST && best[b + 1] >= 0 && takes_s(w, a, b, n, hi == n && next[b + 1] == hi)))
                score = (b - a) * (b - a) + best[b];
            else if (w[b - 1] == 's' && w[b - 2] != 's' && s_part(w, a, b - 1, inner))
                score = (b - 1 - a) * (b - 1 - a) - 2 + best[b];
            else if (linking_vowel(w, a, b))
                score = (b - 1 - a) * (b - 1 - a) - 2 + best[b];
            else if (!inner && a == lo && b - a == MIN_MIDDLE && next[b] == hi && hi - b >= MIN_LONG_LAST &&
                     !strchr("aeiouy\xe5\xe4\xf6", w[b - 1]) && lookup(w + a, b - a))
                score = (b - a) * (b - a) - 4 + best[b];     /* "stöd|insatserna"; not "demo|grafiska" */
            if (score > best[a]) {
                best[a] = score;
                next[a] = b;
            }
        }
    }
    if (best[lo] < 0)
        return 0;
    int count = 0;
    for (int a = lo; a < hi; a = next[a]) {
        int b = next[a];
        if (b < hi) {
            joint[b] = (unsigned char)(depth < 2 ? depth + 1 : 3);
            count++;
        }
        int end = b < hi && linking_s(w, a, b, inner) ? b - 1 : b;
        if (end - a >= 2 * MIN_MIDDLE)
            count += read_parts(w, a, b, n, ends, joint, depth + 1);
    }
    return count;
}

/* The reading found ends in a part that is a compound of its own, A |
 * B C (the dictionary has "säkerhetsåtgärd", "trafikförsörjning"
 * whole, which the lengths prefer): whether the compound is A B | C
 * instead, as a Swedish compound of three mostly is (the last word is
 * what it is about): where B ends in a linking s ("trafik|säkerhets|
 * åtgärder", the s closes the part before it), or where A B is a word
 * ("kollektivtrafik|försörjning", "yrkeslärar|utbildningen"). Then B
 * C's joint is the word's first (rank 1) and A's the second:
 * "kollektivtrafik-/försörjning" rather than "kollektiv-/trafik-
 * försörjning". The joints are the same. */
static void left_branching(const unsigned char *w, int n, unsigned char *joint)
{
    int a = 0, b = -1, c = -1;
    for (int k = 1; k < n; k++)
        if (joint[k] == 1) {
            a = b < 0 ? 0 : b;
            b = k;
        }
    if (b < 0)
        return;
    for (int k = b + 1; k < n; k++)
        if (joint[k] == 2)
            c = k;
    if (c < 0)
        return;
    /* A B a word as it stands, before a linking s, or with its e or a
     * dropped ("yrkeslärar|utbildningen" of yrkeslärare) */
    int ab = w[c - 1] == 's' && !lookup(w + a, c - a) ? c - 1 : c;
    if (linking_s(w, b, c, true) || lookup(w + a, ab - a) || stem_ends(w, a, ab, false)) {
        joint[c] = 1;
        joint[b] = 2;
    }
}

/* A reading of three parts or more side by side, A | B | C (the
 * dictionary has "verksamhetsutvecklings" as a first part whole, so
 * "förskole|verksamhetsutvecklings|plan"): read as left_branching reads
 * its words, (A B) | C, the last joint the word's first, the others
 * second and the parts' own third, so a narrow cell divides it at its
 * last word first. */
static void last_joint_first(int n, unsigned char *joint)
{
    int last = -1, firsts = 0;
    for (int k = n - 1; k > 0; k--)
        if (joint[k] == 1 && firsts++ == 0)
            last = k;
    if (firsts < 2)
        return;
    /* the parts' own joints a step further down ("gatu|belysnings" in
     * "gatubelysnings|underhålls|avtal" after "gatubelysnings|") */
    for (int k = 1; k < n; k++)
        if (joint[k] == 2)
            joint[k] = 3;
    for (int k = 1; k < last; k++)
        if (joint[k] == 1)
            joint[k] = 2;
}

/* A reading A | B C of one joint whose B is too short to be read as a
 * part ("del|årsrapporten", "hel|årsprognosen": "år" has two letters,
 * and the dictionary has "årsrapport" whole): where A B is a word and a
 * linking s follows it (or A B s is a compound's first part, as the
 * dictionary's "delårs"), the word is A B | C ("delårs|rapporten"), and
 * A no joint (no "del-/årsrapporten"). */
static void short_middle(const unsigned char *w, int n, unsigned char *joint)
{
    int b = -1;
    for (int k = 1; k < n; k++)
        if (joint[k]) {
            if (b >= 0)
                return;
            b = k;
        }
    if (b < 0)
        return;
    int ends = endings_of(w, n);
    for (int c = b + 2; c <= b + MIN_PART && c <= n - MIN_LAST; c++)
        if (w[c - 1] == 's' && c - 1 >= MIN_WORD_PART && (lookup(w, c - 1) || (lookup(w, c) & 1)) &&
            last_part(w, c, n, ends)) {
            joint[b] = 0;
            joint[c] = 1;
            return;
        }
}

int compound_joints(const unsigned char *w, int n, unsigned char *joint)
{
    memset(joint, 0, (size_t)n + 1);
    if (n < MIN_FIRST + MIN_LAST || n > MAX)
        return 0;
    int count = read_parts(w, 0, n, n, endings_of(w, n), joint, 0);
    left_branching(w, n, joint);
    last_joint_first(n, joint);
    short_middle(w, n, joint);
    return count;
}

/* UTF-8 s[0..n) as lower-case ISO 8859-1 in w, with each letter's byte
 * offset in offs (and n after the last); its length, or -1. */
static int to_latin1(const char *s, size_t n, unsigned char *w, size_t *offs)
{
    int len = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = (unsigned char)s[i];
        size_t at = i++;
        if (c >= 0x80) {
            if ((c & 0xE0) != 0xC0 || i >= n)
                return -1;
            c = (c & 0x1F) << 6 | ((unsigned char)s[i++] & 0x3F);
        }
        if (len == MAX)
            return -1;
        if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
            c += 32;
        offs[len] = at;
        w[len++] = (unsigned char)c;
    }
    offs[len] = n;
    return len;
}

bool compound_undivided(const char *s, size_t n)
{
    static const char *const words[] = {      /* in ISO 8859-1 */
        "alltj\xe4mt", "allts\xe5", "dessf\xf6rinnan", "dessutom", "d\xe4rav", "d\xe4remot", "d\xe4refter",
        "d\xe4rf\xf6r", "d\xe4rifr\xe5n", "d\xe4rigenom", "d\xe4rmed", "d\xe4rp\xe5", "d\xe4rtill",
        "d\xe4runder", "d\xe4rut\xf6ver", "d\xe4rvid", "eftersom", "emellertid", "fortfarande", "framf\xf6rallt",
        "fram\xf6ver", "h\xe4rav", "h\xe4refter",
        "h\xe4rigenom", "h\xe4rmed", "h\xe4rtill", "h\xe4rvid", "huruvida", "ingalunda", "ingenstans",
        "ingenting", "n\xe5gonsin", "n\xe5gonstans", "n\xe5gonting", "varandra", "varav", "varefter",
        "varf\xf6r", "varifr\xe5n", "varmed", "varp\xe5", "vartill", "naturligtvis", "tillsammans",
        "\xe5tminstone", "\xf6verhuvudtaget", "allteftersom",
    };
    unsigned char w[MAX + 1];
    size_t offs[MAX + 2];
    int len = n <= 32 ? to_latin1(s, n, w, offs) : -1;
    if (len < 5 || len > 15)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == (size_t)len && !memcmp(words[i], w, (size_t)len))
            return true;
    return false;
}

bool compound_known(const char *s, size_t n)
{
    unsigned char w[MAX + 1], joint[MAX + 1];
    size_t offs[MAX + 2];
    int len = to_latin1(s, n, w, offs);
    if (len <= 0)
        return false;
    return compound_is_word(w, len) || compound_joints(w, len, joint) > 0;
}

int compound_tail(const char *s, size_t n)
{
    unsigned char w[MAX + 1];
    size_t offs[MAX + 2];
    int len = to_latin1(s, n, w, offs);
    if (len <= 0)
        return -1;
    int ends = endings_of(w, len);
    for (int a = MIN_FIRST; a <= len - MIN_KNOWN_TAIL; a++)
        if (last_part(w, a, len, ends))
            return (int)offs[a];
    return -1;
}

int compound_adjust(const char *s, size_t n, unsigned char *ok, int left, int right)
{
    unsigned char w[MAX + 1];
    size_t offs[MAX + 2];
    int len = to_latin1(s, n, w, offs);
    if (len < 0)
        return -1;
    unsigned char joint[MAX + 1];
    int count = 0;
    compound_joints(w, len, joint);
    for (int k = 1; k < len; k++) {
        size_t at = offs[k];
        int near = 0;                   /* a joint within two letters, not here */
        for (int d = -2; d <= 2; d++)
            if (d && k + d > 0 && k + d < len && joint[k + d])
                near = 1;
        /* an inflection ending alone on the next line: "förvaltning-ens" */
        bool stub = len - k <= 5 && is_ending(w, len, len - k) && (lookup(w, k) & 2);
        if (joint[k] && k >= left && len - k >= right) {
            ok[at] = (unsigned char)(joint[k] + 1);
            count++;
        } else if (ok[at] && ((near && !joint[k]) || stub)) {
            ok[at] = 0;                 /* "konsekven-sanalys" */
        } else if (ok[at]) {
            count++;
        }
    }
    return count;
}

int compound_points(Hyphenator *h, int left, int right, const char *s, size_t n, unsigned char *ok)
{
    return hyphen_points(h, s, n, ok) > 0 && compound_adjust(s, n, ok, left, right) != 0;
}

void compound_release(void)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0)
        return;
    uintptr_t a = ((uintptr_t)rp_lexicon + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t b = (uintptr_t)rp_lexicon_end & ~((uintptr_t)page - 1);
    if (b > a)      /* the table is read-only data of the program: read again if touched */
        madvise((void *)a, b - a, MADV_DONTNEED);
}

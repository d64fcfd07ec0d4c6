/* Compiled twins of ce_letters' per-character proofs: looks_anyway, _odd_chars,
 * has_out_of_place, _loose and _marks (references: the Python functions of the same names, *_py).  They read
 * what each character below a limit (letter_places.LIMIT) is from tables that
 * textfix.repair.letter_places works out with the reference definitions and hands over to
 * init_letters; a line with a character beyond the limit gets None (the caller then asks
 * Python).  Included by _cgates.c.
 */

/* Flags of one character (32 bits; letter_places.FLAGS names them in this order). */
#define L_WORD (1u << 0)      /* a character of ce_letters.TOKEN_SIGNS_RE's class */
#define L_TOKEN (1u << 1)     /* a character of model.TOKEN_RE */
#define L_ALPHA (1u << 2)     /* ch.isalpha() */
#define L_UPPER (1u << 3)     /* ch.isupper() */
#define L_LOWER (1u << 4)     /* ch.islower() */
#define L_ASCII_LETTER (1u << 5) /* ce_letters._ASCII_LETTER */
#define L_PROSE (1u << 6)     /* ce_letters.PROSE_SIGNS */
#define L_AFTER (1u << 7)     /* ce_letters.AFTER_LETTERS */
#define L_INVERTED (1u << 8)  /* ce_letters.INVERTED */
#define L_TRAILING (1u << 9)  /* ce_letters.TRAILING */
#define L_ELA (1u << 10)      /* the middle dot of Catalan's "l·l" */
#define L_ELL (1u << 11)      /* "l" or "L" */
#define L_SHARP (1u << 12)    /* "ß" */
#define L_VOWEL_LOW (1u << 13) /* ce_letters._vowel(ch.lower()) */
#define L_IRISH (1u << 14)    /* ce_letters.IRISH_PREFIXES */
#define L_UNOWNED (1u << 15)  /* ch.islower() and no modelled Latin alphabet holds _lower(ch) */
#define L_GRAVE (1u << 16)    /* ce_letters.TONE_GRAVES */
#define L_DOS (1u << 17)      /* ce_letters._dos_changed() */
#define L_CHANGED (1u << 18)  /* ce_letters._letter_changed() */
#define L_CONSONANT (1u << 19) /* ce_letters._CONSONANTS */
#define L_NBSP (1u << 20)     /* the no-break space */
#define L_KIND_SHIFT 21       /* ce_letters._odd_kind, two bits */
#define L_KIND_MASK (3u << L_KIND_SHIFT)
#define L_KIND(f) (((f) >> L_KIND_SHIFT) & 3u)
#define KIND_UNOWNED 1u /* ce_letters.UNOWNED, PLACED, CAPITAL (PLAIN is 0) */
#define KIND_PLACED 2u
#define KIND_CAPITAL 3u

typedef struct {
    uint32_t a, b; /* a bigram's two code points (a == EMPTY_BIGRAM: a free slot) */
    uint64_t mask; /* the languages (by model bit) that write it more often than PLACE_RARE */
} Bigram;

#define EMPTY_BIGRAM 0xFFFFFFFFu

static PyObject *letters_owner = NULL; /* the tables handed over, kept alive */
static Py_UCS4 letter_limit = 0;       /* the tables cover the characters below it */
static const uint32_t *letter_flags;   /* per character */
static const uint16_t *letter_lower;   /* line_language._lower (one BMP code point) */
static const uint64_t *letter_owners;  /* ce_letters._owner_mask of the character */
static Bigram *bigrams = NULL;         /* open addressing, bigram_slots of them */
static size_t bigram_slots = 0;
static uint64_t bigram_absent = 0;     /* the languages that write a missing bigram so */

#define LETTER_BYTES (4 + 2 + 8) /* per character */

static size_t
bigram_hash(uint32_t a, uint32_t b)
{
    return (size_t)(((uint64_t)a * 0x9E3779B1u) ^ ((uint64_t)b * 0x85EBCA77u));
}

static uint64_t
bigram_mask(uint32_t a, uint32_t b)
{
    for (size_t h = bigram_hash(a, b) & (bigram_slots - 1);; h = (h + 1) & (bigram_slots - 1)) {
        if (bigrams[h].a == EMPTY_BIGRAM)
            return bigram_absent;
        if (bigrams[h].a == a && bigrams[h].b == b)
            return bigrams[h].mask;
    }
}

/* init_letters(tables, bigrams, absent): tables are the owner masks (8 bytes each), flags (4)
 * and lower case (2) of every character below the limit, in that order, native-endian;
 * bigrams holds (a | b << 32, mask) records of two native uint64. */
static PyObject *
init_letters(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *tables;
    Py_buffer grams;
    unsigned long long absent;
    if (!PyArg_ParseTuple(args, "Sy*K:init_letters", &tables, &grams, &absent))
        return NULL;
    size_t size = (size_t)PyBytes_GET_SIZE(tables), limit = size / LETTER_BYTES;
    if (size % (8 * LETTER_BYTES) != 0 || limit < 0x100 || limit > BMP || grams.len % 16 != 0) {
        PyBuffer_Release(&grams);
        PyErr_SetString(PyExc_ValueError, "init_letters: tables of the wrong size");
        return NULL;
    }
    size_t n = (size_t)grams.len / 16, slots = 16;
    while (slots < 2 * n + 2)
        slots *= 2;
    Bigram *table = PyMem_Malloc(slots * sizeof(Bigram));
    if (table == NULL) {
        PyBuffer_Release(&grams);
        return PyErr_NoMemory();
    }
    for (size_t h = 0; h < slots; h++)
        table[h].a = EMPTY_BIGRAM;
    const unsigned char *rec = grams.buf;
    for (size_t k = 0; k < n; k++, rec += 16) {
        Bigram g;
        uint64_t pair;
        memcpy(&pair, rec, 8);
        memcpy(&g.mask, rec + 8, 8);
        g.a = (uint32_t)pair;
        g.b = (uint32_t)(pair >> 32);
        size_t h = bigram_hash(g.a, g.b) & (slots - 1);
        while (table[h].a != EMPTY_BIGRAM && (table[h].a != g.a || table[h].b != g.b))
            h = (h + 1) & (slots - 1);
        table[h] = g;
    }
    PyBuffer_Release(&grams);
    PyMem_Free(bigrams);
    bigrams = table;
    bigram_slots = slots;
    bigram_absent = absent;
    Py_INCREF(tables);
    Py_XSETREF(letters_owner, tables);
    /* (bytes objects keep their data aligned well beyond 8 bytes; each table starts at a
     * multiple of 8 * 8 bytes from it) */
    const char *base = PyBytes_AS_STRING(tables);
    letter_owners = (const uint64_t *)base;
    letter_flags = (const uint32_t *)(base + limit * 8);
    letter_lower = (const uint16_t *)(base + limit * 12);
    letter_limit = (Py_UCS4)limit;
    Py_RETURN_NONE;
}

/* A line of characters below the limit: 1, or 0 (None to return: a character beyond it) or
 * -1 (an error: not a str, or no tables). */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Line;

static int
letters_line(PyObject *text, Line *line)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "a str is needed");
        return -1;
    }
    if (letters_owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_letters was not called");
        return -1;
    }
    line->kind = PyUnicode_KIND(text);
    line->data = PyUnicode_DATA(text);
    line->n = PyUnicode_GET_LENGTH(text);
    if (line->kind == PyUnicode_1BYTE_KIND)
        return 1; /* (the limit is 0x100 or more) */
    if (line->kind != PyUnicode_2BYTE_KIND)
        return 0;
    const Py_UCS2 *chars = line->data;
    for (Py_ssize_t i = 0; i < line->n; i++)
        if (chars[i] >= letter_limit)
            return 0;
    return 1;
}

/* Read text into *l, or return None (a character beyond the limit) or NULL (an error). */
#define LINE_OR_RETURN(text, l)                                                               \
    do {                                                                                      \
        int ok_ = letters_line((text), (l));                                                  \
        if (ok_ <= 0)                                                                         \
            return ok_ < 0 ? NULL : Py_NewRef(Py_None);                                       \
    } while (0)

#define CH(l, i) PyUnicode_READ((l)->kind, (l)->data, (i))
#define FL(l, i) letter_flags[CH(l, i)]

/* Some character of the line has a flag of mask (most lines have none that matters). */
static int
any_flag(const Line *l, uint32_t mask)
{
    for (Py_ssize_t i = 0; i < l->n; i++)
        if (FL(l, i) & mask)
            return 1;
    return 0;
}

/* ce_letters.looks_anyway: nbsp_in_word, sign_after_word or sharp_s_after_consonant. */
static PyObject *
looks_anyway(PyObject *Py_UNUSED(module), PyObject *text)
{
    Line l;
    LINE_OR_RETURN(text, &l);
    for (Py_ssize_t i = 1; i < l.n; i++) {
        uint32_t f = FL(&l, i);
        if ((f & L_SHARP) && (FL(&l, i - 1) & L_CONSONANT))
            Py_RETURN_TRUE;
        if (i < 2 || !(f & (L_NBSP | L_TRAILING)))
            continue;
        if (!(FL(&l, i - 2) & FL(&l, i - 1) & L_TOKEN))
            continue;
        int end = i + 1 == l.n;
        uint32_t after = end ? 0 : FL(&l, i + 1);
        if (f & L_NBSP) { /* (before a letter, a space or the end) */
            if (end || CH(&l, i + 1) == ' ' || (after & L_TOKEN))
                Py_RETURN_TRUE;
        }
        else if (!(after & L_TOKEN)) { /* (a trailing sign before no letter) */
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

/* ce_letters.misplaced(word, i) of the word line[s:e], at i. */
static int
misplaced_at(const Line *l, Py_ssize_t s, Py_ssize_t e, Py_ssize_t i, int ascii_letter)
{
    Py_UCS4 ch = CH(l, i);
    uint32_t f = letter_flags[ch];
    if (ch < 0x80 || (f & L_PROSE))
        return 0;
    uint32_t before = i > s ? FL(l, i - 1) : 0, after = i + 1 < e ? FL(l, i + 1) : 0;
    if (!(f & L_TOKEN)) {
        /* (word[i - 1 : i] in "lL" holds for "" too: at either end of the word) */
        if ((f & L_ELA) && (i == s || (before & L_ELL)) && (i + 1 == e || (after & L_ELL)))
            return 0;
        if (f & L_INVERTED)
            return (before & L_ALPHA) && (i + 1 == e || (after & L_LOWER));
        if (f & L_AFTER)
            return (before & L_ALPHA) && ((after & L_ALPHA) || (f & L_TRAILING));
        return 1;
    }
    if (f & L_SHARP)
        return (before & L_ALPHA) && !(before & L_VOWEL_LOW);
    if (f & L_UPPER) {
        if (i == s + 1 && (before & L_IRISH))
            return 0;
        return (before & L_LOWER) || (i == s + 1 && (before & L_UPPER) && (after & L_LOWER));
    }
    return (f & L_UNOWNED) && ascii_letter;
}

/* ce_letters._out_of_place(word, i) of the word line[s:e], at i. */
static int
out_of_place_at(const Line *l, Py_ssize_t s, Py_ssize_t e, Py_ssize_t i)
{
    Py_UCS4 ch = CH(l, i);
    if (letter_flags[ch] & L_GRAVE)
        return 0;
    uint32_t mid = letter_lower[ch];
    /* (a lower case beyond the limit, Cherokee's, is no modelled Latin letter) */
    uint64_t owners = mid < letter_limit ? letter_owners[mid] : 0;
    if (!owners)
        return 0;
    uint32_t before = ' ', after = ' ';
    if (i > s && (FL(l, i - 1) & L_ALPHA))
        before = letter_lower[CH(l, i - 1)];
    if (i + 1 < e && (FL(l, i + 1) & L_ALPHA))
        after = letter_lower[CH(l, i + 1)];
    return !(owners & bigram_mask(before, mid) & bigram_mask(mid, after));
}

/* The end of the word (a run of two or more L_WORD characters: TOKEN_SIGNS_RE.findall)
 * starting at or after *start, or -1; *start becomes its first character. */
static Py_ssize_t
next_word(const Line *l, Py_ssize_t *start)
{
    Py_ssize_t i = *start;
    while (i < l->n) {
        while (i < l->n && !(FL(l, i) & L_WORD))
            i++;
        Py_ssize_t s = i;
        while (i < l->n && (FL(l, i) & L_WORD))
            i++;
        if (i - s >= 2) {
            *start = s;
            return i;
        }
    }
    return -1;
}

/* Add the character ch to the set (-1 on an error). */
static int
add_char(PyObject *set, Py_UCS4 ch)
{
    PyObject *one = PyUnicode_FromOrdinal(ch);
    int added = one == NULL ? -1 : PySet_Add(set, one);
    Py_XDECREF(one);
    return added;
}

/* ce_letters._odd_chars: a new set of the characters standing misplaced or (letters of
 * _dos_changed) out of place somewhere in a word. */
static PyObject *
odd_chars(PyObject *Py_UNUSED(module), PyObject *text)
{
    Line l;
    LINE_OR_RETURN(text, &l);
    PyObject *odd = PySet_New(NULL);
    if (odd == NULL)
        return NULL;
    int any = any_flag(&l, L_KIND_MASK); /* (a character of a kind that may stand so) */
    Py_ssize_t s = 0, e;
    while (any && (e = next_word(&l, &s)) >= 0) {
        int ascii_letter = 0;
        for (Py_ssize_t i = s; i < e && !ascii_letter; i++)
            ascii_letter = (FL(&l, i) & L_ASCII_LETTER) != 0;
        for (Py_ssize_t i = s; i < e; i++) {
            uint32_t f = FL(&l, i), kind = L_KIND(f);
            int found;
            if (kind == KIND_UNOWNED)
                found = ascii_letter;
            else if (kind == KIND_PLACED || (kind == KIND_CAPITAL && i > s))
                found = misplaced_at(&l, s, e, i, ascii_letter) ||
                        ((f & L_DOS) && out_of_place_at(&l, s, e, i));
            else
                continue;
            if (found && add_char(odd, CH(&l, i)) < 0) {
                Py_DECREF(odd);
                return NULL;
            }
        }
        s = e;
    }
    return odd;
}

/* ce_letters.has_out_of_place: a letter of _letter_changed out of place in some word. */
static PyObject *
out_of_place(PyObject *Py_UNUSED(module), PyObject *text)
{
    Line l;
    LINE_OR_RETURN(text, &l);
    int any = any_flag(&l, L_CHANGED); /* (a letter the letter steps change) */
    Py_ssize_t s = 0, e;
    while (any && (e = next_word(&l, &s)) >= 0) {
        for (Py_ssize_t i = s; i < e; i++)
            if ((FL(&l, i) & L_CHANGED) && out_of_place_at(&l, s, e, i))
                Py_RETURN_TRUE;
        s = e;
    }
    Py_RETURN_FALSE;
}

/* ce_letters._loose(word, letters): a new frozenset of the non-ASCII characters of word
 * standing somewhere neither misplaced nor (with letters) out of place as letters of
 * _letter_changed. */
static PyObject *
loose(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *word;
    int letters;
    if (!PyArg_ParseTuple(args, "Up:loose", &word, &letters))
        return NULL;
    Line l;
    LINE_OR_RETURN(word, &l);
    int ascii_letter = any_flag(&l, L_ASCII_LETTER);
    PyObject *found = PyFrozenSet_New(NULL);
    for (Py_ssize_t i = 0; found != NULL && i < l.n; i++) {
        if (CH(&l, i) < 0x80 || misplaced_at(&l, 0, l.n, i, ascii_letter))
            continue;
        if (letters && (FL(&l, i) & L_CHANGED) && out_of_place_at(&l, 0, l.n, i))
            continue;
        if (add_char(found, CH(&l, i)) < 0) /* (a brand-new frozenset may be filled so) */
            Py_CLEAR(found);
    }
    return found;
}

/* ce_letters._marks(before, word, places_of), places_of given as the flag of its letters
 * (L_CHANGED, L_DOS or 0): the places before's repair word changes that stand misplaced,
 * and those of letters of places_of out of place, as two new sets; None when the lengths
 * differ or before has a character beyond the limit. */
static PyObject *
marks(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *before, *word;
    unsigned int places_of;
    if (!PyArg_ParseTuple(args, "UUI:marks", &before, &word, &places_of))
        return NULL;
    Line l;
    LINE_OR_RETURN(before, &l);
    if (PyUnicode_GET_LENGTH(word) != l.n)
        Py_RETURN_NONE;
    int ascii_letter = any_flag(&l, L_ASCII_LETTER);
    PyObject *places = PySet_New(NULL), *rare = PySet_New(NULL);
    for (Py_ssize_t i = 0; places != NULL && rare != NULL && i < l.n; i++) {
        if (CH(&l, i) == PyUnicode_READ_CHAR(word, i))
            continue;
        int misplaced = misplaced_at(&l, 0, l.n, i, ascii_letter);
        int out = (FL(&l, i) & places_of) && out_of_place_at(&l, 0, l.n, i);
        if (!misplaced && !out)
            continue;
        PyObject *at = PyLong_FromSsize_t(i);
        if (at == NULL || (misplaced && PySet_Add(places, at) < 0) ||
            (out && PySet_Add(rare, at) < 0))
            Py_CLEAR(places);
        Py_XDECREF(at);
    }
    if (places == NULL || rare == NULL) {
        Py_XDECREF(places);
        Py_XDECREF(rare);
        return NULL;
    }
    return Py_BuildValue("(NN)", places, rare);
}

#undef CH
#undef FL

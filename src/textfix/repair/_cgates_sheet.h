/* The gate sheet: for a repair (text, cand) of the same length, the character-level gates of
 * legacy.repair's accept test at once, in one pass or two over the pair, reading what each
 * character of the Basic Multilingual Plane is from tables that Python worked out with the
 * reference definitions (textfix.repair.gate_sheet builds them and hands them over to
 * init_sheet).  Each gate is answered True/False, or left to Python (its "known" bit unset)
 * where it needs word lists or a rare case the tables do not cover.  References: the Python
 * gates named in gate_sheet.GATES.  Included by _cgates.c.
 */

/* Flags of one BMP character (16 bits). */
#define S_ALPHA 0x0001     /* ch.isalpha() */
#define S_LETTER 0x0002    /* matches [^\W\d_] (gates._LETTERS_RE's letters) */
#define S_UPPER 0x0004     /* ch.isupper() */
#define S_LOWER 0x0008     /* ch.islower() */
#define S_TITLE 0x0010     /* titlecase (ch.istitle() and not ch.isupper()) */
#define S_NONPRINT 0x0020  /* not ch.isprintable() */
#define S_DEMO_TOK 0x0040  /* a character of alphabet_demos._TOKEN */
#define S_DRAWING 0x0080   /* legacy._DRAWING */
#define S_UNIT 0x0100      /* legacy._UNIT_SIGN */
#define S_LATIN_MARK 0x0200 /* model._LATIN_MARK_RE (composed() would normalise) */
#define S_MULTI_LOW 0x0400 /* str.lower() of it is more than one code point (U+0130) */
#define S_TOKEN 0x0800     /* a character of model.TOKEN_RE */
#define S_SIGMA 0x1000     /* str.lower() of a word makes it small by its neighbours (U+03A3) */
#define S_SPECIAL_LOW (S_MULTI_LOW | S_SIGMA)
#define S_WORD_CHAR 0x2000 /* legacy._WORD_CHAR: no space, no ASCII punctuation */

/* Bits of the answer (value bits; the same shifted by SHEET_KNOWN say which are answered). */
#define G_NO_ALPHABET 0     /* gates.letters_of_no_alphabet */
#define G_CAPITALISES 1     /* gates.capitalises_words */
#define G_SHORT_WORDS 2     /* gates.short_words_respelled */
#define G_MIDDLE_DOTS 3     /* gates.only_middle_dots_between_ls */
#define G_LETTER_RUNS 4     /* legacy._only_letter_runs */
#define G_DEMO 5            /* alphabet_demos.demo_rewritten */
#define G_DRAWING 6         /* legacy._drawing_into_unknown_words */
#define G_ORNAMENT 7        /* legacy._ornament */
#define G_UNITS 8           /* legacy._units_rewritten */
#define G_CHANGES_LETTERS 9 /* legacy._changes_letters */
#define G_CASE_ONLY 10      /* kept_shapes.case_only */
#define G_SCRIPTS_MIXED 11  /* kept_shapes.scripts_mixed (answered False without drawing) */
#define SHEET_KNOWN 16
#define SHEET_LONGEST 32 /* legacy._longest_word, from bit 32 on */

#define SHORT_WORD 3 /* gates.SHORT_WORD */
#define LISTED_VOWELS 5 /* alphabet_demos.LISTED_VOWELS */
#define NO_VOWEL 255

typedef struct {
    const uint16_t *flags;
    const uint16_t *lower;    /* ch.lower() when it is one BMP code point (else unused) */
    const uint8_t *script;    /* model.script_of, as a small number */
    const uint8_t *vowel;     /* index in "aeiouy" of an accented vowel's base, or NO_VOWEL */
    const uint64_t *alphabet; /* gates: the alphabet mask of the letter ch folds to */
} SheetTables;

static PyObject *sheet_owner = NULL;
static SheetTables sheet_tables;

/* The last pair sheet answered and its answer: the engine asks the sheet of a line's best
 * pair from Python (gate_sheet.sheet, for the longest repaired word) and from
 * _cplausible.pair_facts, one after the other. A one-entry memo of the very objects (held,
 * so that they cannot be other strings); init_sheet forgets it. */
static PyObject *sheet_last[3];

static void
sheet_forget(void)
{
    for (int i = 0; i < 3; i++)
        Py_CLEAR(sheet_last[i]);
}

#define SHEET_BYTES ((size_t)BMP * (2 + 2 + 1 + 1 + 8))

static PyObject *
init_sheet(PyObject *Py_UNUSED(module), PyObject *arg)
{
    if (!PyBytes_Check(arg) || (size_t)PyBytes_GET_SIZE(arg) != SHEET_BYTES) {
        PyErr_SetString(PyExc_ValueError, "init_sheet: tables of the wrong size");
        return NULL;
    }
    sheet_forget();
    Py_INCREF(arg);
    Py_XSETREF(sheet_owner, arg);
    const char *base = PyBytes_AS_STRING(arg);
    /* (bytes objects keep their data aligned well beyond 8 bytes; every table starts at a
     * multiple of 65536 bytes from it) */
    sheet_tables.alphabet = (const uint64_t *)base;
    sheet_tables.flags = (const uint16_t *)(base + (size_t)BMP * 8);
    sheet_tables.lower = (const uint16_t *)(base + (size_t)BMP * 10);
    sheet_tables.script = (const uint8_t *)(base + (size_t)BMP * 12);
    sheet_tables.vowel = (const uint8_t *)(base + (size_t)BMP * 13);
    Py_RETURN_NONE;
}

typedef struct {
    int kind;
    const void *data;
} Text;

#define AT(t, i) PyUnicode_READ((t).kind, (t).data, (i))

/* str.islower() / str.isupper() of t[s:e], as CPython works them out character by
 * character: no character of the other case nor titlecase, and one of the case asked
 * (cased: S_LOWER or S_UPPER). */
static int
span_in_case(Text t, Py_ssize_t s, Py_ssize_t e, uint16_t cased)
{
    uint16_t other = (uint16_t)((S_LOWER | S_UPPER) ^ cased) | S_TITLE;
    int found = 0;
    for (Py_ssize_t i = s; i < e; i++) {
        uint16_t f = sheet_tables.flags[AT(t, i)];
        if (f & other)
            return 0;
        found |= (f & cased) != 0;
    }
    return found;
}

static int
span_same_script(Text a, Text b, Py_ssize_t s, Py_ssize_t e)
{
    for (Py_ssize_t i = s; i < e; i++)
        if (sheet_tables.script[AT(a, i)] != sheet_tables.script[AT(b, i)])
            return 0;
    return 1;
}

/* alphabet_demos._demo(t[s:e]): letters only, and pairs of a capital and its own small
 * letter, or LISTED_VOWELS+ accented vowels in the order of their letters. */
static int
demo_word(Text t, Py_ssize_t s, Py_ssize_t e)
{
    Py_ssize_t n = e - s;
    int ascii = 1;
    for (Py_ssize_t i = s; i < e; i++) {
        Py_UCS4 ch = AT(t, i);
        if (!(sheet_tables.flags[ch] & S_ALPHA))
            return 0;
        ascii &= ch < 0x80;
    }
    if (n == 0 || ascii)
        return 0;
    if (n % 2 == 0) {
        int pairs = 1;
        for (Py_ssize_t i = s; i < e && pairs; i += 2) {
            Py_UCS4 a = AT(t, i), b = AT(t, i + 1);
            uint16_t f = sheet_tables.flags[a];
            pairs = (f & S_UPPER) && a != b && !(f & S_MULTI_LOW) && sheet_tables.lower[a] == b;
        }
        if (pairs)
            return 1;
    }
    if (n < LISTED_VOWELS)
        return 0;
    int last = -1;
    for (Py_ssize_t i = s; i < e; i++) {
        int v = sheet_tables.vowel[AT(t, i)];
        if (v == NO_VOWEL || v <= last)
            return 0;
        last = v;
    }
    return 1;
}

/* alphabet_demos.demo_rewritten for texts of the same length. */
static int
demo_rewritten(Text t, Text c, Py_ssize_t n)
{
    Py_ssize_t first_s = 0, first_e = 0, spans = 0;
    int rewritten = 0;
    Py_ssize_t i = 0;
    while (i < n) {
        if (!(sheet_tables.flags[AT(t, i)] & S_DEMO_TOK)) {
            i++;
            continue;
        }
        Py_ssize_t s = i;
        int letter = 0; /* a non-ASCII letter */
        for (; i < n; i++) {
            Py_UCS4 ch = AT(t, i);
            uint16_t f = sheet_tables.flags[ch];
            if (!(f & S_DEMO_TOK))
                break;
            letter |= ch >= 0x80 && (f & S_ALPHA);
        }
        if (!letter)
            continue;
        if (!demo_word(t, s, i))
            return 0; /* a word that demonstrates nothing: no demonstration at all */
        if (spans++ == 0) {
            first_s = s;
            first_e = i;
        }
        int differs = 0;
        for (Py_ssize_t k = s; k < i && !differs; k++)
            differs = AT(t, k) != AT(c, k);
        rewritten |= differs && !demo_word(c, s, i);
    }
    if (spans >= 2 || (spans == 1 && first_e - first_s >= 4))
        return rewritten;
    return 0;
}

static PyObject *sheet_of(PyObject *text, PyObject *cand);

static PyObject *
sheet(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *text, *cand;
    if (!PyArg_ParseTuple(args, "UU:sheet", &text, &cand))
        return NULL;
    if (sheet_owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_sheet was not called");
        return NULL;
    }
    if (text == sheet_last[0] && cand == sheet_last[1])
        return Py_NewRef(sheet_last[2]);
    PyObject *answer = sheet_of(text, cand);
    if (answer != NULL) {
        PyObject *last[3] = {Py_NewRef(text), Py_NewRef(cand), Py_NewRef(answer)};
        sheet_forget();
        memcpy(sheet_last, last, sizeof last);
    }
    return answer;
}

/* sheet(text, cand) once the tables are there. */
static PyObject *
sheet_of(PyObject *text, PyObject *cand)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_GET_LENGTH(cand) != n || !in_bmp(text) || !in_bmp(cand))
        Py_RETURN_NONE;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Text c = {PyUnicode_KIND(cand), PyUnicode_DATA(cand)};
    const uint16_t *flags16 = sheet_tables.flags;
    uint32_t value = 0, known = 0;
#define ANSWER(gate, yes)                      \
    do {                                       \
        known |= 1u << (gate);                 \
        if (yes)                               \
            value |= 1u << (gate);             \
    } while (0)

    /* One pass over the characters: what the text holds, and the changed places. */
    int same = 1, text_alpha = 0, text_drawing = 0, text_unit = 0, cand_mark = 0;
    int made_letter = 0, made_small = 0, changes_letters = 0, dots_only = 1;
    /* case_only: every changed pair the same letter in another case (a multi-code-point
     * lower case is left to Python), and no capital after a small letter made small;
     * scripts_mixed looks only where the text has box drawing (kept_shapes._DRAWING) */
    int case_pairs = 1, case_known = 1, case_inner = 0, text_box = 0;
    uint64_t alphabets = ~(uint64_t)0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = AT(t, i), b = AT(c, i);
        uint16_t fa = flags16[a], fb = flags16[b];
        text_alpha |= (fa & S_ALPHA) != 0;
        text_drawing |= (fa & S_DRAWING) != 0;
        text_unit |= (fa & S_UNIT) != 0;
        cand_mark |= (fb & S_LATIN_MARK) != 0;
        text_box |= a >= 0x2500 && a <= 0x259F;
        if (a == b)
            continue;
        same = 0;
        if ((fa | fb) & S_MULTI_LOW)
            case_known = 0;
        else if (sheet_tables.lower[a] != sheet_tables.lower[b])
            case_pairs = 0;
        case_inner |= (fa & S_UPPER) && i > 0 && (flags16[AT(t, i - 1)] & S_LOWER);
        if (fb & S_ALPHA) {
            made_letter = 1;
            alphabets &= sheet_tables.alphabet[b];
            made_small |= (fb & S_LOWER) != 0;
        }
        changes_letters |= (fa & (S_ALPHA | S_NONPRINT)) != 0;
        if (dots_only)
            dots_only = a == 0xB7 && i > 0 && i < n - 1 && (AT(t, i - 1) | 0x20) == 'l' &&
                        (AT(t, i + 1) | 0x20) == 'l';
    }
    ANSWER(G_NO_ALPHABET, made_letter && alphabets == 0);
    ANSWER(G_CHANGES_LETTERS, changes_letters);
    ANSWER(G_MIDDLE_DOTS, !same && dots_only);
    if (!text_drawing)
        ANSWER(G_DRAWING, 0);
    if (text_alpha)
        ANSWER(G_ORNAMENT, 0);
    if (!text_unit)
        ANSWER(G_UNITS, 0);
    ANSWER(G_DEMO, demo_rewritten(t, c, n));
    if (same || !case_pairs)
        ANSWER(G_CASE_ONLY, 0);
    else if (case_known)
        ANSWER(G_CASE_ONLY, !case_inner);
    if (!text_box)
        ANSWER(G_SCRIPTS_MIXED, 0);

    /* Repaired tokens (model.TOKEN_RE runs of cand that differ): the longest, and whether
     * each is one letter repeated. */
    Py_ssize_t longest = 0, tokens = 0;
    int runs = 1, runs_known = 1;
    for (Py_ssize_t i = 0; i < n;) {
        if (!(flags16[AT(c, i)] & S_TOKEN)) {
            i++;
            continue;
        }
        Py_ssize_t s = i;
        int differs = 0, one = 1;
        Py_UCS4 first = AT(c, s);
        uint16_t ff = flags16[first];
        runs_known &= !(ff & S_SPECIAL_LOW);
        for (; i < n; i++) {
            Py_UCS4 ch = AT(c, i);
            uint16_t f = flags16[ch];
            if (!(f & S_TOKEN))
                break;
            differs |= AT(t, i) != ch;
            if (f & S_SPECIAL_LOW)
                runs_known = 0;
            else if (one && !(ff & S_SPECIAL_LOW))
                one = sheet_tables.lower[ch] == sheet_tables.lower[first];
        }
        if (!differs)
            continue;
        tokens++;
        if (i - s > longest)
            longest = i - s;
        runs &= one;
    }
    if (runs_known || tokens == 0)
        ANSWER(G_LETTER_RUNS, tokens > 0 && runs);
    else if (!runs)
        ANSWER(G_LETTER_RUNS, 0); /* (a plain token of two letters settles it) */

    /* Words of letters ([^\W\d_]+ runs of cand) that the repair respells. */
    if (same) {
        ANSWER(G_CAPITALISES, 0);
        ANSWER(G_SHORT_WORDS, 0);
    } else {
        Py_ssize_t longest_letters = 0, respelled = 0;
        int capitals = !made_small;
        /* short_words_respelled's test of each respelled word, for a line whose longest
         * word has SHORT_WORD letters or fewer (one_case), or one more (small_swapped) */
        int one_case = 1, small_swapped = 1;
        for (Py_ssize_t i = 0; i < n;) {
            if (!(flags16[AT(c, i)] & S_LETTER)) {
                i++;
                continue;
            }
            Py_ssize_t s = i;
            int differs = 0, all_differ = 1, text_alpha_only = 1;
            for (; i < n && (flags16[AT(c, i)] & S_LETTER); i++) {
                Py_UCS4 a = AT(t, i);
                differs |= a != AT(c, i);
                all_differ &= a != AT(c, i);
                text_alpha_only &= (flags16[a] & S_ALPHA) != 0;
            }
            if (i - s > longest_letters)
                longest_letters = i - s;
            if (!differs)
                continue;
            respelled++;
            if (capitals)
                capitals = span_in_case(t, s, i, S_LOWER) && span_in_case(c, s, i, S_UPPER) &&
                           span_same_script(t, c, s, i);
            if (one_case || small_swapped) {
                int scripts = span_same_script(t, c, s, i);
                int small = span_in_case(t, s, i, S_LOWER);
                small_swapped = small_swapped && small && span_in_case(c, s, i, S_LOWER) &&
                                scripts && all_differ;
                one_case = one_case && (small || span_in_case(t, s, i, S_UPPER)) &&
                           text_alpha_only && scripts;
            }
        }
        ANSWER(G_CAPITALISES, !made_small && respelled > 0 && capitals);
        /* (composed() normalises a line with a Latin combining mark: its words are then
         * counted by Python) */
        if (!cand_mark) {
            if (longest_letters > SHORT_WORD + 1)
                ANSWER(G_SHORT_WORDS, 0);
            else if (longest_letters > SHORT_WORD)
                ANSWER(G_SHORT_WORDS, respelled > 0 && small_swapped);
            else
                ANSWER(G_SHORT_WORDS, respelled > 0 && one_case);
        }
    }
#undef ANSWER
    return PyLong_FromUnsignedLongLong((unsigned long long)value |
                                       ((unsigned long long)known << SHEET_KNOWN) |
                                       ((unsigned long long)longest << SHEET_LONGEST));
}

/* plausible.typed_in_unicode: per BMP character, 0 for one that does not count (ASCII, a
 * letter-free sign of no display page, a common symbol, a combining mark), TYPED_SIGN for
 * a sign a round trip may turn into a letter, else the number of the first word of a
 * letter's name (its script) times two, plus one when a display code page holds it. */
#define TYPED_SIGN 0xFFFF
#define TYPED_NAMES 0x8000
static PyObject *typed_owner = NULL;
static const uint16_t *typed_table = NULL;

static PyObject *
init_typed(PyObject *Py_UNUSED(module), PyObject *arg)
{
    if (!PyBytes_Check(arg) || (size_t)PyBytes_GET_SIZE(arg) != (size_t)BMP * 2) {
        PyErr_SetString(PyExc_ValueError, "init_typed: 65536 16-bit values are needed");
        return NULL;
    }
    Py_INCREF(arg);
    Py_XSETREF(typed_owner, arg);
    typed_table = (const uint16_t *)PyBytes_AS_STRING(arg);
    Py_RETURN_NONE;
}

static PyObject *
typed(PyObject *Py_UNUSED(module), PyObject *line)
{
    if (!PyUnicode_Check(line)) {
        PyErr_SetString(PyExc_TypeError, "typed: a str is needed");
        return NULL;
    }
    if (typed_table == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_typed was not called");
        return NULL;
    }
    if (!in_bmp(line))
        Py_RETURN_NONE;
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    unsigned char names[TYPED_NAMES / 8]; /* scripts of letters no display page holds */
    memset(names, 0, sizeof names);
    int changed = -1; /* the one script of letters a display page holds */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        uint16_t cls = typed_table[ch];
        if (cls == 0)
            continue;
        if (cls == TYPED_SIGN)
            Py_RETURN_FALSE;
        int name = cls >> 1;
        if (cls & 1) {
            if (changed >= 0 && changed != name)
                Py_RETURN_FALSE; /* (two scripts a round trip may change) */
            changed = name;
        } else {
            names[name >> 3] |= (unsigned char)(1u << (name & 7));
        }
    }
    return PyBool_FromLong(changed >= 0 && (names[changed >> 3] >> (changed & 7)) & 1);
}

/* legacy._CORE_WORD.findall(text) (also gates._WORD_RE): the leftmost matches of
 * W*[^\x00-\x7f]W* with W = [^\s!-/:-@\[-`{-~] (S_WORD_CHAR; beyond the BMP every
 * character is one, and none is a space), as the regex engine finds them: from a start,
 * the run of W characters, then a non-ASCII character that ends it (a non-ASCII space)
 * with the run after it; else the run itself when it holds a non-ASCII character; else no
 * match starts anywhere in that run. */
static int
word_char(Py_UCS4 ch)
{
    return ch >= BMP || (sheet_tables.flags[ch] & S_WORD_CHAR);
}

static PyObject *
core_words(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "core_words: a str is needed");
        return NULL;
    }
    if (sheet_owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_sheet was not called");
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t p = 0;
    while (p < n) {
        Py_ssize_t q = p;
        int wide = 0; /* a non-ASCII character in the run */
        for (; q < n && word_char(AT(t, q)); q++)
            wide |= AT(t, q) >= 0x80;
        Py_ssize_t end;
        if (q < n && AT(t, q) >= 0x80) {
            end = q + 1;
            while (end < n && word_char(AT(t, end)))
                end++;
        } else if (wide) {
            end = q;
        } else {
            p = q + 1;
            continue;
        }
        PyObject *word = PyUnicode_Substring(text, p, end);
        if (word == NULL || PyList_Append(out, word) < 0) {
            Py_XDECREF(word);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(word);
        p = end;
    }
    return out;
}

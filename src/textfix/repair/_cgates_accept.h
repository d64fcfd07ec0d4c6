/* The accept sheet: the shapes of drawing, units, look-alikes and unmodelled orthographies
 * that the legacy engine's accept test asks of a repair (text, cand) of the same length,
 * answered in a pass or two over the pair with the gate sheet's tables (_cgates_sheet.h,
 * init_sheet), where the gate sheet leaves them to Python (a line with drawing, a unit sign,
 * a Cyrillic look-alike, or "ý"/"’").  Each gate is answered
 * True/False, or left to Python (its "known" bit unset) where it needs a word list or a
 * lower case of more than one code point.  References (their Python bodies):
 *   A_SCRIPTS_MIXED  kept_shapes.scripts_mixed
 *   A_DRAWING        legacy._drawing_into_unknown_words
 *   A_UNMODELLED     unmodelled.unmodelled_read (answered False only: no changed place that
 *                    its glide or prenasal reading could take)
 *   A_UNITS          legacy._units_rewritten (answered False only: no sign of a unit has
 *                    the neighbour every alternative of legacy._UNIT with it needs)
 *   A_LOOK_ALIKES    legacy._look_alikes_replaced (answered False only: no word the repair
 *                    changes holds letters of two scripts, nor a borrowed Greek letter, so
 *                    legacy._mixes_scripts takes none)
 * Included by _cgates.c after _cgates_sheet.h.
 */

#define A_SCRIPTS_MIXED 0
#define A_DRAWING 1
#define A_UNMODELLED 2
#define A_UNITS 3
#define A_LOOK_ALIKES 4
#define ACCEPT_KNOWN 8

#define DRAWN_WORD 4 /* legacy.DRAWN_WORD */

/* legacy._DRAWING ([\u2500-\u25ff]) and kept_shapes._DRAWING ([\u2500-\u259f]) */
#define IS_DRAWING(ch) ((ch) >= 0x2500 && (ch) <= 0x25FF)
#define IS_BOX(ch) ((ch) >= 0x2500 && (ch) <= 0x259F)

#define ASCII_CAPITAL(ch) ((ch) >= 'A' && (ch) <= 'Z')
#define ASCII_LETTER(ch) (ASCII_CAPITAL((ch) & ~0x20u))

/* A decimal digit (re's \d) in t[lo:hi], lo clipped at 0. */
static int
digit_in(Text t, Py_ssize_t lo, Py_ssize_t hi)
{
    for (Py_ssize_t k = lo < 0 ? 0 : lo; k < hi; k++)
        if (Py_UNICODE_ISDECIMAL(AT(t, k)))
            return 1;
    return 0;
}

/* A sign of legacy._UNIT_SIGN at text[i] with what an alternative of legacy._UNIT holding it
 * needs around it: "²"/"³" after an ASCII letter that follows no letter ("a²") or after
 * "m", "n", "t" with a digit before ("20 cm²", "3 in³"); an ohm sign with a digit in the
 * three places before ("10 kΩ"); "µ" at a word's start before an ASCII unit ("µm"); "±"
 * between ASCII capitals; "¬" after no letter before one. (Necessary, not sufficient: the
 * regular expression decides.) */
static int
unit_may_match(Text t, Py_ssize_t n, Py_ssize_t i)
{
    Py_UCS4 ch = AT(t, i);
    Py_UCS4 prev = i > 0 ? AT(t, i - 1) : 0, next = i + 1 < n ? AT(t, i + 1) : 0;
    int after_letter = i > 0 && (sheet_tables.flags[prev] & S_ALPHA);
    switch (ch) {
    case 0xB2: /* ² */
    case 0xB3: /* ³ */
        if (!ASCII_LETTER(prev))
            return 0;
        return !(i > 1 && (sheet_tables.flags[AT(t, i - 2)] & S_ALPHA)) ||
               ((prev == 'm' || prev == 'n' || prev == 't') && digit_in(t, i - 5, i - 1));
    case 0x3A9:  /* Ω */
    case 0x2126: /* ohm sign */
        return digit_in(t, i - 3, i);
    case 0xB5: /* µ */
        return (i == 0 || Py_UNICODE_ISSPACE(prev)) && next < 0x80 && next &&
               strchr("AVWFHgmlsK", (int)next) != NULL;
    case 0xB1: /* ± */
        return ASCII_CAPITAL(prev) && ASCII_CAPITAL(next);
    case 0xAC: /* ¬ */
        return !after_letter && ASCII_CAPITAL(next);
    default:
        return 0;
    }
}

/* len(kept_shapes._scripts(cand[s:e])) > 1: letters of two scripts other than "Other" (0). */
static int
scripts_of_span_mixed(Text c, Py_ssize_t s, Py_ssize_t e)
{
    int first = 0;
    for (Py_ssize_t i = s; i < e; i++) {
        Py_UCS4 ch = AT(c, i);
        if (!(sheet_tables.flags[ch] & S_ALPHA))
            continue;
        int script = sheet_tables.script[ch];
        if (script == 0)
            continue;
        if (first == 0)
            first = script;
        else if (script != first)
            return 1;
    }
    return 0;
}

/* legacy._TRIPLE ("(.)\1\1") searched in cand[s:e].lower(), every lower case one code
 * point (the caller checks S_SPECIAL_LOW). */
static int
triple_in_lower(Text c, Py_ssize_t s, Py_ssize_t e)
{
    for (Py_ssize_t i = s; i + 2 < e; i++) {
        Py_UCS4 a = AT(c, i), b = AT(c, i + 1), d = AT(c, i + 2);
        Py_UCS4 la = sheet_tables.lower[a], lb = sheet_tables.lower[b];
        if (la == lb && lb == sheet_tables.lower[d])
            return 1;
    }
    return 0;
}

/* The next token of x (a model.TOKEN_RE run) from *e on: 1 with [*s, *e) set to it, or 0
 * at the end. */
static int
next_token(Text x, Py_ssize_t n, Py_ssize_t *s, Py_ssize_t *e)
{
    Py_ssize_t i = *e;
    while (i < n && !(sheet_tables.flags[AT(x, i)] & S_TOKEN))
        i++;
    *s = i;
    while (i < n && (sheet_tables.flags[AT(x, i)] & S_TOKEN))
        i++;
    *e = i;
    return *s < n;
}

/* Some token of the text that the repair changes holds letters of two scripts, or one of
 * legacy._BORROWED (ε, Ε, Σ): legacy._mixes_scripts may take it. */
static int
mixed_word_changed(Text t, Text c, Py_ssize_t n)
{
    for (Py_ssize_t s = 0, e = 0; next_token(t, n, &s, &e);) {
        int differs = 0, borrowed = 0;
        for (Py_ssize_t i = s; i < e; i++) {
            Py_UCS4 a = AT(t, i);
            differs |= a != AT(c, i);
            borrowed |= a == 0x3B5 || a == 0x395 || a == 0x3A3;
        }
        if (differs && (borrowed || scripts_of_span_mixed(t, s, e)))
            return 1;
    }
    return 0;
}

/* The changed tokens of cand of a line with drawing: the answers of scripts_mixed (box: the
 * text holds box drawing) and of _drawing_into_unknown_words. */
static void
drawn_tokens(Text t, Text c, Py_ssize_t n, int box, unsigned *value, unsigned *known)
{
    int mixed_scripts = 0, drawn = 0, mixed = 0, triple = 0, open_triple = 0, long_drawn = 0;
    for (Py_ssize_t s = 0, e = 0; next_token(c, n, &s, &e);) {
        int differs = 0, all_drawing = 1, changed_box = 1, special = 0;
        for (Py_ssize_t i = s; i < e; i++) {
            Py_UCS4 a = AT(t, i), b = AT(c, i);
            all_drawing &= IS_DRAWING(a);
            special |= (sheet_tables.flags[b] & S_SPECIAL_LOW) != 0;
            if (a != b) {
                differs = 1;
                changed_box &= IS_BOX(a);
            }
        }
        if (!differs)
            continue;
        /* scripts_mixed: every changed character of the word was box drawing, and the word
         * holds letters of two scripts */
        if (box && changed_box && !mixed_scripts)
            mixed_scripts = scripts_of_span_mixed(c, s, e);
        if (all_drawing) {
            if (special)
                open_triple = 1; /* (a lower case of two code points: Python looks) */
            else if (triple_in_lower(c, s, e))
                triple = 1;
            drawn = 1;
            long_drawn |= e - s >= DRAWN_WORD;
        } else {
            mixed = 1;
        }
    }
    if (box) {
        *known |= 1u << A_SCRIPTS_MIXED;
        *value |= (unsigned)mixed_scripts << A_SCRIPTS_MIXED;
    }
    /* a rule spelled in a drawn word refuses at once; else a line of drawn words only, none
     * long enough to be looked up as a known word (a longer one is left to Python) */
    int answered = 1, yes = 0;
    if (triple)
        yes = 1;
    else if (open_triple)
        answered = 0;
    else if (mixed || !drawn)
        yes = 0;
    else if (!long_drawn)
        yes = 1;
    else
        answered = 0;
    if (answered) {
        *known |= 1u << A_DRAWING;
        *value |= (unsigned)yes << A_DRAWING;
    }
}

static PyObject *
accept_sheet(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "accept_sheet(text, cand): two str are needed");
        return NULL;
    }
    if (sheet_owner == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_sheet was not called");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(args[0]);
    if (PyUnicode_GET_LENGTH(args[1]) != n || !in_bmp(args[0]) || !in_bmp(args[1]))
        Py_RETURN_NONE; /* (Python answers) */
    Text t = {PyUnicode_KIND(args[0]), PyUnicode_DATA(args[0])};
    Text c = {PyUnicode_KIND(args[1]), PyUnicode_DATA(args[1])};
    unsigned value = 0, known = 0;
    /* What the text holds, and unmodelled_read's changed places: every one a glide read
     * ("ý" as "ı", "Ý" as "İ"), or one an apostrophe ("’") changes. */
    int same = 1, box = 0, drawing = 0, glides = 1, apostrophe = 0, unit = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = AT(t, i), b = AT(c, i);
        if (sheet_tables.flags[a] & S_UNIT && !unit)
            unit = unit_may_match(t, n, i);
        box |= IS_BOX(a);
        drawing |= IS_DRAWING(a);
        if (a == b)
            continue;
        same = 0;
        glides &= (a == 0xFD && b == 0x131) || (a == 0xDD && b == 0x130);
        apostrophe |= a == 0x2019;
    }
    if (same || !(glides || apostrophe))
        known |= 1u << A_UNMODELLED;
    if (same || !unit)
        known |= 1u << A_UNITS;
    if (same || !mixed_word_changed(t, c, n))
        known |= 1u << A_LOOK_ALIKES;
    if (same || !box)
        known |= 1u << A_SCRIPTS_MIXED;
    if (same || !drawing)
        known |= 1u << A_DRAWING;
    if (!same && drawing)
        drawn_tokens(t, c, n, box, &value, &known);
    return PyLong_FromUnsignedLong(value | (known << ACCEPT_KNOWN));
}

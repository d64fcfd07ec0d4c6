/* Character scans of a repair pair (text, cand) of the same length for the legacy engine's
 * last gate (legacy._clean_shape_read), read in place from both strings (no copy).
 * The pure-Python reference: textfix/repair/pair_shapes.py (pair_shapes_py), which asks the
 * Python bodies of the gates; tests/test_pair_shapes.py compares the two.
 *
 * Bits of pair_shapes(text, cand):
 *   1  unmended._before_capitalised: a changed character is a letter glued before a
 *      capital and a small letter, at a word's start;
 *   2  accent_swaps._accents_only_changed: every changed character is an accented letter
 *      (accent_swaps._accented, the table handed over by init_accented) made another;
 *   4  accent_swaps._title_words: two or more words between spaces, as many in cand, each
 *      letters only, a capital then small letters (str.split, isalpha, isupper, islower).
 * None when the lengths differ or a string holds a character beyond the BMP.
 *
 * latin1(text): every character of text is below U+0100, read from the string's kind
 * (CPython stores such a string one byte per character): narrow.latin1_py's answer, at once. */

static PyObject *py_latin1(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "latin1: a str");
        return NULL;
    }
    return PyBool_FromLong(PyUnicode_MAX_CHAR_VALUE(arg) <= 0xff);
}

static uint8_t PAIR_ACCENTED[0x10000 / 8];
static int pair_accented_ready = 0;

static PyObject *py_init_accented(PyObject *self, PyObject *arg)
{
    (void)self;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    if (view.len != (Py_ssize_t)sizeof PAIR_ACCENTED) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "init_accented: one bit per BMP character");
        return NULL;
    }
    memcpy(PAIR_ACCENTED, view.buf, sizeof PAIR_ACCENTED);
    PyBuffer_Release(&view);
    pair_accented_ready = 1;
    Py_RETURN_NONE;
}

static int pair_accented(Py_UCS4 ch) { return PAIR_ACCENTED[ch >> 3] >> (ch & 7) & 1; }

/* str.islower() of s[start:end] (at least one cased character, none upper nor title). */
static int pair_islower(int kind, const void *s, Py_ssize_t start, Py_ssize_t end)
{
    int cased = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, s, i);
        if (Py_UNICODE_ISUPPER(ch) || Py_UNICODE_ISTITLE(ch))
            return 0;
        if (!cased && Py_UNICODE_ISLOWER(ch))
            cased = 1;
    }
    return cased;
}

/* Words of str.split() in s. */
static Py_ssize_t pair_words(int kind, const void *s, Py_ssize_t n)
{
    Py_ssize_t words = 0;
    int inside = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int space = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, s, i));
        words += !space && !inside;
        inside = !space;
    }
    return words;
}

/* Words of str.split() in s when each is letters, a capital first, then small letters
 * (w.isalpha() and w[0].isupper() and w[1:].islower()), else 0 (at the first other word:
 * most lines). */
static Py_ssize_t pair_title_words(int kind, const void *s, Py_ssize_t n)
{
    Py_ssize_t words = 0, i = 0;
    while (i < n) {
        while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, s, i)))
            i++;
        if (i == n)
            break;
        Py_ssize_t start = i;
        if (!Py_UNICODE_ISUPPER(PyUnicode_READ(kind, s, start)))
            return 0;
        while (i < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, s, i))) {
            if (!Py_UNICODE_ISALPHA(PyUnicode_READ(kind, s, i)))
                return 0;
            i++;
        }
        if (!pair_islower(kind, s, start + 1, i))
            return 0;
        words++;
    }
    return words;
}

static PyObject *py_pair_shapes(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *text, *cand;
    if (!PyArg_ParseTuple(args, "UU:pair_shapes", &text, &cand))
        return NULL;
    if (!pair_accented_ready) {
        PyErr_SetString(PyExc_RuntimeError, "pair_shapes: init_accented first");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int tk = PyUnicode_KIND(text), ck = PyUnicode_KIND(cand);
    if (n != PyUnicode_GET_LENGTH(cand) || tk == PyUnicode_4BYTE_KIND
        || ck == PyUnicode_4BYTE_KIND)
        Py_RETURN_NONE;
    const void *t = PyUnicode_DATA(text), *c = PyUnicode_DATA(cand);
    int before = 0, accents = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ(tk, t, i), b = PyUnicode_READ(ck, c, i);
        if (a == b)
            continue;
        accents = accents && pair_accented(a) && pair_accented(b);
        /* (a word's start first: most changed letters stand inside words) */
        if (!before && i + 2 < n && (i == 0 || !Py_UNICODE_ISALPHA(PyUnicode_READ(ck, c, i - 1)))
            && Py_UNICODE_ISUPPER(PyUnicode_READ(ck, c, i + 1))
            && Py_UNICODE_ISLOWER(PyUnicode_READ(ck, c, i + 2)) && Py_UNICODE_ISALPHA(b))
            before = 1;
    }
    Py_ssize_t words = pair_title_words(tk, t, n);
    int title = words >= 2 && pair_words(ck, c, n) == words;
    return PyLong_FromLong(before | accents << 1 | title << 2);
}

/* The opening of legacy.repair: what it asks of every line before its candidates, at once
 * (one call instead of five Python gates).  Reference: gates._opening_py; the characters
 * and the word lookup are handed over by gates._compiled_opening (init_opening).  Included by
 * _cgates.c after _cgates_sheet.h, whose core_words, lower-case table and typed it reads.
 *
 * Bits of the answer (keep in step with gates.py):
 *   OPENING_SIGN_CAPITAL  a character gates.capital_behind_sign looks for stands in the line
 *                         (without one, that test is False);
 *   OPENING_LATIN_SIGN    one that sign_capitals.capital_behind_latin_sign looks for (without
 *                         one, it is None);
 *   OPENING_CLEAN         gates.looks_clean(line);
 *   OPENING_ANYWAY        one that ce_letters.looks_anyway looks for (without one, False);
 *   OPENING_TYPED         plausible.typed_in_unicode(line), or OPENING_ASK_TYPED beyond the
 *                         BMP (Python answers).
 */
#define OPENING_SIGN_CAPITAL 1
#define OPENING_LATIN_SIGN 2
#define OPENING_CLEAN 4
#define OPENING_ANYWAY 16
#define OPENING_TYPED 32
#define OPENING_ASK_TYPED 64

/* Classes of one BMP character (opening_class). */
#define C_CAPITAL_SIGN 1  /* gates._mac_capitals' signs */
#define C_LATIN_SIGN 2    /* sign_capitals.signs() */
#define C_ANYWAY 4        /* what ce_letters.looks_anyway looks for */
#define C_EDGE 8          /* gates._EDGE: stripped off a word's ends */
#define C_BEFORE_SMALL 16 /* gates._SUSPECT_RE's signs before a small letter */

static PyObject *opening_get = NULL; /* word -> language mask (0: not a word) */
static uint8_t opening_class[BMP];

static PyObject *
init_opening(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *get, *classes[5];
    if (!PyArg_ParseTuple(args, "OUUUUU:init_opening", &get, &classes[0], &classes[1],
                          &classes[2], &classes[3], &classes[4]))
        return NULL;
    if (!PyCallable_Check(get)) {
        PyErr_SetString(PyExc_TypeError, "init_opening: the word lookup must be callable");
        return NULL;
    }
    for (size_t c = 0; c < 5; c++) {
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(classes[c]); j++) {
            if (PyUnicode_READ_CHAR(classes[c], j) >= BMP) {
                PyErr_SetString(PyExc_ValueError, "init_opening: a character beyond the BMP");
                return NULL;
            }
        }
    }
    memset(opening_class, 0, sizeof opening_class);
    for (size_t c = 0; c < 5; c++) {
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(classes[c]); j++)
            opening_class[PyUnicode_READ_CHAR(classes[c], j)] |= (uint8_t)(1u << c);
    }
    Py_INCREF(get);
    Py_XSETREF(opening_get, get);
    Py_RETURN_NONE;
}

static int
of_class(Py_UCS4 ch, uint8_t cls)
{
    return ch < BMP && (opening_class[ch] & cls);
}

/* gates._SUSPECT_RE.search(text) is not None: a C1 control, or one of the signs before a
 * small letter (a-z, U+00DF-U+00FF). */
static int
suspect_shape(Text t, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = AT(t, i);
        if (ch >= 0x80 && ch <= 0x9F)
            return 1;
        if (i + 1 < n && of_class(ch, C_BEFORE_SMALL)) {
            Py_UCS4 next = AT(t, i + 1);
            if ((next >= 'a' && next <= 'z') || (next >= 0xDF && next <= 0xFF))
                return 1;
        }
    }
    return 0;
}

/* The key gates.looks_clean looks a word up by: word.lower(), "ς" as "σ", "ß" as "ss".
 * (str.lower() itself where a character lowers to more than one or by its neighbours, or
 * lies beyond the BMP; the sheet's one-character lower case otherwise) */
static PyObject *
clean_key(PyObject *token, Py_ssize_t s, Py_ssize_t e)
{
    Text t = {PyUnicode_KIND(token), PyUnicode_DATA(token)};
    int plain = 1;
    for (Py_ssize_t i = s; i < e && plain; i++) {
        Py_UCS4 ch = AT(t, i);
        plain = ch < BMP && !(sheet_tables.flags[ch] & S_SPECIAL_LOW);
    }
    if (!plain) {
        PyObject *word = PyUnicode_Substring(token, s, e);
        if (word == NULL)
            return NULL;
        PyObject *lower = PyObject_CallMethod(word, "lower", NULL);
        Py_DECREF(word);
        if (lower == NULL)
            return NULL;
        PyObject *final = PyUnicode_FromOrdinal(0x3C2), *sigma = PyUnicode_FromOrdinal(0x3C3);
        PyObject *sharp = PyUnicode_FromOrdinal(0xDF), *ss = PyUnicode_FromString("ss");
        PyObject *out = NULL;
        if (final != NULL && sigma != NULL && sharp != NULL && ss != NULL) {
            PyObject *step = PyUnicode_Replace(lower, final, sigma, -1);
            if (step != NULL) {
                out = PyUnicode_Replace(step, sharp, ss, -1);
                Py_DECREF(step);
            }
        }
        Py_DECREF(lower);
        Py_XDECREF(final);
        Py_XDECREF(sigma);
        Py_XDECREF(sharp);
        Py_XDECREF(ss);
        return out;
    }
    Py_UCS4 *buf = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(2 * (e - s) + 1));
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t k = 0;
    for (Py_ssize_t i = s; i < e; i++) {
        Py_UCS4 low = sheet_tables.lower[AT(t, i)];
        if (low == 0xDF) {
            buf[k++] = 's';
            buf[k++] = 's';
        } else {
            buf[k++] = low == 0x3C2 ? 0x3C3 : low;
        }
    }
    PyObject *key = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k);
    PyMem_Free(buf);
    return key;
}

/* gates.looks_clean: every core word (its edge signs stripped) that is not ASCII ends in
 * no capital after a small letter and is a known word, one language knows them all, and
 * the line shows no suspect shape.  1, 0, or -1 with an exception set. */
static int
looks_clean_c(PyObject *text)
{
    PyObject *words = core_words(NULL, text);
    if (words == NULL)
        return -1;
    PyObject *common = PyLong_FromLong(-1);
    int clean = common != NULL;
    int failed = common == NULL;
    for (Py_ssize_t w = 0; clean && w < PyList_GET_SIZE(words); w++) {
        PyObject *token = PyList_GET_ITEM(words, w);
        Text t = {PyUnicode_KIND(token), PyUnicode_DATA(token)};
        Py_ssize_t s = 0, e = PyUnicode_GET_LENGTH(token);
        while (s < e && of_class(AT(t, s), C_EDGE))
            s++;
        while (e > s && of_class(AT(t, e - 1), C_EDGE))
            e--;
        int ascii = 1;
        for (Py_ssize_t i = s; i < e && ascii; i++)
            ascii = AT(t, i) < 0x80;
        if (ascii)
            continue;
        if (e - s > 1 && Py_UNICODE_ISUPPER(AT(t, e - 1)) && Py_UNICODE_ISLOWER(AT(t, e - 2))) {
            clean = 0; /* (lower-casing would hide the shape: "распространЯетсЯ") */
            break;
        }
        PyObject *key = clean_key(token, s, e);
        PyObject *mask = key == NULL ? NULL : PyObject_CallOneArg(opening_get, key);
        Py_XDECREF(key);
        PyObject *both = mask == NULL ? NULL : PyNumber_And(common, mask);
        int known = mask == NULL ? -1 : PyObject_IsTrue(mask);
        Py_XDECREF(mask);
        if (both == NULL || known < 0) {
            Py_XDECREF(both);
            failed = 1;
            break;
        }
        Py_SETREF(common, both);
        clean = known;
    }
    Py_DECREF(words);
    if (failed) {
        Py_XDECREF(common);
        return -1;
    }
    if (clean) {
        int any = PyObject_IsTrue(common);
        Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
        clean = any < 0 ? -1 : any && !suspect_shape(t, PyUnicode_GET_LENGTH(text));
    }
    Py_DECREF(common);
    return clean;
}

static PyObject *
opening(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "opening: a str is needed");
        return NULL;
    }
    if (opening_get == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_opening was not called");
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    long bits = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = AT(t, i);
        if (ch < BMP) {
            uint8_t cls = opening_class[ch];
            bits |= (cls & C_CAPITAL_SIGN ? OPENING_SIGN_CAPITAL : 0)
                    | (cls & C_LATIN_SIGN ? OPENING_LATIN_SIGN : 0)
                    | (cls & C_ANYWAY ? OPENING_ANYWAY : 0);
        }
    }
    if (typed_table != NULL) { /* (else Python asks: gates._compiled_opening hands it over) */
        PyObject *found = typed(NULL, text);
        if (found == NULL)
            return NULL;
        bits |= found == Py_None ? OPENING_ASK_TYPED : found == Py_True ? OPENING_TYPED : 0;
        Py_DECREF(found);
    } else {
        bits |= OPENING_ASK_TYPED;
    }
    int clean = looks_clean_c(text);
    if (clean < 0)
        return NULL;
    return PyLong_FromLong(bits | (clean ? OPENING_CLEAN : 0));
}

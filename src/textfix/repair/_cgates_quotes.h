/* Where the signs of a code page's punctuation stand in a line: quote_signs._evidence and
 * its _apostrophe_shape, compiled (quote_signs._quoted asks it once per set of signs of a
 * line of the cheap shape).  Reference: quote_signs._evidence_py; the tables are handed
 * over by quote_signs._compiled_evidence (init_quotes).  Included by _cgates.c.
 *
 * The character tests are those of str.isalpha, isalnum, isspace and isdigit on one
 * character (Py_UNICODE_IS*), on any code point.
 */

/* Roles of a mark (bits handed over with each sign, see quote_signs._roles). */
#define Q_APOSTROPHE 1
#define Q_DASH 2
#define Q_TRAILING 4
#define Q_BULLET 8
#define Q_OPENING 16
#define Q_CLOSING 32
#define Q_PAD_OPEN 64  /* a padded mark that opens apart from its word: "« mot »" */
#define Q_PAD_CLOSE 128 /* one that closes so */

#define Q_STEPS 8
#define Q_SIGNS 64
#define Q_PAIRS 32

typedef struct {
    Py_UCS4 sign, mark;
    int roles;
} QuoteSign;

static QuoteSign quote_signs[Q_STEPS][Q_SIGNS];
/* Per step, a bit for each sign's low 12 bits: most characters of a line are no sign of
 * any step, told without a look through the signs. */
static uint8_t quote_seen[Q_STEPS][4096 / 8];
static Py_ssize_t quote_counts[Q_STEPS];
static Py_ssize_t quote_steps = -1; /* (-1: init_quotes was not called) */
static Py_UCS4 quote_pairs[Q_PAIRS][2];
static Py_ssize_t quote_npairs;
/* _apostrophe_shape's tables: ELISION_HEADS (a set), CONTRACTION_TAILS (a dict), and
 * ELISION_NEXT (a str). */
static PyObject *quote_heads = NULL, *quote_tails = NULL, *quote_next = NULL;

static PyObject *
init_quotes(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *steps, *pairs, *heads, *tails, *next;
    if (!PyArg_ParseTuple(args, "O!UO!O!U:init_quotes", &PyTuple_Type, &steps, &pairs,
                          &PyFrozenSet_Type, &heads, &PyDict_Type, &tails, &next))
        return NULL;
    Py_ssize_t nsteps = PyTuple_GET_SIZE(steps), npairs = PyUnicode_GET_LENGTH(pairs) / 2;
    if (nsteps > Q_STEPS || npairs > Q_PAIRS || PyUnicode_GET_LENGTH(pairs) % 2) {
        PyErr_SetString(PyExc_ValueError, "init_quotes: too many steps or pairs");
        return NULL;
    }
    memset(quote_seen, 0, sizeof quote_seen);
    for (Py_ssize_t k = 0; k < nsteps; k++) {
        PyObject *signs = PyTuple_GET_ITEM(steps, k);
        if (!PyTuple_Check(signs) || PyTuple_GET_SIZE(signs) > Q_SIGNS) {
            PyErr_SetString(PyExc_ValueError, "init_quotes: a step is a tuple of signs");
            return NULL;
        }
        for (Py_ssize_t s = 0; s < PyTuple_GET_SIZE(signs); s++) {
            PyObject *sign, *mark;
            int roles;
            if (!PyArg_ParseTuple(PyTuple_GET_ITEM(signs, s), "UUi", &sign, &mark, &roles))
                return NULL;
            if (PyUnicode_GET_LENGTH(sign) != 1 || PyUnicode_GET_LENGTH(mark) != 1) {
                PyErr_SetString(PyExc_ValueError, "init_quotes: a sign and its mark are one character");
                return NULL;
            }
            Py_UCS4 ch = PyUnicode_READ_CHAR(sign, 0);
            quote_signs[k][s] = (QuoteSign){ch, PyUnicode_READ_CHAR(mark, 0), roles};
            quote_seen[k][(ch & 0xFFF) >> 3] |= (uint8_t)(1u << (ch & 7));
        }
        quote_counts[k] = PyTuple_GET_SIZE(signs);
    }
    for (Py_ssize_t p = 0; p < npairs; p++) {
        quote_pairs[p][0] = PyUnicode_READ_CHAR(pairs, 2 * p);
        quote_pairs[p][1] = PyUnicode_READ_CHAR(pairs, 2 * p + 1);
    }
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(tails, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || !PyUnicode_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "init_quotes: the tails map str to str");
            return NULL;
        }
    }
    quote_npairs = npairs;
    quote_steps = nsteps;
    Py_INCREF(heads);
    Py_XSETREF(quote_heads, heads);
    Py_INCREF(tails);
    Py_XSETREF(quote_tails, tails);
    Py_INCREF(next);
    Py_XSETREF(quote_next, next);
    Py_RETURN_NONE;
}

/* ASCII text[s:e] lower-cased as a new str. */
static PyObject *
ascii_lower(Text t, Py_ssize_t s, Py_ssize_t e)
{
    char buf[16];
    for (Py_ssize_t i = s; i < e; i++) {
        Py_UCS4 ch = AT(t, i);
        buf[i - s] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return PyUnicode_FromStringAndSize(buf, e - s);
}

static int
all_ascii(Text t, Py_ssize_t s, Py_ssize_t e)
{
    for (Py_ssize_t i = s; i < e; i++) {
        if (AT(t, i) >= 0x80)
            return 0;
    }
    return 1;
}

/* quote_signs._apostrophe_shape(text, i), text[i + 1] a letter: 1, 0, or -1 with an
 * exception set. */
static int
apostrophe_shape_c(Text t, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t j = i + 1;
    while (j < n && j - i <= 3 && Py_UNICODE_ISALPHA(AT(t, j)))
        j++;
    Py_ssize_t tail = j == n || !Py_UNICODE_ISALPHA(AT(t, j)) ? j - i - 1 : 0; /* text[i+1:j] */
    Py_UCS4 prev = i ? AT(t, i - 1) : ' ';
    if (!Py_UNICODE_ISALPHA(prev))
        return tail > 0 && tail <= 2 && !Py_UNICODE_ISALNUM(prev);
    Py_ssize_t k = i;
    while (k > 0 && i - k < 7 && Py_UNICODE_ISALPHA(AT(t, k - 1)))
        k--;
    Py_ssize_t head = k == 0 || !Py_UNICODE_ISALPHA(AT(t, k - 1)) ? i - k : 0; /* text[k:i] */
    if (all_ascii(t, i + 1, i + 1 + tail)) {
        PyObject *key = ascii_lower(t, i + 1, i + 1 + tail);
        if (key == NULL)
            return -1;
        PyObject *before = PyDict_GetItemWithError(quote_tails, key); /* (borrowed) */
        int n_tail = PyUnicode_GET_LENGTH(key) == 1 && PyUnicode_READ_CHAR(key, 0) == 'n';
        Py_DECREF(key);
        if (before == NULL && PyErr_Occurred())
            return -1;
        if (before != NULL) { /* (a str: init_quotes checked) */
            if (PyUnicode_GET_LENGTH(before) == 0 ||
                PyUnicode_FindChar(before, prev, 0, PyUnicode_GET_LENGTH(before), 1) >= 0)
                return 1;
        }
        if (n_tail && head > 0 && head <= 2)
            return 1;
    }
    if (!all_ascii(t, k, k + head))
        return 0;
    Py_UCS4 nxt = AT(t, i + 1);
    if (!(nxt >= 0x80 ||
          PyUnicode_FindChar(quote_next, nxt, 0, PyUnicode_GET_LENGTH(quote_next), 1) >= 0))
        return 0;
    PyObject *key = ascii_lower(t, k, k + head);
    if (key == NULL)
        return -1;
    int elided = PySet_Contains(quote_heads, key);
    Py_DECREF(key);
    return elided;
}

static int
quote_paired(Py_UCS4 open, Py_UCS4 close)
{
    for (Py_ssize_t p = 0; p < quote_npairs; p++) {
        if (quote_pairs[p][0] == open && quote_pairs[p][1] == close)
            return 1;
    }
    return 0;
}

/* quote_signs._evidence(text, images, signs) for the k-th set of signs: 1 with the counts
 * and positions filled in, 0 for None, -1 with an exception set.  opened: room for n marks. */
static int
evidence_c(Text t, Py_ssize_t n, Py_ssize_t k, Py_UCS4 *opened, Py_ssize_t *found,
           Py_ssize_t *spaced, PyObject *apostrophes, PyObject *glued)
{
    Py_ssize_t depth = 0;
    int seen_open = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = AT(t, i), mark = 0;
        int roles = -1;
        if (!(quote_seen[k][(ch & 0xFFF) >> 3] >> (ch & 7) & 1))
            continue;
        for (Py_ssize_t s = 0; s < quote_counts[k]; s++) {
            if (quote_signs[k][s].sign == ch) {
                mark = quote_signs[k][s].mark;
                roles = quote_signs[k][s].roles;
                break;
            }
        }
        if (roles < 0)
            continue;
        Py_UCS4 prev = i ? AT(t, i - 1) : ' ', nxt = i + 1 < n ? AT(t, i + 1) : ' ';
        int start = !Py_UNICODE_ISALNUM(prev) && !Py_UNICODE_ISSPACE(nxt);
        int end = !Py_UNICODE_ISSPACE(prev) && !Py_UNICODE_ISALNUM(nxt);
        int apart = Py_UNICODE_ISSPACE(prev) && Py_UNICODE_ISSPACE(nxt);
        if (roles & Q_APOSTROPHE && Py_UNICODE_ISALPHA(nxt) && (Py_UNICODE_ISALPHA(prev) || start)) {
            int shape = apostrophe_shape_c(t, n, i);
            if (shape <= 0)
                return shape;
            PyObject *at = PyLong_FromSsize_t(i);
            if (at == NULL || PyList_Append(apostrophes, at) < 0) {
                Py_XDECREF(at);
                return -1;
            }
            Py_DECREF(at);
            continue;
        }
        if (roles & Q_DASH) {
            if (Py_UNICODE_ISDIGIT(prev) && Py_UNICODE_ISDIGIT(nxt)) {
                (*found)++;
            } else if (apart) {
                (*spaced)++;
            } else if (Py_UNICODE_ISALPHA(prev) && Py_UNICODE_ISALPHA(nxt)) {
                PyObject *at = PyLong_FromSsize_t(i);
                if (at == NULL || PyList_Append(glued, at) < 0) {
                    Py_XDECREF(at);
                    return -1;
                }
                Py_DECREF(at);
            } else if (!(start || end)) {
                return 0;
            }
            continue;
        }
        if (roles & Q_TRAILING) {
            if (!end && !apart)
                return 0;
            continue;
        }
        if (roles & Q_BULLET) {
            for (Py_ssize_t j = 0; j < i; j++) {
                if (!Py_UNICODE_ISSPACE(AT(t, j)))
                    return 0; /* (text[:i].strip()) */
            }
            if (nxt != ' ')
                return 0;
            continue;
        }
        if (roles & Q_CLOSING && (end || (roles & Q_PAD_CLOSE && apart))) {
            if (depth && quote_paired(opened[depth - 1], mark)) {
                depth--;
                (*found)++;
                continue;
            }
            if (!seen_open)
                continue;
        }
        if (roles & Q_OPENING && (start || (roles & Q_PAD_OPEN && apart))) {
            opened[depth++] = mark;
            seen_open = 1;
            continue;
        }
        if (!(roles & Q_APOSTROPHE) || !end || seen_open)
            return 0; /* (an apostrophe may end a word: "users'") */
    }
    return depth <= 1;
}

static PyObject *
quote_evidence(PyObject *Py_UNUSED(module), PyObject *args)
{
    if (quote_steps < 0) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_quotes was not called");
        return NULL;
    }
    PyObject *text;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "Un:quote_evidence", &text, &k))
        return NULL;
    if (k < 0 || k >= quote_steps) {
        PyErr_SetString(PyExc_IndexError, "quote_evidence: no such set of signs");
        return NULL;
    }
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), found = 0, spaced = 0;
    Py_UCS4 *opened = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n + 1));
    PyObject *apostrophes = PyList_New(0), *glued = PyList_New(0), *out = NULL;
    if (opened == NULL || apostrophes == NULL || glued == NULL) {
        if (opened == NULL)
            PyErr_NoMemory();
        goto done;
    }
    int got = evidence_c(t, n, k, opened, &found, &spaced, apostrophes, glued);
    if (got < 0)
        goto done;
    if (got == 0) {
        out = Py_NewRef(Py_None);
        goto done;
    }
    out = Py_BuildValue("(nnOO)", found, spaced, apostrophes, glued);
done:
    PyMem_Free(opened);
    Py_XDECREF(apostrophes);
    Py_XDECREF(glued);
    return out;
}

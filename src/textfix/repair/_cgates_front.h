/* The front of legacy.repair: what it asks of every line before its candidates, in one call
 * from Python (six Python frames less a line).  Reference: front._front_py; the compiled
 * tests of _cplausible it asks (looks_quoted, lone_signs, line_pages) and the Icelandic
 * letters are handed over by front._compiled_front (init_front).  Included by _cgates.c
 * after _cgates_opening.h and _cgates_letters.h, whose opening and looks_anyway it reads.
 *
 * Bits of the answer beyond opening's (keep in step with front.py):
 *   FRONT_QUOTED      quote_signs' cheap shape (looks_quoted): signs_quoted may repair;
 *   FRONT_LONE        lone_words.lone_signs(line);
 *   FRONT_NBSP        ce_letters.looks_anyway(line) (asked only with OPENING_ANYWAY);
 *   FRONT_ASK_NBSP    looks_anyway is Python's to answer (its C twin said None);
 *   FRONT_LOOKED      a letter stray_letters.looks_stray looks for stands in the line;
 *   FRONT_READS       plausible(line) is True, FRONT_READS_NOT: it is False (at most one,
 *                     and only where the engine asks plausible: no clean, typed or sign
 *                     capital bit, no NBSP bit; neither where a UTF-8 page is to try).
 */
#define FRONT_QUOTED 128
#define FRONT_LONE 256
#define FRONT_NBSP 512
#define FRONT_ASK_NBSP 1024
#define FRONT_LOOKED 2048
#define FRONT_READS 4096
#define FRONT_READS_NOT 8192
#define FRONT_MOST_LOOKED 8

static PyObject *front_quoted = NULL, *front_lone = NULL, *front_pages = NULL;
static Py_UCS4 front_looked[FRONT_MOST_LOOKED];
static Py_ssize_t front_nlooked = 0;

static PyObject *
init_front(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *quoted, *lone, *pages, *looked;
    if (!PyArg_ParseTuple(args, "OOOU:init_front", &quoted, &lone, &pages, &looked))
        return NULL;
    if (!PyCallable_Check(quoted) || !PyCallable_Check(lone) ||
        (pages != Py_None && !PyCallable_Check(pages))) {
        PyErr_SetString(PyExc_TypeError, "init_front: the tests must be callable");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(looked);
    if (n > FRONT_MOST_LOOKED) {
        PyErr_SetString(PyExc_ValueError, "init_front: too many looked letters");
        return NULL;
    }
    for (Py_ssize_t j = 0; j < n; j++)
        front_looked[j] = PyUnicode_READ_CHAR(looked, j);
    front_nlooked = n;
    Py_INCREF(quoted);
    Py_XSETREF(front_quoted, quoted);
    Py_INCREF(lone);
    Py_XSETREF(front_lone, lone);
    if (pages == Py_None) {
        Py_CLEAR(front_pages);
    } else {
        Py_INCREF(pages);
        Py_XSETREF(front_pages, pages);
    }
    Py_RETURN_NONE;
}

/* The truth of test(text), or -1 with an exception set. */
static int
front_true(PyObject *test, PyObject *text)
{
    PyObject *found = PyObject_CallOneArg(test, text);
    if (found == NULL)
        return -1;
    int truth = PyObject_IsTrue(found);
    Py_DECREF(found);
    return truth;
}

/* front(text) or front(text, implausible): with a true second argument the caller knows
 * line_pages(text) < 0 (document.quick_line_check answered IMPLAUSIBLE for the line), so
 * FRONT_READS_NOT is set where the pages would be asked, without asking them. */
static PyObject *
front(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "front() takes a str and an optional flag");
        return NULL;
    }
    PyObject *text = args[0];
    int implausible = nargs == 2 ? PyObject_IsTrue(args[1]) : 0;
    if (implausible < 0)
        return NULL;
    if (front_quoted == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init_front was not called");
        return NULL;
    }
    PyObject *opened = opening(module, text); /* (checks that text is a str) */
    if (opened == NULL)
        return NULL;
    long bits = PyLong_AsLong(opened);
    Py_DECREF(opened);
    if (bits == -1 && PyErr_Occurred())
        return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n && !(bits & FRONT_LOOKED); i++) {
        Py_UCS4 ch = AT(t, i);
        for (Py_ssize_t j = 0; j < front_nlooked; j++) {
            if (ch == front_looked[j])
                bits |= FRONT_LOOKED;
        }
    }
    int quoted = front_true(front_quoted, text);
    if (quoted < 0)
        return NULL;
    int lone = front_true(front_lone, text);
    if (lone < 0)
        return NULL;
    bits |= (quoted ? FRONT_QUOTED : 0) | (lone ? FRONT_LONE : 0);
    if (bits & OPENING_ANYWAY) {
        PyObject *anyway = looks_anyway(module, text);
        if (anyway == NULL)
            return NULL;
        bits |= anyway == Py_None ? FRONT_ASK_NBSP : anyway == Py_True ? FRONT_NBSP : 0;
        Py_DECREF(anyway);
    }
    if (front_pages != NULL &&
        !(bits & (OPENING_CLEAN | OPENING_TYPED | OPENING_SIGN_CAPITAL | FRONT_NBSP |
                  FRONT_ASK_NBSP))) {
        if (implausible)
            return PyLong_FromLong(bits | FRONT_READS_NOT);
        PyObject *found = PyObject_CallOneArg(front_pages, text);
        if (found == NULL)
            return NULL;
        long pages = PyLong_AsLong(found);
        Py_DECREF(found);
        if (pages == -1 && PyErr_Occurred())
            return NULL;
        /* (plausible: no page at all reads well, a failed test reads ill; a page to try is
         * Python's round trip) */
        bits |= pages == 0 ? FRONT_READS : pages < 0 ? FRONT_READS_NOT : 0;
    }
    return PyLong_FromLong(bits);
}

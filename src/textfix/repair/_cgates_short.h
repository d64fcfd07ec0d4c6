/* gates.short_words_respelled where the gate sheet leaves it open (a line whose words of
 * letters are all short: most short garbled lines), in one pass over the pair, reading the
 * sheet's tables (init_sheet).  None for a pair Python answers: a character beyond the BMP,
 * or a Latin combining mark in the candidate (composed() would normalise it).  Reference:
 * gates._short_words_respelled_py.  Included by _cgates.c after _cgates_sheet.h.
 */

/* t[s:e].isalpha() (a span of one character or more). */
static int
span_alpha(Text t, Py_ssize_t s, Py_ssize_t e)
{
    for (Py_ssize_t i = s; i < e; i++)
        if (!(sheet_tables.flags[AT(t, i)] & S_ALPHA))
            return 0;
    return 1;
}

/* Every character of t[s:e] differs from c's in its place. */
static int
span_all_differ(Text t, Text c, Py_ssize_t s, Py_ssize_t e)
{
    for (Py_ssize_t i = s; i < e; i++)
        if (AT(t, i) == AT(c, i))
            return 0;
    return 1;
}

/* What a respelled word of letters t[s:e] (cand c's letters there) allows: SHORT_SMALL, small
 * in both, of one script, every letter changed (for a longest word of SHORT_WORD + 1 letters);
 * SHORT_CASED, in one case, all letters, of one script (shorter words). */
#define SHORT_SMALL 1
#define SHORT_CASED 2

static int
short_word_shapes(Text t, Text c, Py_ssize_t s, Py_ssize_t e)
{
    if (!span_same_script(t, c, s, e))
        return 0;
    int lower = span_in_case(t, s, e, S_LOWER);
    int shapes = 0;
    if (lower && span_in_case(c, s, e, S_LOWER) && span_all_differ(t, c, s, e))
        shapes |= SHORT_SMALL;
    if ((lower || span_in_case(t, s, e, S_UPPER)) && span_alpha(t, s, e))
        shapes |= SHORT_CASED;
    return shapes;
}

static PyObject *
short_words(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1]))
        return PyErr_Format(PyExc_TypeError, "short_words(text, cand): two strings");
    if (sheet_owner == NULL)
        return PyErr_Format(PyExc_RuntimeError, "short_words: init_sheet was not called");
    PyObject *text = args[0], *cand = args[1];
    Py_ssize_t n = PyUnicode_GET_LENGTH(cand);
    if (PyUnicode_GET_LENGTH(text) != n)
        Py_RETURN_FALSE;
    if (!in_bmp(text) || !in_bmp(cand))
        Py_RETURN_NONE;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Text c = {PyUnicode_KIND(cand), PyUnicode_DATA(cand)};
    /* One pass: each run of letters of cand ([^\W\d_]+) ends at the first other character
     * or at the end (i == n); a Latin combining mark leaves the pair to Python. */
    Py_ssize_t longest = 0, respelled = 0, run = -1;
    int shapes = SHORT_SMALL | SHORT_CASED, differs = 0, changed = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        uint16_t f = i < n ? sheet_tables.flags[AT(c, i)] : 0;
        if (f & S_LATIN_MARK)
            Py_RETURN_NONE;
        int moved = i < n && AT(t, i) != AT(c, i);
        changed |= moved;
        if (f & S_LETTER) {
            if (run < 0) {
                run = i;
                differs = 0;
            }
            differs |= moved;
            continue;
        }
        if (run < 0)
            continue;
        if (i - run > longest)
            longest = i - run;
        if (differs) {
            respelled++;
            shapes &= short_word_shapes(t, c, run, i);
        }
        run = -1;
    }
    if (!changed || longest > SHORT_WORD + 1)
        Py_RETURN_FALSE;
    if (longest > SHORT_WORD)
        return PyBool_FromLong(respelled > 0 && (shapes & SHORT_SMALL));
    return PyBool_FromLong(respelled > 0 && (shapes & SHORT_CASED));
}

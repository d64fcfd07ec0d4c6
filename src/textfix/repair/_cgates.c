/* Compiled twins of pure-Python helpers of textfix.repair (identical results).
 *
 * diff_blocks: the differing blocks difflib's SequenceMatcher(None, a, b, autojunk=False)
 * reports (get_opcodes() without the "equal" ones) for two slices of two strings, by the
 * same algorithm (longest matching block first, earliest in a, then earliest in b; then
 * recursively left and right of it), compared code point by code point.  Reference:
 * textfix.repair.spans._aligned.
 *
 * symbols, repaired_tokens: legacy._symbols and legacy._repaired_tokens, reading what each
 * character of the Basic Multilingual Plane is from flags that Python worked out with the
 * reference definitions (init); a string with a character beyond it gets None (the caller
 * then asks Python).
 *
 * sheet: the character-level gates of legacy.repair's accept test at once (_cgates_sheet.h).
 *
 * accept_sheet: the drawing and unmodelled shapes of the accept test the sheet leaves open
 * (_cgates_accept.h).
 *
 * flips_case: legacy._flips_case (no_repair._fails_plain_gates asks it of every round trip
 * it looks at).
 *
 * opening: what legacy.repair asks of every line first, at once (_cgates_opening.h).
 *
 * sign_scan: sign_lines.sign_line_repair's scans of a line, at once (_cgates_signs.h).
 * front: opening and the other tests legacy.repair asks of every line before its
 * candidates, in one call (_cgates_front.h).
 *
 * one_class: a search for one character class, as two callables bound to its table
 * (_cgates_one_class.h).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    Py_ssize_t i, j, k;
} Block;

typedef struct {
    Py_ssize_t alo, ahi, blo, bhi;
} Range;

typedef struct {
    Py_ssize_t lo;          /* index 0 of the arrays below is position lo of a and of b */
    Py_ssize_t *last_in_b;  /* per position of a: the last position of b holding its char, or -1 */
    Py_ssize_t *prev_same;  /* per position of b: the previous position holding its char, or -1 */
    Py_ssize_t *len, *stamp; /* per position of b: the match length ending there, and its row */
    Py_ssize_t row;         /* rows looked at so far (stamps of a range's previous row) */
} Matcher;

/* difflib's find_longest_match with no junk: the longest block a[i:i+k] == b[j:j+k]
 * inside the ranges; among the longest, the one whose end in a comes first, then in b.
 * (the same dynamic programme as a dense one over every (i, j), visiting only the pairs
 * that match: per row i, the positions of b holding a[i], last first, so that the
 * previous row's length at j - 1 is still there when j is reached) */
static Block
longest_match(Matcher *m, Range r)
{
    Block best = {r.alo, r.blo, 0};
    Py_ssize_t lo = m->lo;
    for (Py_ssize_t i = r.alo; i < r.ahi; i++) {
        Py_ssize_t row = ++m->row;
        Py_ssize_t row_k = 0, row_j = 0;
        for (Py_ssize_t j = m->last_in_b[i - lo]; j >= r.blo; j = m->prev_same[j - lo]) {
            if (j >= r.bhi) {
                continue;
            }
            Py_ssize_t k = 1;
            if (i > r.alo && j > r.blo && m->stamp[j - 1 - lo] == row - 1) {
                k = m->len[j - 1 - lo] + 1;
            }
            m->len[j - lo] = k;
            m->stamp[j - lo] = row;
            if (k >= row_k) { /* (j descends: the earliest j of the row's longest wins) */
                row_k = k;
                row_j = j;
            }
        }
        if (row_k > best.k) {
            best.i = i - row_k + 1;
            best.j = row_j - row_k + 1;
            best.k = row_k;
        }
    }
    return best;
}

/* The positions of b[lo:hi_b] holding each character of a[lo:hi_a] (Matcher's last_in_b
 * and prev_same), through a small open-addressing table of b's characters. */
static int
index_chars(Matcher *m, PyObject *a, PyObject *b, Py_ssize_t hi_a, Py_ssize_t hi_b)
{
    Py_ssize_t lo = m->lo, nb = hi_b - lo;
    size_t size = 8;
    while (size < 2 * (size_t)nb + 2) {
        size *= 2;
    }
    Py_UCS4 *keys = PyMem_Malloc(size * sizeof(Py_UCS4));
    Py_ssize_t *last = PyMem_Malloc(size * sizeof(Py_ssize_t));
    if (keys == NULL || last == NULL) {
        PyMem_Free(keys);
        PyMem_Free(last);
        PyErr_NoMemory();
        return -1;
    }
    for (size_t h = 0; h < size; h++) {
        last[h] = -1;
    }
    int bkind = PyUnicode_KIND(b), akind = PyUnicode_KIND(a);
    const void *bdata = PyUnicode_DATA(b), *adata = PyUnicode_DATA(a);
    for (Py_ssize_t j = lo; j < hi_b; j++) {
        Py_UCS4 ch = PyUnicode_READ(bkind, bdata, j);
        size_t h = ((size_t)ch * 2654435761u) & (size - 1);
        while (last[h] >= 0 && keys[h] != ch) {
            h = (h + 1) & (size - 1);
        }
        keys[h] = ch;
        m->prev_same[j - lo] = last[h];
        last[h] = j;
    }
    for (Py_ssize_t i = lo; i < hi_a; i++) {
        Py_UCS4 ch = PyUnicode_READ(akind, adata, i);
        size_t h = ((size_t)ch * 2654435761u) & (size - 1);
        while (last[h] >= 0 && keys[h] != ch) {
            h = (h + 1) & (size - 1);
        }
        m->last_in_b[i - lo] = last[h]; /* (-1 at an empty slot: no such character in b) */
    }
    PyMem_Free(keys);
    PyMem_Free(last);
    return 0;
}

static int
by_position(const void *x, const void *y)
{
    const Block *a = x, *b = y;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    if (a->j != b->j)
        return a->j < b->j ? -1 : 1;
    return (a->k > b->k) - (a->k < b->k);
}

static PyObject *
diff_blocks(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *a, *b;
    Py_ssize_t lo, hi_a, hi_b;
    if (!PyArg_ParseTuple(args, "UUnnn:diff_blocks", &a, &b, &lo, &hi_a, &hi_b))
        return NULL;
    if (lo < 0 || hi_a < lo || hi_b < lo || hi_a > PyUnicode_GET_LENGTH(a) ||
        hi_b > PyUnicode_GET_LENGTH(b)) {
        PyErr_SetString(PyExc_ValueError, "diff_blocks: bad slice bounds");
        return NULL;
    }
    Matcher m = {lo, NULL, NULL, NULL, NULL, 0};
    Py_ssize_t width = hi_b - lo + 1;
    Py_ssize_t most = (hi_a - lo < hi_b - lo ? hi_a - lo : hi_b - lo) + 2;
    m.last_in_b = PyMem_Malloc((size_t)(hi_a - lo + 1) * sizeof(Py_ssize_t));
    m.prev_same = PyMem_Malloc((size_t)width * sizeof(Py_ssize_t));
    m.len = PyMem_Malloc((size_t)width * sizeof(Py_ssize_t));
    m.stamp = PyMem_Calloc((size_t)width, sizeof(Py_ssize_t));
    /* Each block found splits a range in two: at most min(la, lb) blocks, and as many
     * ranges waiting. */
    Block *blocks = PyMem_Malloc((size_t)most * sizeof(Block));
    Range *queue = PyMem_Malloc((size_t)(most + 1) * sizeof(Range));
    PyObject *out = NULL;
    if (m.last_in_b == NULL || m.prev_same == NULL || m.len == NULL || m.stamp == NULL ||
        blocks == NULL || queue == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (index_chars(&m, a, b, hi_a, hi_b) < 0) {
        goto done;
    }
    Py_ssize_t nblocks = 0, nqueue = 0;
    queue[nqueue++] = (Range){lo, hi_a, lo, hi_b};
    while (nqueue > 0) {
        Range r = queue[--nqueue];
        Block x = longest_match(&m, r);
        if (x.k == 0)
            continue;
        blocks[nblocks++] = x;
        if (r.alo < x.i && r.blo < x.j)
            queue[nqueue++] = (Range){r.alo, x.i, r.blo, x.j};
        if (x.i + x.k < r.ahi && x.j + x.k < r.bhi)
            queue[nqueue++] = (Range){x.i + x.k, r.ahi, x.j + x.k, r.bhi};
    }
    qsort(blocks, (size_t)nblocks, sizeof(Block), by_position);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    /* get_opcodes: the gaps between consecutive blocks (adjacent blocks leave none). */
    Py_ssize_t i = lo, j = lo;
    for (Py_ssize_t n = 0; n <= nblocks; n++) {
        Block x = n < nblocks ? blocks[n] : (Block){hi_a, hi_b, 0};
        if (i < x.i || j < x.j) {
            PyObject *item = Py_BuildValue("(nnnn)", i, x.i, j, x.j);
            if (item == NULL || PyList_Append(out, item) < 0) {
                Py_XDECREF(item);
                Py_CLEAR(out);
                goto done;
            }
            Py_DECREF(item);
        }
        i = x.i + x.k;
        j = x.j + x.k;
    }
done:
    PyMem_Free(m.last_in_b);
    PyMem_Free(m.prev_same);
    PyMem_Free(m.len);
    PyMem_Free(m.stamp);
    PyMem_Free(blocks);
    PyMem_Free(queue);
    return out;
}

/* Flags of each BMP character, handed over by init (kept alive here). */
static PyObject *flags_owner = NULL;
static const unsigned char *flags = NULL;
#define FLAG_TOKEN 1  /* a character of scoring.model.TOKEN_RE */
#define FLAG_SYMBOL 2 /* a character legacy._symbols counts */
#define BMP 0x10000

static PyObject *
init(PyObject *Py_UNUSED(module), PyObject *arg)
{
    if (!PyBytes_Check(arg) || PyBytes_GET_SIZE(arg) != BMP) {
        PyErr_SetString(PyExc_ValueError, "init: flags must be 65536 bytes");
        return NULL;
    }
    Py_INCREF(arg);
    Py_XSETREF(flags_owner, arg);
    flags = (const unsigned char *)PyBytes_AS_STRING(arg);
    Py_RETURN_NONE;
}

/* Whether every character of text is in the BMP (the flags know it): strings are stored
 * in the narrowest kind that holds their characters (a wider one only answers "no"). */
static int
in_bmp(PyObject *text)
{
    return PyUnicode_KIND(text) != PyUnicode_4BYTE_KIND;
}

static int
ready(void)
{
    if (flags == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "textfix.repair._cgates.init was not called");
        return 0;
    }
    return 1;
}

#include "_cgates_sheet.h"
#include "_cgates_letters.h"
#include "_cgates_opening.h"
#include "_cgates_accept.h"
#include "_cgates_quotes.h"
#include "_cgates_short.h"
#include "_cgates_signs.h"
#include "_cgates_front.h"
#include "_cgates_one_class.h"
#include "_cgates_lone_steps.h"

static PyObject *
symbols(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "symbols: a str is needed");
        return NULL;
    }
    if (!ready())
        return NULL;
    if (!in_bmp(text))
        Py_RETURN_NONE;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), total = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        total += (flags[PyUnicode_READ(kind, data, i)] & FLAG_SYMBOL) != 0;
    return PyLong_FromSsize_t(total);
}

static PyObject *
repaired_tokens(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *text, *cand;
    if (!PyArg_ParseTuple(args, "UU:repaired_tokens", &text, &cand))
        return NULL;
    if (!ready())
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(cand);
    if (PyUnicode_GET_LENGTH(text) != n || !in_bmp(cand))
        Py_RETURN_NONE; /* (Python slices text as it is) */
    int tkind = PyUnicode_KIND(text), ckind = PyUnicode_KIND(cand);
    const void *tdata = PyUnicode_DATA(text), *cdata = PyUnicode_DATA(cand);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        if (!(flags[PyUnicode_READ(ckind, cdata, i)] & FLAG_TOKEN)) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        int differs = 0;
        for (; i < n; i++) {
            Py_UCS4 ch = PyUnicode_READ(ckind, cdata, i);
            if (!(flags[ch] & FLAG_TOKEN))
                break;
            differs |= PyUnicode_READ(tkind, tdata, i) != ch;
        }
        if (!differs)
            continue;
        PyObject *token = PyUnicode_Substring(cand, start, i);
        if (token == NULL || PyList_Append(out, token) < 0) {
            Py_XDECREF(token);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(token);
    }
    PyObject *tokens = PyList_AsTuple(out);
    Py_DECREF(out);
    return tokens;
}

/* legacy._flips_case: a changed letter of text (not one of caseless) that changes case in
 * cand, small to capital, or capital to small unless it stands between a letter and a small
 * letter ("DÚsactiver" -> "Désactiver" lowers a capital inside a word). The tests are those
 * of str.islower, str.isupper and str.isalpha on one character. Lengths that differ: False. */
static PyObject *
flips_case(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *text, *cand, *caseless;
    if (!PyArg_ParseTuple(args, "UUU:flips_case", &text, &cand, &caseless))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_GET_LENGTH(cand) != n)
        Py_RETURN_FALSE;
    int tkind = PyUnicode_KIND(text), ckind = PyUnicode_KIND(cand);
    const void *tdata = PyUnicode_DATA(text), *cdata = PyUnicode_DATA(cand);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ(tkind, tdata, i), b = PyUnicode_READ(ckind, cdata, i);
        if (a == b || PyUnicode_FindChar(caseless, a, 0, PyUnicode_GET_LENGTH(caseless), 1) >= 0)
            continue;
        if (Py_UNICODE_ISLOWER(a) && Py_UNICODE_ISUPPER(b))
            Py_RETURN_TRUE;
        if (Py_UNICODE_ISUPPER(a) && Py_UNICODE_ISLOWER(b)) {
            int inner = i > 0 && i < n - 1 && Py_UNICODE_ISALPHA(PyUnicode_READ(tkind, tdata, i - 1))
                        && Py_UNICODE_ISLOWER(PyUnicode_READ(tkind, tdata, i + 1));
            if (!inner)
                Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyMethodDef cgates_functions[] = {
    {"init", init, METH_O,
     "init(flags, /)\n--\n\n"
     "Hand over what each BMP character is: 65536 bytes, bit 1 a TOKEN_RE character,\n"
     "bit 2 one legacy._symbols counts."},
    {"symbols", symbols, METH_O,
     "symbols(text, /)\n--\n\n"
     "legacy._symbols(text), or None when text has a character beyond the BMP."},
    {"repaired_tokens", repaired_tokens, METH_VARARGS,
     "repaired_tokens(text, cand, /)\n--\n\n"
     "legacy._repaired_tokens(text, cand), or None when the lengths differ or cand has\n"
     "a character beyond the BMP."},
    {"init_sheet", init_sheet, METH_O,
     "init_sheet(tables, /)\n--\n\n"
     "Hand over the tables of textfix.repair.gate_sheet (what each BMP character is)."},
    {"sheet", sheet, METH_VARARGS,
     "sheet(text, cand, /)\n--\n\n"
     "The gates of textfix.repair.gate_sheet for a repair of the same length, as answer\n"
     "bits, known bits (<< 16) and the longest repaired token (<< 32); None when the\n"
     "lengths differ or either text has a character beyond the BMP."},
    {"accept_sheet", (PyCFunction)(void (*)(void))accept_sheet, METH_FASTCALL,
     "accept_sheet(text, cand): the accept sheet's answer and known bits (_cgates_accept.h), "
     "or None."},
    {"init_typed", init_typed, METH_O,
     "init_typed(table, /)\n--\n\n"
     "Hand over plausible.typed_in_unicode's table (see _cgates_sheet.h)."},
    {"typed", typed, METH_O,
     "typed(line, /)\n--\n\n"
     "plausible.typed_in_unicode(line), or None when line has a character beyond the BMP."},
    {"flips_case", flips_case, METH_VARARGS,
     "flips_case(text, cand, caseless, /)\n--\n\n"
     "legacy._flips_case(text, cand), legacy._CASELESS given as the string caseless."},
    {"core_words", core_words, METH_O,
     "core_words(text, /)\n--\n\n"
     "legacy._CORE_WORD.findall(text): the words with a non-ASCII character (needs\n"
     "init_sheet)."},
    {"diff_blocks", diff_blocks, METH_VARARGS,
     "diff_blocks(a, b, lo, hi_a, hi_b, /)\n--\n\n"
     "The differing blocks (a0, a1, b0, b1) of a[lo:hi_a] and b[lo:hi_b], in order, as\n"
     "difflib.SequenceMatcher(None, ..., autojunk=False).get_opcodes() reports them\n"
     "(offsets in a and b)."},
    {"init_letters", init_letters, METH_VARARGS,
     "init_letters(tables, bigrams, absent, /)\n--\n\n"
     "Hand over the tables of textfix.repair.letter_places (see _cgates_letters.h)."},
    {"looks_anyway", looks_anyway, METH_O,
     "looks_anyway(text, /)\n--\n\n"
     "ce_letters.looks_anyway(text), or None when text has a character beyond the limit\n"
     "(letter_places.LIMIT)."},
    {"odd_chars", odd_chars, METH_O,
     "odd_chars(text, /)\n--\n\n"
     "ce_letters._odd_chars(text) as a new set, or None beyond the limit."},
    {"out_of_place", out_of_place, METH_O,
     "out_of_place(text, /)\n--\n\n"
     "ce_letters.has_out_of_place(text), or None beyond the limit."},
    {"loose", loose, METH_VARARGS,
     "loose(word, letters, /)\n--\n\n"
     "ce_letters._loose(word, letters), or None beyond the limit."},
    {"marks", marks, METH_VARARGS,
     "marks(before, word, places_of, /)\n--\n\n"
     "ce_letters._marks(before, word, places_of), places_of given as the flag bit of its\n"
     "letters; None when the lengths differ or beyond the limit."},
    {"init_opening", init_opening, METH_VARARGS,
     "init_opening(get, capital_signs, latin_signs, anyway, edges, before_small, /)\n--\n\n"
     "Hand over what gates.opening reads (see _cgates_opening.h)."},
    {"opening", opening, METH_O,
     "opening(text, /)\n--\n\n"
     "The bits of gates.opening(text) (see _cgates_opening.h)."},
    {"init_quotes", init_quotes, METH_VARARGS,
     "init_quotes(steps, pairs, heads, tails, next, /)\n--\n\n"
     "Hand over what quote_signs._evidence reads (see _cgates_quotes.h)."},
    {"quote_evidence", quote_evidence, METH_VARARGS,
     "quote_evidence(text, k, /)\n--\n\n"
     "quote_signs._evidence of text for the k-th set of signs handed over, as\n"
     "(found, spaced, apostrophes, glued), or None."},
    {"short_words", (PyCFunction)(void (*)(void))short_words, METH_FASTCALL,
     "short_words(text, cand, /)\n--\n\n"
     "gates.short_words_respelled where the sheet leaves it open, or None (see\n"
     "_cgates_short.h)."},
    {"init_signs", init_signs, METH_VARARGS,
     "init_signs(keys, live, rival_lo, rival_hi, flags, meant, ascii_quotes, cyrillic, rivals,\n"
     "min_signs, /)\n--\n\n"
     "Hand over what sign_lines._scan_py reads (see _cgates_signs.h)."},
    {"sign_scan", sign_scan, METH_O,
     "sign_scan(text, /)\n--\n\n"
     "sign_lines._scan_py(text) (see _cgates_signs.h)."},
    {"init_front", init_front, METH_VARARGS,
     "init_front(looks_quoted, lone_signs, line_pages, looked, /)\n--\n\n"
     "Hand over what front.front asks besides the opening (see _cgates_front.h)."},
    {"front", (PyCFunction)(void (*)(void))front, METH_FASTCALL,
     "front(text, implausible=False, /)\n--\n\n"
     "The bits of front.front(text) (see _cgates_front.h)."},
    {"one_class", one_class, METH_VARARGS,
     "one_class(chars, negated, /)\n--\n\n"
     "(found, first) searching text for one class of characters (see _cgates_one_class.h)."},
    {"init_lone_steps", init_lone_steps, METH_VARARGS,
     "init_lone_steps(keys, sign_masks, changing_masks, is_sign, words, /)\n--\n\n"
     "Hand over what lone_words._live_steps_py reads (see _cgates_lone_steps.h)."},
    {"lone_steps", lone_steps, METH_O,
     "lone_steps(text, /)\n--\n\n"
     "lone_words._live_steps_py(text) (see _cgates_lone_steps.h)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cgates_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "textfix.repair._cgates",
    .m_doc = "Compiled twins of textfix.repair helpers (identical results).",
    .m_size = -1,
    .m_methods = cgates_functions,
};

PyMODINIT_FUNC
PyInit__cgates(void)
{
    return PyModule_Create(&cgates_module);
}

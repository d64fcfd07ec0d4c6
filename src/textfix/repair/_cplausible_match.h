/* A matcher for alternations of fixed sequences of character classes (see _badness.py).
 * Part of _cplausible.c (one compilation unit: included there, after Python.h). */
#ifndef _CPLAUSIBLE_MATCH_H
#define _CPLAUSIBLE_MATCH_H

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ ftfy's badness pattern */

/* ftfy.badness.BADNESS_RE is one alternation of fixed-length sequences of character classes
 * (textfix/repair/_badness.py checks that and hands them over). search() finds a match iff
 * some alternative matches at some position; per character and position in a sequence, a
 * bit mask says which alternatives accept it there, so a position costs a few ANDs. */
#define BAD_MAX_LEN 8

typedef struct {
    int negate, space, word, any, digit; /* categories: \s, \w, any but "\n", \d */
    Map chars;                           /* literal characters and range members */
} BadClass;

typedef struct {
    int ready;
    Py_ssize_t nclasses;
    BadClass *classes;
    Map row;                                /* character named by some class -> row of masks */
    uint16_t *bmp_row;                      /* the same for the BMP, NO_ROW for the others */
    uint64_t (*masks)[BAD_MAX_LEN];         /* per row and position: alternatives accepting it */
    uint64_t other[16][BAD_MAX_LEN];        /* the same for other characters, by categories */
    uint64_t ends[BAD_MAX_LEN + 1];         /* alternatives of each length */
    uint64_t anchored;                      /* alternatives that only match at the start */
    uint8_t length[64];                     /* each alternative's length */
    Py_ssize_t behind;                      /* class of a one-class lookbehind, or -1 */
} Matcher;

/* The patterns matched: ftfy's badness pattern, utf8.SHAPE and ftfy's UTF8_DETECTOR_RE
 * (a repeated alternation, _cplausible_repeat.h). */
enum { BADNESS, UTF8_SHAPE, UTF8_DETECTOR, NMATCHERS };
static Matcher M[NMATCHERS];

static int category_bits_slow(Py_UCS4 ch)
{
    return (Py_UNICODE_ISSPACE(ch) ? 1 : 0) | ((Py_UNICODE_ISALNUM(ch) || ch == '_') ? 2 : 0)
        | (ch != '\n' ? 4 : 0) | (Py_UNICODE_ISDECIMAL(ch) ? 8 : 0);
}

/* category_bits_slow for the BMP, filled once (the Unicode database is a few calls deep). */
static uint8_t bmp_categories[0x10000];
static int bmp_categories_ready;

static int category_bits(Py_UCS4 ch)
{
    return ch < 0x10000 ? bmp_categories[ch] : category_bits_slow(ch);
}

static int class_accepts(const BadClass *c, int listed, int cats)
{
    int in = listed || (c->space && (cats & 1)) || (c->word && (cats & 2)) || (c->any && (cats & 4))
        || (c->digit && (cats & 8));
    return in != c->negate;
}

#define NO_ROW 0xFFFF

static const uint64_t *bad_masks(const Matcher *m, Py_UCS4 ch)
{
    if (ch < 0x10000) {
        uint16_t r = m->bmp_row[ch];
        return r == NO_ROW ? m->other[bmp_categories[ch]] : m->masks[r];
    }
    uint64_t row = map_get(&m->row, ch, MAP_EMPTY);
    return row == MAP_EMPTY ? m->other[category_bits(ch)] : m->masks[row];
}

/* m's pattern.search(line) is not None. */
static int search(const Matcher *m, const Py_UCS4 *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t live = bad_masks(m, s[i])[0] & (i > 0 ? ~m->anchored : UINT64_MAX);
        for (Py_ssize_t j = 1; live; j++) {
            if (live & m->ends[j])
                return 1;
            if (i + j >= n || j >= BAD_MAX_LEN)
                break;
            live &= bad_masks(m, s[i + j])[j];
        }
    }
    return 0;
}

/* The length of the first alternative in the order handed over that matches s at i (the
 * one re takes there), or 0 when none does. */
static Py_ssize_t first_match(const Matcher *m, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i)
{
    uint64_t live = bad_masks(m, s[i])[0] & (i > 0 ? ~m->anchored : UINT64_MAX);
    uint64_t done = 0;
    for (Py_ssize_t j = 1; live; j++) {
        done |= live & m->ends[j];
        if (i + j >= n || j >= BAD_MAX_LEN)
            break;
        live &= bad_masks(m, s[i + j])[j];
    }
    if (!done)
        return 0;
    int first = 0;
    while (!(done >> first & 1))
        first++;
    return m->length[first];
}

/* len(pattern.findall(line)) for m's pattern, as re finds them: at each position the
 * first alternative in the order handed over that matches there (the pattern's branch
 * order, greedy optional parts first: see _badness.program), then on after it. */
static Py_ssize_t count_matches(const Matcher *m, const Py_UCS4 *s, Py_ssize_t n)
{
    Py_ssize_t found = 0, i = 0;
    while (i < n) {
        Py_ssize_t len = first_match(m, s, n, i);
        found += len > 0;
        i += len > 0 ? len : 1;
    }
    return found;
}

static void matcher_free(Matcher *m)
{
    if (!m->ready)
        return;
    m->ready = 0;
    for (Py_ssize_t i = 0; i < m->nclasses; i++)
        map_free(&m->classes[i].chars);
    PyMem_Free(m->classes);
    PyMem_Free(m->bmp_row);
    PyMem_Free(m->masks);
    map_free(&m->row);
}

/* init_badness(named, classes, alternatives): `named` holds every character some class
 * lists; classes are (negate, space, word, any, digit, listed characters); alternatives are
 * (anchored, tuple of class indices). */
static int load_matcher(Matcher *m, PyObject *named, PyObject *classes, PyObject *alternatives)
{
    Py_ssize_t nalt = PyList_GET_SIZE(alternatives);
    m->nclasses = PyList_GET_SIZE(classes);
    if (nalt < 1 || nalt > 64) {
        PyErr_SetString(PyExc_ValueError, "between 1 and 64 alternatives");
        return -1;
    }
    m->classes = PyMem_Calloc((size_t)m->nclasses + 1, sizeof(BadClass));
    m->masks = PyMem_Calloc((size_t)PyUnicode_GET_LENGTH(named) + 1, sizeof *m->masks);
    m->bmp_row = PyMem_Malloc(0x10000 * sizeof(uint16_t));
    if (m->classes == NULL || m->masks == NULL || m->bmp_row == NULL || map_rows(&m->row, named) < 0)
        return -1;
    if (PyUnicode_GET_LENGTH(named) >= NO_ROW) {
        PyErr_SetString(PyExc_ValueError, "too many characters named");
        return -1;
    }
    for (Py_UCS4 c = 0; c < 0x10000; c++)
        m->bmp_row[c] = NO_ROW;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(named); i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(named, i);
        if (c < 0x10000)
            m->bmp_row[c] = (uint16_t)i;
    }
    for (Py_ssize_t k = 0; k < m->nclasses; k++) {
        BadClass *c = &m->classes[k];
        PyObject *chars;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(classes, k), "pppppU", &c->negate, &c->space,
                              &c->word, &c->any, &c->digit, &chars)
            || map_rows(&c->chars, chars) < 0)
            return -1;
    }
    for (Py_ssize_t a = 0; a < nalt; a++) {
        PyObject *indices;
        int anchored;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(alternatives, a), "pO!", &anchored, &PyTuple_Type,
                              &indices))
            return -1;
        Py_ssize_t len = PyTuple_GET_SIZE(indices);
        if (len < 1 || len > BAD_MAX_LEN) {
            PyErr_SetString(PyExc_ValueError, "alternatives of 1 to 8 classes");
            return -1;
        }
        uint64_t bit = 1ULL << a;
        m->ends[len] |= bit;
        m->length[a] = (uint8_t)len;
        if (anchored)
            m->anchored |= bit;
        for (Py_ssize_t p = 0; p < len; p++) {
            Py_ssize_t k = PyLong_AsSsize_t(PyTuple_GET_ITEM(indices, p));
            if (k < 0 || k >= m->nclasses) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_ValueError, "class index out of range");
                return -1;
            }
            const BadClass *c = &m->classes[k];
            for (int cats = 0; cats < 16; cats++)
                if (class_accepts(c, 0, cats))
                    m->other[cats][p] |= bit;
            for (size_t i = 0; i <= m->row.mask; i++) {
                if (m->row.entries[i].key == MAP_EMPTY)
                    continue;
                Py_UCS4 ch = (Py_UCS4)m->row.entries[i].key;
                int listed = map_get(&c->chars, ch, MAP_EMPTY) != MAP_EMPTY;
                if (class_accepts(c, listed, category_bits(ch)))
                    m->masks[m->row.entries[i].value][p] |= bit;
            }
        }
    }
    return 0;
}

#endif /* _CPLAUSIBLE_MATCH_H */

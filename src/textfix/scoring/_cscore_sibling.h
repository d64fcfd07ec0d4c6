/* sibling_pages.sibling_word's common path in one call (sibling_pages._readers_py is its
 * pure-Python twin, the reference: identical results, compared in tests). Included by
 * _cscore.c after WordSource. */

/* The bare word of data[*lo:*hi]: ``str.strip(edge)`` in place. */
static void sibling_strip(int kind, const void *data, Py_ssize_t *lo, Py_ssize_t *hi,
                          PyObject *edge)
{
    while (*lo < *hi && PyUnicode_FindChar(edge, PyUnicode_READ(kind, data, *lo), 0,
                                           PyUnicode_GET_LENGTH(edge), 1) >= 0)
        (*lo)++;
    while (*hi > *lo && PyUnicode_FindChar(edge, PyUnicode_READ(kind, data, *hi - 1), 0,
                                           PyUnicode_GET_LENGTH(edge), 1) >= 0)
        (*hi)--;
}

/* The mask ``dict[str, int]`` ``masks`` holds for character c (0: none); -1 on error. */
static int sibling_char_mask(PyObject *masks, Py_UCS4 c, uint64_t *out)
{
    PyObject *key = PyUnicode_FromOrdinal((int)c);
    if (key == NULL)
        return -1;
    PyObject *v = PyDict_GetItemWithError(masks, key); /* borrowed */
    Py_DECREF(key);
    *out = 0;
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    *out = (uint64_t)PyLong_AsUnsignedLongLongMask(v);
    return *out == (uint64_t)-1 && PyErr_Occurred() ? -1 : 0;
}

#define SIBLING_MAX_WORD 256 /* a longer unknown word: ask Python */

/* sibling_readers(lookup, text_core, cand_core, family, edge, swaps, pages): -1 when no
 * repaired word is unknown to ``family``, else the mask of ``pages`` whose reading of the
 * first such word (as shown) is a known word of their family; -2: ask Python (the words do
 * not pair up, a table maps a character to other than one character, a long word). */
static PyObject *py_sibling_readers(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *lookup, *text, *cand, *edge, *swaps, *pages;
    unsigned long long family;
    if (!PyArg_ParseTuple(args, "OUUKUO!O!", &lookup, &text, &cand, &family, &edge,
                          &PyDict_Type, &swaps, &PyTuple_Type, &pages))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_GET_LENGTH(cand) != n)
        return PyLong_FromLong(-2);
    WordSource ws;
    word_source_set(&ws, lookup);
    long result = -1;
    int tk = PyUnicode_KIND(text), ck = PyUnicode_KIND(cand);
    const void *td = PyUnicode_DATA(text), *cd = PyUnicode_DATA(cand);
    Py_ssize_t lo = 0, ulo = -1, uhi = -1;
    /* the first word whose repair is no known word of the family */
    while (lo <= n && ulo < 0) {
        Py_ssize_t hi = lo;
        while (hi < n && PyUnicode_READ(tk, td, hi) != ' ')
            hi++;
        int differs = 0;
        for (Py_ssize_t i = lo; i < hi; i++) {
            Py_UCS4 c = PyUnicode_READ(ck, cd, i);
            if (c == ' ') { /* the words do not pair up */
                result = -2;
                goto done;
            }
            differs |= c != PyUnicode_READ(tk, td, i);
        }
        if (hi < n && PyUnicode_READ(ck, cd, hi) != ' ') {
            result = -2;
            goto done;
        }
        Py_ssize_t blo = lo, bhi = hi;
        sibling_strip(ck, cd, &blo, &bhi, edge);
        int alpha = differs && bhi - blo > 1;
        for (Py_ssize_t i = blo; alpha && i < bhi; i++)
            alpha = Py_UNICODE_ISALPHA(PyUnicode_READ(ck, cd, i));
        if (alpha) {
            uint64_t mask;
            if (word_source_mask(&ws, cand, ck, cd, blo, bhi, &mask, NULL) < 0)
                goto error;
            if (!(mask & family)) {
                ulo = lo;
                uhi = hi;
            }
        }
        lo = hi + 1;
    }
    if (ulo < 0)
        goto done;
    if (uhi - ulo > SIBLING_MAX_WORD) {
        result = -2;
        goto done;
    }
    /* the pages reading one of its characters as another letter of the same case */
    uint64_t swapped = 0;
    for (Py_ssize_t i = ulo; i < uhi; i++) {
        uint64_t m;
        if (sibling_char_mask(swaps, PyUnicode_READ(tk, td, i), &m) < 0)
            goto error;
        swapped |= m;
    }
    uint64_t readers = 0;
    Py_ssize_t npages = PyTuple_GET_SIZE(pages);
    Py_UCS4 made[SIBLING_MAX_WORD];
    for (Py_ssize_t p = 0; p < npages && p < 64; p++) {
        if (!(swapped >> p & 1))
            continue;
        PyObject *page = PyTuple_GET_ITEM(pages, p);
        if (!PyTuple_Check(page) || PyTuple_GET_SIZE(page) != 3
            || !PyDict_Check(PyTuple_GET_ITEM(page, 1))) {
            PyErr_SetString(PyExc_TypeError, "sibling_readers: (name, table, mask) pages");
            goto error;
        }
        PyObject *table = PyTuple_GET_ITEM(page, 1);
        uint64_t other_family = (uint64_t)PyLong_AsUnsignedLongLongMask(PyTuple_GET_ITEM(page, 2));
        if (other_family == (uint64_t)-1 && PyErr_Occurred())
            goto error;
        int same = 1;
        Py_ssize_t len = uhi - ulo;
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ(tk, td, ulo + i);
            PyObject *key = PyLong_FromUnsignedLong(c);
            if (key == NULL)
                goto error;
            PyObject *v = PyDict_GetItemWithError(table, key); /* borrowed */
            Py_DECREF(key);
            if (v == NULL && PyErr_Occurred())
                goto error;
            if (v != NULL) {
                if (!PyUnicode_Check(v) || PyUnicode_GET_LENGTH(v) != 1) {
                    result = -2;
                    goto done;
                }
                c = PyUnicode_READ_CHAR(v, 0);
            }
            made[i] = c;
            same &= c == PyUnicode_READ(tk, td, ulo + i);
        }
        if (same) /* a page reading the word as shown repairs nothing in it */
            continue;
        Py_ssize_t blo = 0, bhi = len;
        sibling_strip(PyUnicode_4BYTE_KIND, made, &blo, &bhi, edge);
        uint64_t mask;
        if (word_source_mask(&ws, NULL, PyUnicode_4BYTE_KIND, made, blo, bhi, &mask, NULL) < 0)
            goto error;
        if (mask & other_family)
            readers |= 1ULL << p;
    }
    Py_DECREF(ws.call);
    return PyLong_FromUnsignedLongLong(readers);
done:
    Py_DECREF(ws.call);
    return PyLong_FromLong(result);
error:
    Py_DECREF(ws.call);
    return NULL;
}

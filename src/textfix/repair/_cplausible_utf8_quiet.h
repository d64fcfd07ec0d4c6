/* utf8.repair's one-call answer for most garbled lines, and the exact tests of ftfy_left
 * beyond a line's first characters. utf8_quiet (utf8._quiet_py): utf8.repair surely
 * returns None, as the line has no UTF-8 shape (utf8.SHAPE), or ftfy leaves it (its badness
 * pattern does not flag it, or ftfy_left) and its first non-ASCII character and the next
 * one start no UTF-8 sequence as cp1252 or latin-1 show it (utf8._whole_line_utf8's first
 * test); in Python that took a frame a test. For ftfy_left (utf8._ftfy_left_py): the tries
 * of ftfy's code pages that surely fail (utf8._page_fails: each page's bytes of the line,
 * from a table, checked as strict UTF-8 where no byte restorer may change them), and the
 * detector's matches ftfy's span-wise fix leaves (each one ftfy_left leaves, asked of the
 * match alone); without them a garbled line ftfy cannot decode ran ftfy's steps in
 * Python, raising and catching a UnicodeDecodeError a page.
 * Part of _cplausible.c (one compilation unit: included there, after _cplausible_utf8.h). */
#ifndef _CPLAUSIBLE_UTF8_QUIET_H
#define _CPLAUSIBLE_UTF8_QUIET_H

#define FTFY_MAX_PAGES 64

typedef struct {
    int ready;
    Py_ssize_t npages;
    Map bytes; /* page << 21 | character beyond ASCII -> its byte (utf8._page_bytes) */
    /* per page, 4 rows of 256: row 0 the byte's restorer row (0 none, 0xFF any place,
     * else a row), rows 1-3 per lead byte the distances it may stand behind (bit d - 1) */
    uint8_t restorers[FTFY_MAX_PAGES][4][256];
    Map continued; /* utf8._CONTINUED: what both pages show continuation bytes as */
    Py_UCS4 lead, last_lead; /* utf8._LEAD, utf8._LAST_LEAD */
} Utf8Quiet;

static Utf8Quiet UQ;

static void utf8_quiet_free(void)
{
    if (UQ.ready) {
        map_free(&UQ.bytes);
        map_free(&UQ.continued);
    }
    UQ.ready = 0;
}

/* init_utf8_quiet(bytes, restorers, continued, lead, last_lead): `bytes` maps chr(page) +
 * character beyond ASCII to the page's byte, `restorers` holds 1024 bytes a page
 * (utf8._ftfy_page_tables); utf8._CONTINUED's characters as one str, and the first and
 * last characters standing for a lead byte. */
static PyObject *py_init_utf8_quiet(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *bytes, *continued;
    Py_buffer rows;
    int lead, last_lead;
    if (!PyArg_ParseTuple(args, "O!y*UCC", &PyDict_Type, &bytes, &rows, &continued, &lead, &last_lead))
        return NULL;
    Py_ssize_t npages = rows.len / 1024;
    if (rows.len % 1024 || npages > FTFY_MAX_PAGES) {
        PyBuffer_Release(&rows);
        PyErr_SetString(PyExc_ValueError, "1024 bytes a page, at most 64 pages");
        return NULL;
    }
    utf8_quiet_free();
    memcpy(UQ.restorers, rows.buf, (size_t)rows.len);
    PyBuffer_Release(&rows);
    if (map_from_dict(&UQ.bytes, bytes) < 0) {
        map_free(&UQ.bytes);
        return NULL;
    }
    if (map_rows(&UQ.continued, continued) < 0) {
        map_free(&UQ.bytes);
        map_free(&UQ.continued);
        return PyErr_NoMemory();
    }
    UQ.npages = npages;
    UQ.lead = (Py_UCS4)lead;
    UQ.last_lead = (Py_UCS4)last_lead;
    UQ.ready = 1;
    Py_RETURN_NONE;
}

/* utf8._page_fails of page k's bytes of s (which the page encodes; data: n bytes). */
static int ftfy_page_fails(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t k, unsigned char *data)
{
    const uint8_t(*rows)[256] = UQ.restorers[k];
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t b = s[i] < 0x80 ? s[i] : map_get(&UQ.bytes, (uint64_t)k << 21 | s[i], 256);
        if (b > 255 || b == 0xC0 || b == 0xED)
            return 0; /* (not encoded: never asked; the UTF-8 variants: not told here) */
        data[i] = (unsigned char)b;
        uint8_t slot = rows[0][b];
        if (slot == 0xFF)
            return 0;
        if (slot)
            for (Py_ssize_t d = 1; d <= 3 && d <= i; d++)
                if (rows[slot][data[i - d]] >> (d - 1) & 1)
                    return 0; /* a byte restorer may change it */
    }
    return !strict_utf8(data, n);
}

/* Whether every page of `tried` surely fails on s (0 where the tables were not handed). */
static int ftfy_pages_fail(const Py_UCS4 *s, Py_ssize_t n, uint64_t tried)
{
    if (!UQ.ready)
        return 0;
    unsigned char small[256];
    unsigned char *data = n <= (Py_ssize_t)sizeof small ? small : PyMem_Malloc((size_t)n);
    if (data == NULL)
        return 0; /* (proves nothing) */
    int fails = 1;
    for (Py_ssize_t k = 0; k < UQ.npages && fails; k++)
        if (tried >> k & 1)
            fails = ftfy_page_fails(s, n, k, data);
    if (data != small)
        PyMem_Free(data);
    return fails;
}

/* Whether ftfy's span-wise fix leaves s: each detector match shorter than s that the
 * badness pattern flags is one ftfy_left leaves. */
static int ftfy_spans_left(const Py_UCS4 *s, Py_ssize_t n)
{
    const Matcher *m = &M[UTF8_DETECTOR];
    Py_ssize_t end = 0, start;
    while ((start = next_span(m, s, n, &end)) >= 0)
        if (end - start < n && search(&M[BADNESS], s + start, end - start) && !ftfy_left(s + start, end - start))
            return 0;
    return 1;
}

static int utf8_quiet(const Py_UCS4 *s, Py_ssize_t n)
{
    if (!search(&M[UTF8_SHAPE], s, n))
        return 1;
    if (search(&M[BADNESS], s, n) && !ftfy_left(s, n))
        return 0; /* (ftfy may change it: utf8._fix_encoding answers) */
    Py_ssize_t first = 0;
    while (first < n && s[first] < 0x80)
        first++;
    if (first + 1 >= n)
        return 1;
    return !(s[first] >= UQ.lead && s[first] <= UQ.last_lead && map_get(&UQ.continued, s[first + 1], MAP_EMPTY) != MAP_EMPTY);
}

static PyObject *utf8_quiet_of(const Py_UCS4 *s, Py_ssize_t n) { return PyBool_FromLong(utf8_quiet(s, n)); }

static PyObject *py_utf8_quiet(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!UQ.ready || !FL.ready || !pages_ready || !M[BADNESS].ready || !M[UTF8_SHAPE].ready || !M[UTF8_DETECTOR].ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_utf8_quiet() was not called");
        return NULL;
    }
    return on_str(arg, utf8_quiet_of);
}

#endif /* _CPLAUSIBLE_UTF8_QUIET_H */

/* The UTF-8 layer's quick answers. legacy._utf8_round_trips in one call: the whole-line strict UTF-8 round trips of a line
 * through the display pages of chains.UTF8_STEPS (the steps utf8_pages leaves, usually
 * none), encoded from a table and checked as strict UTF-8 before the one decode, so that a
 * round trip that fails raises nothing (in Python each such try raised and caught a
 * UnicodeError: most of what utf8_structural paid for a single-byte garbled line).
 * Part of _cplausible.c (one compilation unit: included there, after utf8_pages). */
#ifndef _CPLAUSIBLE_UTF8_H
#define _CPLAUSIBLE_UTF8_H

typedef struct {
    int ready;
    Map bytes;       /* (step << 21 | character beyond ASCII) -> its byte in the step's page */
    PyObject *chains; /* tuple: the one-step chain of each step, in table order */
    Py_ssize_t nsteps;
} Utf8Trips;

static Utf8Trips U8;

static void utf8_trips_free(void)
{
    if (U8.ready)
        map_free(&U8.bytes);
    Py_CLEAR(U8.chains);
    U8.ready = 0;
}

/* init_utf8_trips(bytes, chains): `bytes` maps chr(step) + character (beyond ASCII) to the
 * byte the step's page encodes it as (ASCII encodes as itself in every page); `chains`
 * holds each step's chain. */
static PyObject *py_init_utf8_trips(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *bytes, *chains;
    if (!PyArg_ParseTuple(args, "O!O!", &PyDict_Type, &bytes, &PyTuple_Type, &chains))
        return NULL;
    if (PyTuple_GET_SIZE(chains) > 64) {
        PyErr_SetString(PyExc_ValueError, "at most 64 steps");
        return NULL;
    }
    utf8_trips_free();
    if (map_from_dict(&U8.bytes, bytes) < 0) {
        map_free(&U8.bytes);
        return NULL;
    }
    Py_INCREF(chains);
    U8.chains = chains;
    U8.nsteps = PyTuple_GET_SIZE(chains);
    U8.ready = 1;
    Py_RETURN_NONE;
}

/* Whether data[0:n] is what Python's strict "utf-8" codec decodes: no stray continuation
 * byte, no overlong form, no surrogate, nothing beyond U+10FFFF. */
static int strict_utf8(const unsigned char *data, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char b = data[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        int more;
        unsigned char low = 0x80, high = 0xBF; /* the bounds of the second byte */
        if (b >= 0xC2 && b <= 0xDF)
            more = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            more = 2;
            if (b == 0xE0)
                low = 0xA0;
            else if (b == 0xED)
                high = 0x9F;
        }
        else if (b >= 0xF0 && b <= 0xF4) {
            more = 3;
            if (b == 0xF0)
                low = 0x90;
            else if (b == 0xF4)
                high = 0x8F;
        }
        else
            return 0;
        if (i + more >= n)
            return 0; /* the line ends inside the sequence */
        if (data[i + 1] < low || data[i + 1] > high)
            return 0;
        for (int k = 2; k <= more; k++)
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return 0;
        i += more + 1;
    }
    return 1;
}

/* The round trips of s through the steps of `pages` (bit j: the j-th), in table order, as
 * a tuple of (decoded, chain); NULL with an exception set on a memory error. */
static PyObject *utf8_trips_of(const Py_UCS4 *s, Py_ssize_t n)
{
    uint64_t pages = utf8_pages(s, n);
    PyObject *out = PyTuple_New(0);
    if (pages == 0 || out == NULL)
        return out;
    unsigned char *data = PyMem_Malloc((size_t)n + 1);
    if (data == NULL) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t j = 0; j < U8.nsteps && out != NULL; j++) {
        if (!(pages >> j & 1))
            continue;
        Py_ssize_t i = 0;
        for (; i < n; i++) {
            if (s[i] < 0x80) {
                data[i] = (unsigned char)s[i];
                continue;
            }
            uint64_t byte = map_get(&U8.bytes, (uint64_t)j << 21 | s[i], 256);
            if (byte > 255)
                break; /* the page does not encode the character */
            data[i] = (unsigned char)byte;
        }
        if (i < n || !strict_utf8(data, n))
            continue;
        PyObject *decoded = PyUnicode_DecodeUTF8((const char *)data, n, "strict");
        PyObject *item = decoded == NULL ? NULL : PyTuple_Pack(2, decoded, PyTuple_GET_ITEM(U8.chains, j));
        Py_XDECREF(decoded);
        Py_ssize_t size = PyTuple_GET_SIZE(out);
        if (item == NULL || _PyTuple_Resize(&out, size + 1) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(out);
            break;
        }
        PyTuple_SET_ITEM(out, size, item);
    }
    PyMem_Free(data);
    return out;
}

static PyObject *py_utf8_round_trips(PyObject *self, PyObject *arg)
{
    (void)self;
    NEED_LINE_TABLES();
    if (!U8.ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_utf8_trips() was not called");
        return NULL;
    }
    return on_str(arg, utf8_trips_of);
}

/* utf8._ftfy_left_py(text): ftfy's encoding repair surely leaves the line (a line its
 * badness pattern flags; False proves nothing): no character of utf8._UNDECIDED, no page
 * encoding the line whose bytes of its first non-ASCII character and the next one may start
 * UTF-8 but for pages whose try surely fails, and no detector match ftfy's span-wise fix
 * may change (those two in _cplausible_utf8_quiet.h). */
static int ftfy_pages_fail(const Py_UCS4 *s, Py_ssize_t n, uint64_t tried);
static int ftfy_spans_left(const Py_UCS4 *s, Py_ssize_t n);

typedef struct {
    int ready;
    uint8_t undecided[0x10000 / 8]; /* the C1 controls ftfy's fix changes, U+001A, U+FFFD */
    Map variant, starts, continued; /* utf8._lead_pages: character -> pages */
} FtfyLeft;

static FtfyLeft FL;

static void ftfy_left_free(void)
{
    if (FL.ready) {
        map_free(&FL.variant);
        map_free(&FL.starts);
        map_free(&FL.continued);
    }
    FL.ready = 0;
}

/* init_ftfy_left(undecided, variant, starts, continued): the BMP characters of
 * utf8._UNDECIDED but surrogates (str), and utf8._lead_pages() (after init_pages). */
static PyObject *py_init_ftfy_left(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *undecided, *maps[3];
    if (!PyArg_ParseTuple(args, "UO!O!O!", &undecided, &PyDict_Type, &maps[0], &PyDict_Type,
                          &maps[1], &PyDict_Type, &maps[2]))
        return NULL;
    ftfy_left_free();
    memset(FL.undecided, 0, sizeof FL.undecided);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(undecided); i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(undecided, i);
        if (ch >= 0x10000) {
            PyErr_SetString(PyExc_ValueError, "undecided characters are in the BMP");
            return NULL;
        }
        FL.undecided[ch >> 3] |= (uint8_t)(1u << (ch & 7));
    }
    Map *into[3] = {&FL.variant, &FL.starts, &FL.continued};
    for (int k = 0; k < 3; k++)
        if (map_from_dict(into[k], maps[k]) < 0) {
            for (int j = 0; j <= k; j++)
                map_free(into[j]);
            return NULL;
        }
    FL.ready = 1;
    Py_RETURN_NONE;
}

static int ftfy_left(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_ssize_t first = -1;
    uint64_t alive = all_pages;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        if (c < 0x10000 && (FL.undecided[c >> 3] >> (c & 7) & 1))
            return 0;
        if (c >= 0xD800 && c <= 0xDFFF)
            return 0; /* (a surrogate) */
        if (c > 0x7F) {
            if (first < 0)
                first = i;
            alive &= map_get(&Pages, c, 0);
        }
    }
    uint64_t tried = alive;
    if (alive && first >= 0 && first + 1 < n) {
        Py_UCS4 lead = s[first], after = s[first + 1];
        uint64_t follows = after >= 0x80 ? map_get(&FL.continued, after, 0)
                           : (after == ' ' || after == 0x1A || after == '?') ? all_pages
                                                                             : 0;
        tried = alive & (map_get(&FL.variant, lead, 0) | (map_get(&FL.starts, lead, 0) & follows));
    }
    if (tried && !ftfy_pages_fail(s, n, tried))
        return 0;
    return ftfy_spans_left(s, n);
}

static PyObject *ftfy_left_of(const Py_UCS4 *s, Py_ssize_t n) { return PyBool_FromLong(ftfy_left(s, n)); }

static PyObject *py_ftfy_left(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!FL.ready || !pages_ready || !M[BADNESS].ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_ftfy_left() was not called");
        return NULL;
    }
    return matcher_call(UTF8_DETECTOR, arg, ftfy_left_of);
}

#endif

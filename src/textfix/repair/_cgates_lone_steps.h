/* lone_words.lone_repair's first scans of a line, at once: the single-byte steps that make
 * every lone sign of the line (a sign of lone_words._images with no letter or digit on either
 * side) a common one-letter word, less those changing a non-ASCII character that stands beside
 * a letter or digit (such a step changes no lone sign only).  Most lines the engine asks it of
 * keep no step, and lone_repair returns at once.  Reference: lone_words._live_steps_py; the
 * tables are handed over by lone_words._compiled_live_steps (init_lone_steps).  Included by
 * _cgates.c after _cgates_sheet.h (Text, AT) and _cgates_signs.h (ucs4_index).
 *
 * The characters known: every sign and every character some step changes (sorted, found by
 * binary search); per character its steps' bits as LONE_WORDS 64-bit words (bit k of the
 * mask is bit k % 64 of word k / 64): the steps making it a common word (0 for no sign) and
 * the steps changing it; and whether it is a sign.
 */
#define LONE_WORDS 4 /* at most 256 steps */

static Py_ssize_t lone_n = 0;
static Py_UCS4 *lone_key = NULL;
static uint64_t *lone_sign_mask = NULL;     /* [character * LONE_WORDS + word] */
static uint64_t *lone_changing_mask = NULL; /* [character * LONE_WORDS + word] */
static uint8_t *lone_is_sign = NULL;
static int lone_nwords = 0;

/* Copy a tuple (one per character) of tuples of nwords ints below 2**64 into out. */
static int
lone_masks_in(PyObject *masks, Py_ssize_t n, int nwords, uint64_t *out)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *words = PyTuple_GET_ITEM(masks, i);
        if (!PyTuple_Check(words) || PyTuple_GET_SIZE(words) != nwords) {
            PyErr_SetString(PyExc_ValueError, "init_lone_steps: a mask of the wrong size");
            return -1;
        }
        for (int w = 0; w < nwords; w++) {
            out[i * LONE_WORDS + w] = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(words, w));
            if (PyErr_Occurred())
                return -1;
        }
    }
    return 0;
}

static PyObject *
init_lone_steps(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *keys, *signs, *changing, *is_sign;
    int nwords;
    if (!PyArg_ParseTuple(args, "UO!O!Si:init_lone_steps", &keys, &PyTuple_Type, &signs,
                          &PyTuple_Type, &changing, &is_sign, &nwords))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(keys);
    if (nwords < 1 || nwords > LONE_WORDS || PyTuple_GET_SIZE(signs) != n ||
        PyTuple_GET_SIZE(changing) != n || PyBytes_GET_SIZE(is_sign) != n) {
        PyErr_SetString(PyExc_ValueError, "init_lone_steps: tables of unequal sizes");
        return NULL;
    }
    for (Py_ssize_t i = 1; i < n; i++) {
        if (PyUnicode_READ_CHAR(keys, i) <= PyUnicode_READ_CHAR(keys, i - 1)) {
            PyErr_SetString(PyExc_ValueError, "init_lone_steps: keys not ascending");
            return NULL;
        }
    }
    Py_UCS4 *key = PyMem_Calloc((size_t)n + 1, sizeof *key);
    uint64_t *sign = PyMem_Calloc((size_t)n * LONE_WORDS + 1, sizeof *sign);
    uint64_t *change = PyMem_Calloc((size_t)n * LONE_WORDS + 1, sizeof *change);
    uint8_t *flag = PyMem_Calloc((size_t)n + 1, 1);
    if (key == NULL || sign == NULL || change == NULL || flag == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        key[i] = PyUnicode_READ_CHAR(keys, i);
        flag[i] = PyBytes_AS_STRING(is_sign)[i] != 0;
    }
    if (lone_masks_in(signs, n, nwords, sign) < 0 || lone_masks_in(changing, n, nwords, change) < 0)
        goto fail;
    PyMem_Free(lone_key);
    PyMem_Free(lone_sign_mask);
    PyMem_Free(lone_changing_mask);
    PyMem_Free(lone_is_sign);
    lone_key = key;
    lone_sign_mask = sign;
    lone_changing_mask = change;
    lone_is_sign = flag;
    lone_n = n;
    lone_nwords = nwords;
    Py_RETURN_NONE;
fail:
    PyMem_Free(key);
    PyMem_Free(sign);
    PyMem_Free(change);
    PyMem_Free(flag);
    return NULL;
}

/* Whether a letter or digit stands on either side of place i of t (n characters). */
static inline int lone_beside_alnum(Text t, Py_ssize_t n, Py_ssize_t i)
{
    return (i > 0 && Py_UNICODE_ISALNUM(AT(t, i - 1))) ||
           (i + 1 < n && Py_UNICODE_ISALNUM(AT(t, i + 1)));
}

/* lone_steps(text): the steps' bits (an int), 0 where none is left. */
static PyObject *
lone_steps(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text))
        return PyErr_Format(PyExc_TypeError, "lone_steps(text): a string");
    if (lone_key == NULL)
        return PyErr_Format(PyExc_RuntimeError, "lone_steps: init_lone_steps was not called");
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    uint64_t live[LONE_WORDS];
    int w, any = 0;
    for (w = 0; w < LONE_WORDS; w++)
        live[w] = ~(uint64_t)0;
    /* (the lone signs: a sign with no letter or digit on either side, as the search of
     * lone_words._lone_image_search finds them) */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t k = ucs4_index(lone_key, lone_n, AT(t, i));
        if (k < 0 || !lone_is_sign[k] || lone_beside_alnum(t, n, i))
            continue;
        uint64_t left = 0;
        for (w = 0; w < lone_nwords; w++)
            left |= live[w] &= lone_sign_mask[k * LONE_WORDS + w];
        if (!left)
            return PyLong_FromLong(0);
        any = 1;
    }
    if (!any)
        return PyLong_FromLong(0);
    /* (no step changing a non-ASCII character beside a letter or digit: lone_words._BESIDE) */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = AT(t, i);
        if (ch < 0x80 || !lone_beside_alnum(t, n, i))
            continue;
        Py_ssize_t k = ucs4_index(lone_key, lone_n, ch);
        if (k >= 0) {
            for (w = 0; w < lone_nwords; w++)
                live[w] &= ~lone_changing_mask[k * LONE_WORDS + w];
        }
    }
    unsigned char bytes[LONE_WORDS * 8];
    for (w = 0; w < LONE_WORDS; w++) {
        for (int b = 0; b < 8; b++)
            bytes[w * 8 + b] = w < lone_nwords ? (unsigned char)(live[w] >> (8 * b)) : 0;
    }
    return _PyLong_FromByteArray(bytes, sizeof bytes, 1, 0);
}

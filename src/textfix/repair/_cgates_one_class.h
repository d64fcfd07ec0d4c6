/* one_class: a search for one character class, answering what re's search of the class
 * answers (textfix.repair.one_class; the pattern itself is the reference).
 *
 * one_class(chars, negated) returns two callables, found(text) (whether the class matches
 * a character of text) and first(text) (the index of the first such character, or -1),
 * bound to a table of the class: a bytes object holding a bitmap of the Basic Multilingual
 * Plane's characters the search finds (negation applied, so lone surrogates are plain
 * code points), a byte telling whether the class is negated (and 3 bytes of padding), then
 * the class's characters beyond the plane, 4 bytes each (a character there is found when it
 * is in the list, or when it is not and the class is negated).  A line of the garbled path asks a
 * few such searches; each is a C call without re's state and match object. */

#define ONE_CLASS_BITMAP 8192 /* 65536 bits */

/* Whether the table finds the code point ch. */
static inline int
one_class_hit(const unsigned char *table, Py_ssize_t n_astral, Py_UCS4 ch)
{
    if (ch < 0x10000)
        return table[ch >> 3] >> (ch & 7) & 1;
    /* (the classes searched hold few characters beyond the plane, if any: a plain scan) */
    const Py_UCS4 *astral = (const Py_UCS4 *)(table + ONE_CLASS_BITMAP + 4);
    int held = 0;
    for (Py_ssize_t k = 0; k < n_astral && !held; k++)
        held = astral[k] == ch;
    return held != table[ONE_CLASS_BITMAP];
}

/* The first index of text whose character the table finds, -1 for none, -2 on error. */
static Py_ssize_t
one_class_first(PyObject *table_obj, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "one_class search: a str is needed");
        return -2;
    }
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(table_obj);
    Py_ssize_t n_astral = (PyBytes_GET_SIZE(table_obj) - ONE_CLASS_BITMAP - 4) / 4;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *s = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (table[s[i] >> 3] >> (s[i] & 7) & 1)
                return i;
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *s = data;
        for (Py_ssize_t i = 0; i < n; i++)
            if (table[s[i] >> 3] >> (s[i] & 7) & 1)
                return i;
    } else {
        for (Py_ssize_t i = 0; i < n; i++)
            if (one_class_hit(table, n_astral, PyUnicode_READ(kind, data, i)))
                return i;
    }
    return -1;
}

static PyObject *
one_class_found(PyObject *table, PyObject *text)
{
    Py_ssize_t i = one_class_first(table, text);
    if (i == -2)
        return NULL;
    return PyBool_FromLong(i >= 0);
}

static PyObject *
one_class_first_py(PyObject *table, PyObject *text)
{
    Py_ssize_t i = one_class_first(table, text);
    if (i == -2)
        return NULL;
    return PyLong_FromSsize_t(i);
}

static PyMethodDef one_class_found_def = {
    "found", one_class_found, METH_O,
    "found(text, /)\n--\n\nWhether the class matches a character of text."};
static PyMethodDef one_class_first_def = {
    "first", one_class_first_py, METH_O,
    "first(text, /)\n--\n\nThe index of the first character of text the class matches, or -1."};

static PyObject *
one_class(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *chars;
    int negated;
    if (!PyArg_ParseTuple(args, "Up:one_class", &chars, &negated))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars), n_astral = 0;
    int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < n; i++)
        n_astral += PyUnicode_READ(kind, data, i) >= 0x10000;
    PyObject *table_obj = PyBytes_FromStringAndSize(NULL, ONE_CLASS_BITMAP + 4 + 4 * n_astral);
    if (table_obj == NULL)
        return NULL;
    unsigned char *table = (unsigned char *)PyBytes_AS_STRING(table_obj);
    memset(table, negated ? 0xFF : 0, ONE_CLASS_BITMAP);
    memset(table + ONE_CLASS_BITMAP, 0, 4);
    table[ONE_CLASS_BITMAP] = negated != 0;
    Py_UCS4 *astral = (Py_UCS4 *)(table + ONE_CLASS_BITMAP + 4);
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch >= 0x10000)
            astral[k++] = ch;
        else if (negated)
            table[ch >> 3] &= (unsigned char)~(1u << (ch & 7));
        else
            table[ch >> 3] |= (unsigned char)(1u << (ch & 7));
    }
    PyObject *found = PyCFunction_NewEx(&one_class_found_def, table_obj, NULL);
    PyObject *first = PyCFunction_NewEx(&one_class_first_def, table_obj, NULL);
    Py_DECREF(table_obj);
    if (found == NULL || first == NULL) {
        Py_XDECREF(found);
        Py_XDECREF(first);
        return NULL;
    }
    return Py_BuildValue("(NN)", found, first);
}

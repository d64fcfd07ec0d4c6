/* base.Step's __new__ in C: Step(text, chain, confidence) builds the tuple without the
 * Python __new__ that typing.NamedTuple writes (a frame of its own for every repairer's step,
 * one or two a garbled line); that __new__ stays the reference (base.py, the tests compare).
 * Part of _cplausible.c (one compilation unit: included there). */
#ifndef _CPLAUSIBLE_STEP_H
#define _CPLAUSIBLE_STEP_H

static const char *const STEP_FIELDS[3] = {"text", "chain", "confidence"};

/* step_new(cls, text, chain, confidence): a `cls` (a tuple subclass of three fields) of the
 * three values, given by place or by name, as NamedTuple's __new__ makes it. */
static PyObject *py_step_new(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    (void)self;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (nargs < 1 || !PyType_Check(args[0]) ||
        !PyType_IsSubtype((PyTypeObject *)args[0], &PyTuple_Type) || nargs - 1 + nkw != 3) {
        PyErr_SetString(PyExc_TypeError, "Step(text, chain, confidence): three fields");
        return NULL;
    }
    PyObject *field[3] = {NULL, NULL, NULL};
    for (Py_ssize_t i = 1; i < nargs; i++)
        field[i - 1] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        int j = 0;
        while (j < 3 && PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(kwnames, k), STEP_FIELDS[j]) != 0)
            j++;
        if (j == 3 || field[j] != NULL) {
            PyErr_SetString(PyExc_TypeError, "Step(text, chain, confidence): three fields");
            return NULL;
        }
        field[j] = args[nargs + k];
    }
    PyTypeObject *cls = (PyTypeObject *)args[0];
    PyObject *out = cls->tp_alloc(cls, 3);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < 3; i++) {
        Py_INCREF(field[i]);
        PyTuple_SET_ITEM(out, i, field[i]);
    }
    return out;
}

#endif

/* line._layer_facts in one call: which of line.REPAIRERS may return a step for a line, by
 * the two facts their first tests read (line._layer_facts_py is the reference): bit 1, the
 * line has utf8.SHAPE (line._utf8 returns None without it); bit 2, it has a whole-line
 * strict UTF-8 round trip (legacy._utf8_round_trips: the round-trip repairers read nothing
 * else). One pass over the line in place of a call each (most garbled lines have neither).
 * Part of _cplausible.c (one compilation unit: included there, after _cplausible_utf8.h). */
#ifndef _CPLAUSIBLE_LAYER_FACTS_H
#define _CPLAUSIBLE_LAYER_FACTS_H

static PyObject *layer_facts_of(const Py_UCS4 *s, Py_ssize_t n)
{
    long facts = search(&M[UTF8_SHAPE], s, n) ? 1 : 0;
    PyObject *trips = utf8_trips_of(s, n);
    if (trips == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(trips) > 0)
        facts |= 2;
    Py_DECREF(trips);
    return PyLong_FromLong(facts);
}

static PyObject *py_layer_facts(PyObject *self, PyObject *arg)
{
    (void)self;
    NEED_LINE_TABLES();
    if (!M[UTF8_SHAPE].ready || !U8.ready) {
        PyErr_SetString(PyExc_RuntimeError,
                        "_cplausible.init_search(1, ...) and init_utf8_trips() come first");
        return NULL;
    }
    return on_str(arg, layer_facts_of);
}

#endif

/* The masks no_repair.cannot_pass reads first of a line whose core has no mojibake shape
 * and is no common-route line (not well formed): the twin of no_repair._thin_route_py.
 *
 * `thin_route(line, core, flags, thin)` returns (alive, thin_steps, spacing) as
 * little-endian bytes: the live steps of the core's non-ASCII characters
 * (legacy._live_steps) whose round trip gives the line no shape it lacks
 * (no_repair.shaped_steps), the steps changing at most `thin` characters of the core
 * (no_repair._thin_steps: every occurrence counts) and those making a space of one of its
 * characters (no_repair._thin_and_spacing). In one call, from the tables init_proof handed
 * over (_cplausible_proof.h), where Python took four calls and loops over big integers.
 * None when `flags` lacks a character no step changes (the caller fills it and asks
 * again). */
#ifndef _CPLAUSIBLE_THIN_H
#define _CPLAUSIBLE_THIN_H

#define THIN_MOST 8 /* the largest `thin` taken (legacy.THIN is 2) */

/* What the core's characters some step changes do, gathered: the steps changing one, those
 * spoiling one (turning it into a bad character, or leaving a bad one as it is), those
 * making a space, and at_least[k], the steps changing more than k of them (each copy
 * counts; the counts saturate at thin + 1). */
typedef struct {
    Steps changed, spoiled, spacing, at_least[THIN_MOST + 1];
    int dead; /* a bad character no step changes: it stays bad, no step is live */
} Gathered;

static void gather_row(Gathered *g, const RowMasks *r, int thin)
{
    for (int w = 0; w < STEP_WORDS; w++) {
        uint64_t changes = r->changes.w[w];
        g->changed.w[w] |= changes;
        g->spoiled.w[w] |= r->bad.w[w] | (r->own & F_BAD ? ~changes : 0);
        g->spacing.w[w] |= r->spacing.w[w];
        for (int k = thin; k > 0; k--)
            g->at_least[k].w[w] |= g->at_least[k - 1].w[w] & changes;
        g->at_least[0].w[w] |= changes;
    }
}

/* thin_route on UCS4 copies: 1 with the masks, 2 when a character's flags are missing, -1
 * on error. */
static int thin_route(const Py_UCS4 *s, Py_ssize_t n, const Py_UCS4 *c, Py_ssize_t m,
                      PyObject *flags, int thin, Steps *alive, Steps *thin_steps, Steps *spacing)
{
    int missing = 0;
    Gathered g;
    memset(&g, 0, sizeof g);
    for (Py_ssize_t i = 0; i < m; i++) {
        uint64_t row = c[i] < 128 ? MAP_EMPTY : map_get(&PT.image_row, c[i], MAP_EMPTY);
        if (row != MAP_EMPTY) {
            gather_row(&g, PT.masks + row, thin);
        } else if (c[i] >= 128) {
            uint16_t self = 0;
            if (own_flags(c[i], flags, &self, &missing) < 0)
                return -1;
            g.dead |= (self & F_BAD) != 0;
        }
    }
    if (missing)
        return 2;
    Steps every = {{0}};
    int any_alive = 0;
    for (Py_ssize_t j = 0; j < T.nsteps; j++)
        steps_set(&every, j);
    *spacing = g.spacing;
    for (int w = 0; w < STEP_WORDS; w++) {
        alive->w[w] = g.dead ? 0 : g.changed.w[w] & ~g.spoiled.w[w] & every.w[w];
        thin_steps->w[w] = every.w[w] & ~g.at_least[thin].w[w];
        any_alive |= alive->w[w] != 0;
    }
    Steps shaped = {{0}};
    if (any_alive) {
        int found = shape_steps(s, n, flags, alive, &shaped);
        if (found != 1)
            return found;
    }
    for (int w = 0; w < STEP_WORDS; w++)
        alive->w[w] &= ~shaped.w[w];
    return 1;
}

static PyObject *py_thin_route(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *line, *core, *flags;
    int thin;
    if (!PyArg_ParseTuple(args, "UUO!i:thin_route", &line, &core, &PyDict_Type, &flags, &thin))
        return NULL;
    if (!T.ready || !PT.ready || PT.nsteps != T.nsteps)
        return PyErr_Format(PyExc_RuntimeError, "_cplausible.init_proof() was not called");
    if (thin < 0 || thin > THIN_MOST)
        return PyErr_Format(PyExc_ValueError, "thin_route: thin %d out of range", thin);
    Steps masks[3]; /* alive, thin steps, spacing */
    uint8_t out[3][STEP_WORDS * 8];
    int found = -1;
    Py_UCS4 *line_chars = PyUnicode_AsUCS4Copy(line);
    Py_UCS4 *core_chars = line_chars == NULL ? NULL : PyUnicode_AsUCS4Copy(core);
    if (core_chars != NULL)
        found = thin_route(line_chars, PyUnicode_GET_LENGTH(line), core_chars,
                           PyUnicode_GET_LENGTH(core), flags, thin, &masks[0], &masks[1],
                           &masks[2]);
    PyMem_Free(line_chars);
    PyMem_Free(core_chars);
    if (found < 0)
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    if (found == 2)
        Py_RETURN_NONE;
    for (int k = 0; k < 3; k++)
        steps_bytes(&masks[k], out[k]);
    return Py_BuildValue("(y#y#y#)", (const char *)out[0], (Py_ssize_t)sizeof out[0],
                         (const char *)out[1], (Py_ssize_t)sizeof out[1], (const char *)out[2],
                         (Py_ssize_t)sizeof out[2]);
}

#define THIN_ROUTE_METHODS                                                                        \
    {"thin_route", py_thin_route, METH_VARARGS,                                             \
     "no_repair._thin_route_py(line, core): (alive, thin steps, spacing) as bytes."},

#endif

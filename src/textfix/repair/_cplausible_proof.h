/* The first pass of no_repair.cannot_pass for a well-formed line, in one call: the twin of
 * no_repair._word_route.
 *
 * For a line whose core has no mojibake shape (the caller checks: mojibake_shape is the
 * scorer's), `word_route(line, core, flags)` is False unless the core is well formed (one
 * language's alphabet holds all its folded non-ASCII token letters; a core with a Latin
 * combining accent is read composed: answered False here). Else, of the live steps
 * (legacy._live_steps) whose round trip gives the line no shape it lacks
 * (no_repair.shaped_steps), it returns those left by the word gate (steps_left with every
 * step checked, those making a space left unchecked), the ones making a combining accent
 * (reach.marking_steps), the steps making a space, and the alive steps: (list, bytes,
 * bytes, bytes), the masks little-endian.
 * Character traits come as flag words (no_repair._char_flags): for ASCII, for every
 * character some step changes and for each of its images, handed over by init_proof (which
 * also reads, per such character, the steps that change it into what: RowMasks); for any
 * other character from the dict `flags` of the call (None is returned when one is missing:
 * the caller fills it and asks again). */
#ifndef _CPLAUSIBLE_PROOF_H
#define _CPLAUSIBLE_PROOF_H

/* Bits of a flag word, as no_repair._char_flags packs them. */
enum {
    F_LETTER = 1 << 0,
    F_TOUCHING = 1 << 1,
    F_GLUED = 1 << 2,
    F_LEADING = 1 << 3,
    F_LEADING_NEXT = 1 << 4,
    F_RARE = 1 << 5,
    F_LOWER = 1 << 6,
    F_UPPER = 1 << 7,
    F_ALPHA = 1 << 8,
    F_SPACE = 1 << 9,
    F_BAD = 1 << 10,
    F_MARK = 1 << 11,
};
#define F_SCRIPT_SHIFT 12
#define F_NO_SCRIPT 7
#define STEP_WORDS 4 /* steps as a bit set: at most 256 (load_tables checks nsteps) */

typedef struct {
    uint64_t w[STEP_WORDS];
} Steps;

/* What the steps do to one character some step changes, read once by init_proof from its
 * row: the steps that change it, those turning it into a bad character or a combining
 * accent (of those changing it), those leaving or making a space, and its own flags. */
typedef struct {
    Steps changes, bad, marking, spacing;
    uint16_t own;
} RowMasks;

typedef struct {
    int ready;
    uint16_t ascii[128];
    Map image_row;  /* character some step changes -> its row (as T.image_row: a copy, so
                       that a new init() leaves these tables whole) */
    Py_UCS4 *images; /* per row: what each step turns it into */
    uint16_t *rows;  /* per row: the flags of each step's image */
    RowMasks *masks; /* per row: the steps that change it, by what they make */
    Py_UCS4 *edge;
    Py_ssize_t nedge;
    Py_ssize_t nsteps; /* T.nsteps when handed over (a new init() of another size: refused) */
} ProofTables;

static ProofTables PT;

static void proof_tables_free(void)
{
    PT.ready = 0;
    map_free(&PT.image_row);
    PyMem_Free(PT.images);
    PyMem_Free(PT.rows);
    PyMem_Free(PT.edge);
    PyMem_Free(PT.masks);
    PT.images = NULL;
    PT.rows = NULL;
    PT.edge = NULL;
    PT.masks = NULL;
}

static void steps_set(Steps *s, Py_ssize_t j) { s->w[j >> 6] |= 1ULL << (j & 63); }

/* The index of the lowest set bit of x (not 0), portably. */
static int lowest_bit(uint64_t x)
{
    static const int de_bruijn[64] = {
        0,  1,  48, 2,  57, 49, 28, 3,  61, 58, 50, 42, 38, 29, 17, 4,  62, 55, 59, 36, 53, 51,
        43, 22, 45, 39, 33, 30, 24, 18, 12, 5,  63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21,
        44, 32, 23, 11, 46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9,  13, 8,  7,  6};
    return de_bruijn[((x & (~x + 1)) * 0x03f79d71b4cb0a89ULL) >> 58];
}

/* What a position of the line is under every step: a row of flags (a character some step
 * changes) or one flag word (a character no step changes). */
typedef struct {
    const uint16_t *row;
    uint16_t own;
} Place;

static uint16_t place_at(const Place *p, Py_ssize_t j) { return p->row ? p->row[j] : p->own; }

/* The flag word of a character no step changes; 0 with *missing set when `flags` lacks it,
 * -1 on error. */
static int own_flags(Py_UCS4 ch, PyObject *flags, uint16_t *out, int *missing)
{
    if (ch < 128) {
        *out = PT.ascii[ch];
        return 0;
    }
    PyObject *key = PyUnicode_FromOrdinal((int)ch);
    if (key == NULL)
        return -1;
    PyObject *value = PyDict_GetItemWithError(flags, key);
    Py_DECREF(key);
    if (value == NULL) {
        if (PyErr_Occurred())
            return -1;
        *missing = 1;
        *out = 0;
        return 0;
    }
    long v = PyLong_AsLong(value);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = (uint16_t)v;
    return 0;
}

/* Place of ch; -1 on error, *missing set when its flags are not in `flags`. */
static int place_of(Py_UCS4 ch, PyObject *flags, Place *p, int *missing)
{
    uint64_t row = ch < 128 ? MAP_EMPTY : map_get(&PT.image_row, ch, MAP_EMPTY);
    p->row = row == MAP_EMPTY ? NULL : PT.rows + row * (uint64_t)T.nsteps;
    p->own = 0;
    return p->row ? 0 : own_flags(ch, flags, &p->own, missing);
}

static int same_script(uint16_t a, uint16_t b)
{
    int sa = a >> F_SCRIPT_SHIFT, sb = b >> F_SCRIPT_SHIFT;
    return sa == sb && sa != F_NO_SCRIPT;
}

/* no_repair._pair_shapes for one step: the images x, y of two adjacent characters. */
static int pair_shape(uint16_t x, uint16_t y)
{
    return (x & F_LOWER && y & F_UPPER) || (x & F_LETTER && y & F_TOUCHING)
           || (x & F_TOUCHING && y & F_LETTER) || (x & F_LEADING && y & F_LEADING_NEXT)
           || (x & F_ALPHA && y & F_ALPHA && !same_script(x, y));
}

/* no_repair.shaped_steps of the line s[:n], for the steps of `todo` only: the steps whose
 * images of the pairs around its non-ASCII characters make a shape, or of a rare symbol, or
 * of a glued symbol between two letters, added to *shaped (done once every step of `todo`
 * is: most garbled lines shape them all within a few characters). 1 when done, 2 when a
 * character's flags are missing from `flags`, -1 on error. */
static int shape_steps(const Py_UCS4 *s, Py_ssize_t n, PyObject *flags, const Steps *todo_steps,
                       Steps *shaped)
{
    int missing = 0;
    Place prev, here, next;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] < 128)
            continue;
        if (place_of(s[i], flags, &here, &missing) < 0
            || (i > 0 && place_of(s[i - 1], flags, &prev, &missing) < 0)
            || (i < n - 1 && place_of(s[i + 1], flags, &next, &missing) < 0))
            return -1;
        if (missing)
            return 2;
        /* (only the steps not yet shaped, bit by bit) */
        uint64_t left = 0;
        for (int w = 0; w < STEP_WORDS; w++)
            left |= todo_steps->w[w] & ~shaped->w[w];
        if (!left)
            return 1;
        for (int w = 0; w < STEP_WORDS; w++) {
            for (uint64_t todo = todo_steps->w[w] & ~shaped->w[w]; todo; todo &= todo - 1) {
                Py_ssize_t j = (Py_ssize_t)w * 64 + lowest_bit(todo);
                uint16_t h = place_at(&here, j);
                int found = (h & F_RARE) != 0;
                /* (a pair behind a non-ASCII character was read from there, for every
                 * step still to do) */
                if (i > 0 && s[i - 1] < 128)
                    found |= pair_shape(place_at(&prev, j), h);
                if (i < n - 1)
                    found |= pair_shape(h, place_at(&next, j));
                if (i > 0 && i < n - 1 && h & F_GLUED)
                    found |= (place_at(&prev, j) & F_LETTER) && (place_at(&next, j) & F_LETTER);
                if (found)
                    steps_set(shaped, j);
            }
        }
    }
    return 1;
}

/* model.well_formed of a core without a Latin combining accent and with no shape: the
 * alphabets (T.letters) of its folded non-ASCII token letters share a language. */
static int alphabet_shared(const Py_UCS4 *c, Py_ssize_t m)
{
    uint64_t mask = UINT64_MAX;
    for (Py_ssize_t i = 0; i < m; i++) {
        Py_UCS4 ch = c[i], out[2];
        if (ch < 128 || !token_char(ch) || ch == 0x130) /* (İ folds to an ASCII i) */
            continue;
        int k = fold_char(ch, out);
        for (int t = 0; t < k; t++)
            if (out[t] >= 128)
                mask &= map_get(&T.letters, out[t], 0);
    }
    return mask != 0;
}

/* word_route on UCS4 copies: 1 with what it found in *out, 0 (the core is not well formed),
 * 2 when a character's flags are missing, -1 on error. */
typedef struct {
    PyObject *left;                   /* the steps steps_left leaves (a new list) */
    uint8_t marking[STEP_WORDS * 8];  /* alive steps making a combining accent */
    uint8_t spacing[STEP_WORDS * 8];  /* steps making a space of a core character */
    uint8_t alive[STEP_WORDS * 8];    /* the alive steps */
} Route;

static void steps_bytes(const Steps *steps, uint8_t *out)
{
    for (int w = 0; w < STEP_WORDS; w++)
        for (int b = 0; b < 8; b++)
            out[w * 8 + b] = (uint8_t)(steps->w[w] >> (8 * b));
}

static int word_route(const Py_UCS4 *s, Py_ssize_t n, const Py_UCS4 *c, Py_ssize_t m,
                      PyObject *flags, Route *out)
{
    out->left = NULL;
    for (Py_ssize_t i = 0; i < m; i++)
        if (c[i] >= 0x300 && c[i] <= 0x36f)
            return 0; /* (well_formed reads such a core composed) */
    if (!alphabet_shared(c, m))
        return 0;
    int missing = 0;
    /* legacy._live_steps of the core's non-ASCII characters; the steps making a combining
     * accent (reach.marking_steps) or a space (no_repair._thin_and_spacing). */
    Steps live, changed = {{0}}, marking = {{0}}, spacing = {{0}};
    for (int w = 0; w < STEP_WORDS; w++)
        live.w[w] = UINT64_MAX;
    for (Py_ssize_t i = 0; i < m; i++) {
        if (c[i] < 128)
            continue;
        uint64_t row = map_get(&PT.image_row, c[i], MAP_EMPTY);
        if (row == MAP_EMPTY) {
            uint16_t self = 0;
            if (own_flags(c[i], flags, &self, &missing) < 0)
                return -1;
            if (self & F_BAD) /* a bad character no step changes stays bad */
                memset(&live, 0, sizeof live);
            continue;
        }
        /* (read from the row once, by init_proof: rows_masks) */
        const RowMasks *r = PT.masks + row;
        for (int w = 0; w < STEP_WORDS; w++) {
            spacing.w[w] |= r->spacing.w[w];
            marking.w[w] |= r->marking.w[w];
            changed.w[w] |= r->changes.w[w];
            live.w[w] &= ~r->bad.w[w];
            if (r->own & F_BAD)
                live.w[w] &= r->changes.w[w];
        }
    }
    if (missing)
        return 2;
    Steps alive;
    int any_alive = 0;
    for (int w = 0; w < STEP_WORDS; w++) {
        alive.w[w] = live.w[w] & changed.w[w];
        any_alive |= alive.w[w] != 0;
    }
    /* (only the alive steps matter; none alive: no shape to look for) */
    Steps shaped = {{0}};
    if (any_alive) {
        int found = shape_steps(s, n, flags, &alive, &shaped);
        if (found != 1)
            return found;
    }
    for (int w = 0; w < STEP_WORDS; w++) {
        alive.w[w] &= ~shaped.w[w];
        marking.w[w] &= alive.w[w];
    }
    steps_bytes(&alive, out->alive);
    steps_bytes(&marking, out->marking);
    steps_bytes(&spacing, out->spacing);
    Py_buffer alive_view = {0}, later_view = {0};
    alive_view.buf = out->alive;
    alive_view.len = sizeof out->alive;
    later_view.buf = out->spacing;
    later_view.len = sizeof out->spacing;
    out->left = steps_left(c, m, &alive_view, &alive_view, &later_view, -1, PT.edge, PT.nedge);
    return out->left == NULL ? -1 : 1;
}

static PyObject *py_word_route(PyObject *self, PyObject *args)
{
    (void)self;
    if (!T.ready || !PT.ready || PT.nsteps != T.nsteps) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_proof() was not called");
        return NULL;
    }
    PyObject *line, *core, *flags;
    if (!PyArg_ParseTuple(args, "UUO!:word_route", &line, &core, &PyDict_Type, &flags))
        return NULL;
    Py_UCS4 *s = PyUnicode_AsUCS4Copy(line), *c = PyUnicode_AsUCS4Copy(core);
    int found = -1;
    Route route;
    route.left = NULL;
    if (s != NULL && c != NULL)
        found = word_route(s, PyUnicode_GET_LENGTH(line), c, PyUnicode_GET_LENGTH(core), flags,
                           &route);
    PyMem_Free(s);
    PyMem_Free(c);
    if (found < 0)
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    if (found == 2)
        Py_RETURN_NONE;
    if (found == 0)
        Py_RETURN_FALSE;
    const Py_ssize_t size = STEP_WORDS * 8;
    return Py_BuildValue("(Ny#y#y#)", route.left, (const char *)route.marking, size,
                         (const char *)route.spacing, size, (const char *)route.alive, size);
}

/* shaped_steps(line, flags[, steps]): no_repair.shaped_steps of the line for every step (or
 * for those of the little-endian mask `steps` only), as little-endian bytes; None when
 * `flags` lacks a character no step changes (the caller fills it and asks again). */
static PyObject *py_shaped_steps(PyObject *self, PyObject *args)
{
    (void)self;
    if (!T.ready || !PT.ready || PT.nsteps != T.nsteps) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_proof() was not called");
        return NULL;
    }
    PyObject *line, *flags;
    Py_buffer todo = {0};
    if (!PyArg_ParseTuple(args, "UO!|y*:shaped_steps", &line, &PyDict_Type, &flags, &todo))
        return NULL;
    Steps every = {{0}}, shaped = {{0}};
    for (Py_ssize_t j = 0; j < T.nsteps; j++)
        if (todo.buf == NULL
            || (j / 8 < todo.len && ((const uint8_t *)todo.buf)[j / 8] >> (j % 8) & 1))
            steps_set(&every, j);
    if (todo.buf != NULL)
        PyBuffer_Release(&todo);
    Py_UCS4 *s = PyUnicode_AsUCS4Copy(line);
    if (s == NULL)
        return NULL;
    int found = shape_steps(s, PyUnicode_GET_LENGTH(line), flags, &every, &shaped);
    PyMem_Free(s);
    if (found < 0)
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    if (found == 2)
        Py_RETURN_NONE;
    uint8_t out[STEP_WORDS * 8];
    steps_bytes(&shaped, out);
    return PyBytes_FromStringAndSize((const char *)out, sizeof out);
}

/* PT.masks from PT.rows and PT.images: what the steps do to each of the nrows characters
 * of image_chars, whose own flag words are `own`. -1 on memory error. */
static int rows_masks(PyObject *image_chars, const uint8_t *own, Py_ssize_t nrows)
{
    Py_ssize_t steps = T.nsteps;
    PT.masks = PyMem_Calloc((size_t)nrows + 1, sizeof *PT.masks);
    if (PT.masks == NULL)
        return -1;
    for (Py_ssize_t r = 0; r < nrows; r++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(image_chars, r);
        const uint16_t *flags = PT.rows + r * steps;
        const Py_UCS4 *images = PT.images + r * steps;
        RowMasks *out = PT.masks + r;
        memcpy(&out->own, own + 2 * r, sizeof out->own); /* (native order, as array("H")) */
        for (Py_ssize_t j = 0; j < steps; j++) {
            if (flags[j] & F_SPACE) /* (a step that leaves a space counts too: U+00A0) */
                steps_set(&out->spacing, j);
            if (images[j] == ch)
                continue;
            steps_set(&out->changes, j);
            if (flags[j] & F_BAD)
                steps_set(&out->bad, j);
            if (flags[j] & F_MARK)
                steps_set(&out->marking, j);
        }
    }
    return 0;
}

/* init_proof(image_chars, images, ascii, rows, own, edge), after init: the characters some
 * step changes and what each step turns them into (as init takes them), the flag words of
 * the ASCII characters (128 of them), of each of those images and of each of those
 * characters, and legacy._EDGE. */
static PyObject *py_init_proof(PyObject *self, PyObject *args)
{
    (void)self;
    NEED_TABLES();
    Py_buffer ascii, rows, own;
    PyObject *image_chars, *images, *edge;
    if (!PyArg_ParseTuple(args, "UUy*y*y*U:init_proof", &image_chars, &images, &ascii, &rows,
                          &own, &edge))
        return NULL;
    Py_ssize_t nrows = PyUnicode_GET_LENGTH(image_chars);
    PyObject *out = NULL;
    proof_tables_free();
    if (ascii.len != 128 * 2 || rows.len != nrows * T.nsteps * 2 || own.len != nrows * 2
        || T.nsteps > STEP_WORDS * 64
        || PyUnicode_GET_LENGTH(images) != nrows * T.nsteps) {
        PyErr_SetString(PyExc_ValueError, "inconsistent proof tables");
        goto done;
    }
    PT.rows = PyMem_Malloc((size_t)rows.len + 2);
    PT.edge = PyUnicode_AsUCS4Copy(edge);
    PT.images = PyUnicode_AsUCS4Copy(images);
    if (PT.rows == NULL || PT.edge == NULL || PT.images == NULL
        || map_rows(&PT.image_row, image_chars) < 0) {
        proof_tables_free();
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    memcpy(PT.ascii, ascii.buf, sizeof PT.ascii);
    memcpy(PT.rows, rows.buf, (size_t)rows.len);
    if (rows_masks(image_chars, own.buf, nrows) < 0) {
        proof_tables_free();
        PyErr_NoMemory();
        goto done;
    }
    PT.nedge = PyUnicode_GET_LENGTH(edge);
    PT.nsteps = T.nsteps;
    PT.ready = 1;
    Py_INCREF(Py_None);
    out = Py_None;
done:
    PyBuffer_Release(&ascii);
    PyBuffer_Release(&rows);
    PyBuffer_Release(&own);
    return out;
}

#endif

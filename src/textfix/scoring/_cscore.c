/* Compiled scorer: the hot loops of textfix.scoring.model, with identical results.
 *
 * textfix.scoring.model stays the reference: every function here mirrors one there
 * (named in its comment) operation for operation, so floats come out bit for bit the
 * same (sums in the same order, as the running Python's sum() adds floats).  Where the
 * Python code would divide by zero, the C code returns None and the caller takes the
 * pure-Python path.
 *
 * Character properties are never re-implemented: a Python callback classifies each
 * character once (the same regular expressions and str methods the Python code uses)
 * and the answer is kept in a table of the Basic Multilingual Plane.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../repair/_cplausible_hash.h" /* CRC-32, the word index's key */

/* Character flags, as textfix.scoring.model._char_info sets them (keep in step). */
enum {
    F_KNOWN = 1 << 0,    /* the table entry is filled */
    F_TOKEN = 1 << 1,    /* TOKEN_RE */
    F_LETTER = 1 << 2,   /* [^\W\d_] */
    F_OTHER = 1 << 3,    /* _OTHER_RE */
    F_NONASCII = 1 << 4, /* _NON_ASCII_RE */
    F_COMMON = 1 << 5,   /* _COMMON_SYMBOL_RE */
    F_GLUE = 1 << 6,     /* the symbol of _GLUED_RE */
    F_TOUCH = 1 << 7,    /* the symbol of _TOUCHING_RE */
    F_RARE = 1 << 8,     /* _RARE_SYMBOL_RE */
    F_LEADING = 1 << 9,  /* the symbol of _LEADING_RE */
    F_LEADNEXT = 1 << 10, /* the small letter after it */
    F_LOWER = 1 << 11,   /* str.islower */
    F_UPPER = 1 << 12,   /* str.isupper */
    F_TITLE = 1 << 13,   /* str.istitle */
    F_ALPHA = 1 << 14,   /* str.isalpha */
    F_LOWERS = 1 << 15,  /* ch.lower() != ch */
    F_LEADSIGN = 1 << 16, /* a sign of _LEADING_RE's second kind */
    F_LEADCYR = 1 << 17, /* the small Cyrillic letter after it */
    F_RUNSIGN = 1 << 18  /* a sign of _GLUED_RUN_RE's runs */
};

#define N_SCRIPTS 7
#define SCRIPT_LATN 0
#define MAX_MODELS 64
#define MAX_FOLD 3
#define BMP 0x10000

/* Penalties of model.py (nats). */
#define ODD_CASE (-4.0)
#define GLUED_SYMBOL (-8.0)
#define TOUCHING_SYMBOL (-5.0)
#define COMMON_SYMBOL (-3.0)
#define NO_LETTERS (-10.0)
#define OTHER_SYMBOL (-6.0)
#define RARE_SYMBOL (-6.0)
#define LEADING_SYMBOL (-8.0)
#define MIXED_SCRIPT_WORD (-10.0)
#define FOREIGN_LETTER (-9.0)
#define FOREIGN_COST 90
#define PACKED_FROM 5

/* The number of the lowest set bit of a non-zero ``x``. */
static inline int
lowest_bit(uint64_t x)
{
    return __builtin_ctzll(x);
}

typedef struct {
    uint64_t mask; /* languages whose alphabet has the character */
    uint32_t flags;
    uint8_t script;
    uint8_t nfold;
    Py_UCS4 fold[MAX_FOLD]; /* _fold_text of the character */
} CharInfo;

typedef struct {
    uint64_t key; /* (first << 21 | second) + 1; 0 marks a free slot */
    double pooled;
    uint32_t start; /* its models' values: vals[start : start + n], by model number */
    uint32_t n;
    uint64_t models; /* the models with a value (model m's is the (models below m)-th) */
} Entry;

typedef struct {
    uint32_t model;
    int32_t cost;
    double value;
} ModelVal;

typedef struct {
    char code[16];
    PyObject *code_obj;
    int script;
    double floor;
    int64_t floor_cost;
} Model;

/* ------------------------------------------------------------------ Words */

/* The word index (textfix.scoring._wordindex.WordIndex) read in place: model.word_langs and
 * WordIndex.get in one call, without the Python frames, the lru cache and hashlib. */
typedef struct {
    PyObject_HEAD
    Py_buffer highs, lows, slots, starts, masks; /* 4-, 2-, 2-, 4- and 8-byte items */
    Py_buffer bands; /* per slot: the bands' low plane, then their high plane (8 bytes each) */
    int ready, bits, shift;
    IndexFilter filter; /* built at init: fewer cache misses a lookup (_cplausible_hash.h) */
} Words;

static PyTypeObject WordsType; /* defined with the module */

/* WordIndex._slot for the UTF-8 ("surrogatepass") bytes of a word (-1: not shipped). */
static long words_slot(const Words *self, const uint8_t *p, size_t n)
{
    return index_slot_filtered(&self->filter, self->highs.buf, self->lows.buf, self->slots.buf,
                               self->starts.buf, self->highs.len / 4, self->bits, self->shift,
                               p, n);
}

/* The little-endian 8-byte integer at byte offset ``at`` of buf. */
static uint64_t words_u64(const Py_buffer *buf, size_t at)
{
    const uint8_t *m = (const uint8_t *)buf->buf + at;
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--)
        v = v << 8 | m[k];
    return v;
}

/* The mask of a slot (0 for -1). */
static uint64_t words_slot_mask(const Words *self, long slot)
{
    return slot < 0 ? 0 : words_u64(&self->masks, 8 * (size_t)slot);
}

/* _wordindex.band_of: the band of language ``index`` in a slot (0 for -1). */
static int words_slot_band(const Words *self, long slot, int index)
{
    if (slot < 0 || index < 0 || index > 63)
        return 0;
    uint64_t low = words_u64(&self->bands, 16 * (size_t)slot);
    uint64_t high = words_u64(&self->bands, 16 * (size_t)slot + 8);
    return (int)((high >> index & 1) << 1 | (low >> index & 1));
}

/* Appends the UTF-8 bytes of c (surrogates encoded like any code point) at out. */
static size_t words_utf8(Py_UCS4 c, uint8_t *out)
{
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xC0 | c >> 6);
        out[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | c >> 12);
        out[1] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | c >> 18);
    out[1] = (uint8_t)(0x80 | (c >> 12 & 0x3F));
    out[2] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}


/* The slot of the word data[lo:hi] (of a str's ``kind``) in *slot (-1: not shipped), folded
 * first (model._fold: str.lower, then ς -> σ and ß -> ss; the one multi-character
 * lower-casing is İ -> i + U+0307) or as it is (``folded``); -1 on error (no memory). */
static int words_span_slot(const Words *self, int kind, const void *data, Py_ssize_t lo,
                           Py_ssize_t hi, int folded, long *slot)
{
    uint8_t local[512];
    size_t room = 8 * (size_t)(hi - lo); /* at most two characters of four bytes each */
    uint8_t *buf = room <= sizeof local ? local : PyMem_Malloc(room);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    size_t k = 0;
    for (Py_ssize_t i = lo; i < hi; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x80) { /* (most letters: str.lower of ASCII is A-Z -> a-z alone) */
            buf[k++] = (uint8_t)(!folded && c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        if (folded) {
            k += words_utf8(c, buf + k);
            continue;
        }
        if (c == 0x130) {
            k += words_utf8('i', buf + k);
            k += words_utf8(0x307, buf + k);
            continue;
        }
        Py_UCS4 low = Py_UNICODE_TOLOWER(c);
        if (low == 0x3C2)
            low = 0x3C3;
        if (low == 0xDF) {
            buf[k++] = 's';
            buf[k++] = 's';
            continue;
        }
        k += words_utf8(low, buf + k);
    }
    *slot = words_slot(self, buf, k);
    if (buf != local)
        PyMem_Free(buf);
    return 0;
}

/* words_span_slot's mask in *mask; -1 on error. */
static int words_span_mask(const Words *self, int kind, const void *data, Py_ssize_t lo,
                           Py_ssize_t hi, int folded, uint64_t *mask)
{
    long slot;
    if (words_span_slot(self, kind, data, lo, hi, folded, &slot) < 0)
        return -1;
    *mask = words_slot_mask(self, slot);
    return 0;
}

static PyObject *Words_langs(Words *self, PyObject *word);
static PyObject *Words_get(Words *self, PyObject *word);
static int words_form_langs(Words *self, const Py_UCS4 *buf, Py_ssize_t n, PyObject *endings,
                            Py_ssize_t longest, uint64_t compounding, Py_ssize_t stem, int depth,
                            uint64_t *out);

/* A word lookup handed over from Python: any ``word -> mask`` callable; where it is a
 * bound Words.langs or Words.get, its Words is read in place (no Python objects made). */
typedef struct {
    PyObject *call;
    Words *words; /* NULL: call ``call`` */
    int folded;   /* Words.get: the word as it is; Words.langs: composed and folded */
} WordSource;

static void word_source_set(WordSource *ws, PyObject *call)
{
    Py_INCREF(call);
    ws->call = call;
    ws->words = NULL;
    ws->folded = 0;
    if (!PyCFunction_Check(call))
        return;
    PyObject *owner = PyCFunction_GET_SELF(call);
    PyCFunction f = PyCFunction_GET_FUNCTION(call);
    if (owner == NULL || !Py_IS_TYPE(owner, &WordsType) || !((Words *)owner)->ready)
        return;
    if (f == (PyCFunction)Words_langs || f == (PyCFunction)Words_get) {
        ws->words = (Words *)owner;
        ws->folded = f == (PyCFunction)Words_get;
    }
}

static PyObject *composed(PyObject *text);

/* The mask ``ws`` gives the word data[lo:hi] of ``text`` (a str of that kind and data, or
 * NULL for a buffer of 4-byte characters: then made into a str only for a callable) in
 * *mask, and, when ``slot`` is not NULL, its slot in the Words read in *slot (-1: not
 * shipped; -2: looked up by a Python callable); -1 on error. */
static int word_source_mask(const WordSource *ws, PyObject *text, int kind, const void *data,
                            Py_ssize_t lo, Py_ssize_t hi, uint64_t *mask, long *slot)
{
    long found = -2;
    PyObject *word = NULL;
    if (ws->words != NULL) {
        int accent = 0; /* model.composed normalises: then read the composed word */
        for (Py_ssize_t i = lo; i < hi && !ws->folded && !accent; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            accent = c >= 0x300 && c <= 0x36f;
        }
        int status = 0;
        if (!accent) {
            status = words_span_slot(ws->words, kind, data, lo, hi, ws->folded, &found);
        }
        else {
            word = text != NULL ? PyUnicode_Substring(text, lo, hi)
                                : PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND,
                                                            (const Py_UCS4 *)data + lo, hi - lo);
            PyObject *c = word ? composed(word) : NULL;
            Py_XDECREF(word);
            if (c == NULL)
                return -1;
            status = words_span_slot(ws->words, PyUnicode_KIND(c), PyUnicode_DATA(c), 0,
                                     PyUnicode_GET_LENGTH(c), 0, &found);
            Py_DECREF(c);
        }
        if (status < 0)
            return -1;
        *mask = words_slot_mask(ws->words, found);
        if (slot != NULL)
            *slot = found;
        return 0;
    }
    word = text != NULL ? PyUnicode_Substring(text, lo, hi)
                        : PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND,
                                                    (const Py_UCS4 *)data + lo, hi - lo);
    PyObject *r = word ? PyObject_CallOneArg(ws->call, word) : NULL;
    Py_XDECREF(word);
    if (r == NULL)
        return -1;
    if (slot != NULL)
        *slot = -2;
    *mask = (uint64_t)PyLong_AsUnsignedLongLongMask(r);
    Py_DECREF(r);
    return *mask == (uint64_t)-1 && PyErr_Occurred() ? -1 : 0;
}

typedef struct {
    PyObject_HEAD
    PyObject *classify;
    WordSource word_get;
    CharInfo *bmp;
    Entry *entries;
    size_t entry_mask;
    int entry_shift; /* 64 - log2(the table's size): an entry's first slot (entry_slot) */
    ModelVal *vals;
    size_t n_vals;
    Model models[MAX_MODELS];
    int n_models;
    uint64_t pool_mask[N_SCRIPTS];
    int64_t limit[N_SCRIPTS];
    double pooled_floor;
    double top_floor;
    /* what a TextScore is made of (``made``): model.TextScore (a tuple subclass, filled in
     * place), model.plausibility's slope and mid, and the function (for a value its
     * math.exp would refuse) */
    PyTypeObject *score_type;
    PyObject *plausibility;
    double slope, mid;
} Tables;

/* ``type``(*items) for a tuple subclass (a NamedTuple: its __new__ only packs its fields),
 * made as tuple.__new__ makes it; steals the items' references, even on error. */
static PyObject *
packed(PyTypeObject *type, PyObject **items, Py_ssize_t n)
{
    PyObject *made = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            goto fail;
        }
    }
    made = type->tp_alloc(type, n);
    if (made == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(made, i, items[i]);
    }
    return made;
fail:
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(items[i]);
    }
    return NULL;
}

/* model.plausibility(lp): its formula, or the function where math.exp would refuse the
 * value (an overflow it raises on). */
static PyObject *
plausibility_of(Tables *self, double lp)
{
    double e = exp(-self->slope * (lp - self->mid));
    if (!isfinite(e)) {
        PyObject *arg = PyFloat_FromDouble(lp);
        PyObject *r = arg ? PyObject_CallOneArg(self->plausibility, arg) : NULL;
        Py_XDECREF(arg);
        return r;
    }
    return PyFloat_FromDouble(1.0 / (1.0 + e));
}

static PyTypeObject TablesType; /* defined with the module */


/* ---- Python's sum() of floats, as the running interpreter adds them ---------------- */

typedef struct {
    double f;
    double c;
    int started;
} PySum;

static void
pysum_add(PySum *s, double x)
{
    if (!s->started) {
        s->f = 0.0 + x; /* int 0 + float: the first item */
        s->started = 1;
        return;
    }
#if PY_VERSION_HEX >= 0x030C0000
    /* Neumaier's compensated sum (Python 3.12+). */
    double t = s->f + x;
    if (fabs(s->f) >= fabs(x)) {
        s->c += (s->f - t) + x;
    }
    else {
        s->c += (x - t) + s->f;
    }
    s->f = t;
#else
    s->f += x;
#endif
}

/* The sum as a float (an empty sum is int 0, i.e. 0.0 once added to a float). */
static double
pysum_result(const PySum *s)
{
    if (!s->started) {
        return 0.0;
    }
#if PY_VERSION_HEX >= 0x030C0000
    if (s->c != 0.0 && isfinite(s->c)) {
        return s->f + s->c;
    }
#endif
    return s->f;
}

/* ---- character table ---------------------------------------------------------------- */

static int
fill_info(Tables *t, Py_UCS4 ch, CharInfo *out)
{
    PyObject *s = PyUnicode_FromOrdinal((int)ch);
    if (s == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallOneArg(t->classify, s);
    Py_DECREF(s);
    if (r == NULL) {
        return -1;
    }
    PyObject *fold = NULL;
    unsigned long flags = 0, script = 0;
    unsigned long long mask = 0;
    if (!PyArg_ParseTuple(r, "kkKU", &flags, &script, &mask, &fold)) {
        Py_DECREF(r);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(fold);
    if (n > MAX_FOLD || script >= N_SCRIPTS) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_ValueError, "character fold too long or unknown script");
        return -1;
    }
    out->mask = (uint64_t)mask;
    out->flags = (uint32_t)flags | F_KNOWN;
    out->script = (uint8_t)script;
    out->nfold = (uint8_t)n;
    for (Py_ssize_t i = 0; i < n; i++) {
        out->fold[i] = PyUnicode_READ_CHAR(fold, i);
    }
    Py_DECREF(r);
    return 0;
}

/* The table entry of ``ch`` (filled on first sight); NULL on error.  Characters outside
 * the BMP are classified on every call, into ``spare``. */
static const CharInfo *
info_slow(Tables *t, Py_UCS4 ch, CharInfo *spare)
{
    if (ch < BMP) {
        CharInfo *e = &t->bmp[ch];
        return fill_info(t, ch, e) < 0 ? NULL : e;
    }
    if (fill_info(t, ch, spare) < 0) {
        return NULL;
    }
    return spare;
}

/* (the table read inline: every character of every candidate is looked up) */
static inline __attribute__((always_inline)) const CharInfo *
info(Tables *t, Py_UCS4 ch, CharInfo *spare)
{
    if (ch < BMP && (t->bmp[ch].flags & F_KNOWN)) {
        return &t->bmp[ch];
    }
    return info_slow(t, ch, spare);
}

/* ---- bigram table ------------------------------------------------------------------- */

static uint64_t
bigram_key(Py_UCS4 a, Py_UCS4 b)
{
    return (((uint64_t)a << 21) | (uint64_t)b) + 1;
}

static size_t
key_hash(uint64_t key)
{
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 32;
    return (size_t)key;
}

/* A bigram key's first slot in the table: the top bits of a multiplicative hash (two
 * instructions: every bigram of every candidate is looked up). */
static inline __attribute__((always_inline)) size_t
entry_slot(const Tables *t, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> t->entry_shift);
}

/* (inlined: every bigram of every candidate is looked up) */
static inline __attribute__((always_inline)) Entry *
find_entry(const Tables *t, uint64_t key)
{
    size_t i = entry_slot(t, key);
    for (;;) {
        Entry *e = &t->entries[i];
        if (e->key == key) {
            return e;
        }
        if (e->key == 0) {
            return NULL;
        }
        i = (i + 1) & t->entry_mask;
    }
}

static Entry *
add_entry(Tables *t, uint64_t key)
{
    size_t i = entry_slot(t, key);
    for (;;) {
        Entry *e = &t->entries[i];
        if (e->key == key || e->key == 0) {
            e->key = key;
            return e;
        }
        i = (i + 1) & t->entry_mask;
    }
}

static int
bigram_of(PyObject *key, uint64_t *out)
{
    if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) != 2) {
        PyErr_SetString(PyExc_ValueError, "bigram keys must be 2-character strings");
        return -1;
    }
    *out = bigram_key(PyUnicode_READ_CHAR(key, 0), PyUnicode_READ_CHAR(key, 1));
    return 0;
}

/* One item of a {bigram: log-probability} dict. */
static int
bigram_item(PyObject *key, PyObject *value, uint64_t *k, double *v)
{
    if (bigram_of(key, k) < 0) {
        return -1;
    }
    *v = PyFloat_AsDouble(value);
    return (*v == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

/* ---- Tables object ------------------------------------------------------------------ */

static void
Tables_dealloc(Tables *self)
{
    Py_XDECREF(self->classify);
    Py_XDECREF(self->word_get.call);
    Py_XDECREF(self->score_type);
    Py_XDECREF(self->plausibility);
    for (int m = 0; m < self->n_models; m++) {
        Py_XDECREF(self->models[m].code_obj);
    }
    PyMem_Free(self->bmp);
    PyMem_Free(self->entries);
    PyMem_Free(self->vals);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Model ``m``'s bigram values: counted per entry (``place`` 0), then placed (1). */
static int
model_values(Tables *self, Py_ssize_t m, PyObject *bigrams, int place)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(bigrams, &pos, &key, &value)) {
        uint64_t k;
        double v;
        if (bigram_item(key, value, &k, &v) < 0) {
            return -1;
        }
        Entry *e = find_entry(self, k);
        if (e == NULL) {
            PyErr_SetString(PyExc_ValueError, "a model's bigram is not pooled");
            return -1;
        }
        if (!place) {
            e->n++;
            self->n_vals++;
            continue;
        }
        ModelVal *mv = &self->vals[e->start + e->n++];
        e->models |= (uint64_t)1 << m;
        mv->model = (uint32_t)m;
        mv->value = v;
        mv->cost = (int32_t)llround(-10.0 * v);
    }
    return 0;
}

/* Tables(classify, word_get, models, pooled, pooled_floor, top_floor, limits)
 * models: [(code, script id, floor, bigrams {str: float}), ...] in index order;
 * limits: per script id, the longest bigram list a packed sum takes (-1: none). */
static int
Tables_init(Tables *self, PyObject *args, PyObject *kwds)
{
    PyObject *classify, *word_get, *models, *pooled, *limits, *score_type, *plausibility;
    double pooled_floor, top_floor;
    static char *kwlist[] = {"classify", "word_get", "models", "pooled", "pooled_floor",
                             "top_floor", "limits", "made", NULL};
    if (self->bmp != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Tables already initialised");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOO!O!ddO!(O!Odd)", kwlist, &classify,
                                     &word_get, &PyList_Type, &models, &PyDict_Type, &pooled,
                                     &pooled_floor, &top_floor, &PyTuple_Type, &limits,
                                     &PyType_Type, &score_type, &plausibility, &self->slope,
                                     &self->mid)) {
        return -1;
    }
    if (!PyType_IsSubtype((PyTypeObject *)score_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "made: a tuple type first");
        return -1;
    }
    Py_INCREF(score_type);
    self->score_type = (PyTypeObject *)score_type;
    Py_INCREF(plausibility);
    self->plausibility = plausibility;
    if (PyList_GET_SIZE(models) > MAX_MODELS || PyTuple_GET_SIZE(limits) != N_SCRIPTS) {
        PyErr_SetString(PyExc_ValueError, "too many models or wrong number of limits");
        return -1;
    }
    Py_INCREF(classify);
    self->classify = classify;
    word_source_set(&self->word_get, word_get);
    self->pooled_floor = pooled_floor;
    self->top_floor = top_floor;
    for (int s = 0; s < N_SCRIPTS; s++) {
        self->limit[s] = PyLong_AsLongLong(PyTuple_GET_ITEM(limits, s));
        if (self->limit[s] == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    self->bmp = PyMem_Calloc(BMP, sizeof(CharInfo));
    if (self->bmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* Every bigram of any model is in ``pooled``: one entry each. */
    size_t cap = 16;
    while (cap < 2 * (size_t)PyDict_Size(pooled) + 16) {
        cap <<= 1;
    }
    self->entries = PyMem_Calloc(cap, sizeof(Entry));
    if (self->entries == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->entry_mask = cap - 1;
    self->entry_shift = 64;
    for (size_t c = cap; c > 1; c >>= 1) {
        self->entry_shift--;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(pooled, &pos, &key, &value)) {
        uint64_t k;
        double v;
        if (bigram_item(key, value, &k, &v) < 0) {
            return -1;
        }
        add_entry(self, k)->pooled = v;
    }
    /* Two passes over the models: count each bigram's models, then place their values. */
    Py_ssize_t n_models = PyList_GET_SIZE(models);
    for (Py_ssize_t m = 0; m < n_models; m++) {
        PyObject *item = PyList_GET_ITEM(models, m);
        PyObject *code, *bigrams;
        int script;
        double floor_;
        if (!PyArg_ParseTuple(item, "UidO!", &code, &script, &floor_, &PyDict_Type, &bigrams)) {
            return -1;
        }
        Py_ssize_t size;
        const char *utf8 = PyUnicode_AsUTF8AndSize(code, &size);
        if (utf8 == NULL) {
            return -1;
        }
        if (size >= (Py_ssize_t)sizeof(self->models[m].code) || script < 0 ||
            script >= N_SCRIPTS) {
            PyErr_SetString(PyExc_ValueError, "bad language code or script");
            return -1;
        }
        Model *model = &self->models[m];
        memcpy(model->code, utf8, (size_t)size + 1);
        Py_INCREF(code);
        model->code_obj = code;
        model->script = script;
        model->floor = floor_;
        model->floor_cost = llround(-10.0 * floor_);
        self->n_models = (int)m + 1;
        self->pool_mask[script] |= (uint64_t)1 << m;
        if (model_values(self, m, bigrams, 0) < 0) {
            return -1;
        }
    }
    self->vals = PyMem_Calloc(self->n_vals ? self->n_vals : 1, sizeof(ModelVal));
    if (self->vals == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    uint32_t start = 0;
    for (size_t i = 0; i <= self->entry_mask; i++) {
        Entry *e = &self->entries[i];
        if (e->key) {
            e->start = start;
            start += e->n;
            e->n = 0;
        }
    }
    for (Py_ssize_t m = 0; m < n_models; m++) {
        PyObject *bigrams = PyTuple_GET_ITEM(PyList_GET_ITEM(models, m), 3);
        if (model_values(self, m, bigrams, 1) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- shared pieces ------------------------------------------------------------------ */

typedef struct {
    Py_ssize_t start, end; /* in the folded text */
    int script;            /* _token_script */
    int ascii;
} Token;

/* The text readers, inlined where called with a known kind (made once per kind). */
#define SPECIALISED inline __attribute__((always_inline))

/* (a short text's folded characters and tokens stay in the Folded, on the caller's stack:
 * every candidate of a line is folded, most of them short) */
#define FOLD_LOCAL 256
#define TOKENS_LOCAL 128

typedef struct {
    Py_UCS4 *folded;
    Py_ssize_t n_folded;
    Token *tokens;
    Py_ssize_t n_tokens;
    int any_other; /* _OTHER_RE.search(folded) */
    Token **toks;  /* room for a list of the tokens (begin_data) */
    uint32_t *flags; /* each character's own flags (read again by text_shapes_of) */
    Py_UCS4 folded_local[FOLD_LOCAL];
    uint32_t flags_local[FOLD_LOCAL];
    Token tokens_local[TOKENS_LOCAL];
    Token *toks_local[TOKENS_LOCAL];
} Folded;

static void
folded_free(Folded *f)
{
    if (f->folded != f->folded_local) {
        PyMem_Free(f->folded);
    }
    if (f->tokens != f->tokens_local) {
        PyMem_Free(f->tokens);
    }
    if (f->toks != f->toks_local) {
        PyMem_Free(f->toks);
    }
    if (f->flags != f->flags_local) {
        PyMem_Free(f->flags);
    }
}

/* ``n`` items of ``size`` bytes: the ``local`` room where they fit in its ``room`` items,
 * else PyMem-allocated (NULL: no memory). */
static void *
local_or_alloc(void *local, size_t room, size_t n, size_t size)
{
    return n <= room ? local : PyMem_Malloc(n * size);
}

/* One folded character ``c`` (of table entry ``fi``) put at f->folded[*k], extending the
 * token in *cur (TOKEN_RE's runs of token characters) or ending it. */
static SPECIALISED void
fold_put(Folded *f, Py_ssize_t *k, Token **cur, Py_UCS4 c, const CharInfo *fi)
{
    Py_ssize_t i = (*k)++;
    f->folded[i] = c;
    if (fi->flags & F_OTHER) {
        f->any_other = 1;
    }
    if (!(fi->flags & F_TOKEN)) {
        *cur = NULL;
        return;
    }
    Token *t = *cur;
    if (t == NULL) {
        t = *cur = &f->tokens[f->n_tokens++];
        t->start = i;
        t->script = SCRIPT_LATN;
        t->ascii = 1;
    }
    t->end = i + 1;
    if (c > 0x7f && t->ascii) {
        t->ascii = 0;
        t->script = fi->script; /* the first non-ASCII character's script */
    }
}

/* _fold_text(text), then TOKEN_RE.findall of it (runs of token characters), in one pass
 * (each character's own flags kept in f->flags: the shapes read them). */
static SPECIALISED int
fold_and_split(Tables *t, int kind, const void *data, Py_ssize_t n, Folded *f)
{
    CharInfo spare, spare_fold;
    f->n_folded = f->n_tokens = 0;
    f->any_other = 0;
    f->toks = NULL;
    f->folded = local_or_alloc(f->folded_local, FOLD_LOCAL, (size_t)(MAX_FOLD * n + 1),
                               sizeof(Py_UCS4));
    f->tokens = local_or_alloc(f->tokens_local, TOKENS_LOCAL, (size_t)(MAX_FOLD * n / 2 + 2),
                               sizeof(Token));
    f->flags = local_or_alloc(f->flags_local, FOLD_LOCAL, (size_t)(n + 1), sizeof(uint32_t));
    if (f->folded == NULL || f->tokens == NULL || f->flags == NULL) {
        folded_free(f);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t k = 0;
    Token *cur = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        const CharInfo *ci = info(t, ch, &spare);
        if (ci == NULL) {
            folded_free(f);
            return -1;
        }
        f->flags[i] = ci->flags;
        if (ch < 0x80) {
            Py_UCS4 c = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
            const CharInfo *fi = c == ch ? ci : info(t, c, &spare_fold);
            fold_put(f, &k, &cur, c, fi);
            continue;
        }
        for (int j = 0; j < ci->nfold; j++) {
            Py_UCS4 c = ci->fold[j];
            /* (a character that is its own fold: its entry read once) */
            const CharInfo *fi = c == ch ? ci : info(t, c, &spare_fold);
            if (fi == NULL) {
                folded_free(f);
                return -1;
            }
            fold_put(f, &k, &cur, c, fi);
        }
    }
    f->n_folded = k;
    return 0;
}

/* Counts over the original text: _symbols' and the shape penalties' regexes. */
typedef struct {
    Py_ssize_t common, non_ascii, glued, leading, touching, rare;
} Shapes;

/* The flags of a character text_shapes counts something for (or starts a run at). */
#define SHAPE_FLAGS                                                                        \
    (F_COMMON | F_NONASCII | F_RARE | F_GLUE | F_RUNSIGN | F_LEADING | F_LEADSIGN | F_TOUCH)
/* ... of those model._quick reads (common, non_ascii, glued: see quick_kind) */
#define QUICK_SHAPE_FLAGS (F_COMMON | F_NONASCII | F_GLUE | F_RUNSIGN)

/* (``fl``: the characters' flags as fold_and_split kept them; NULL: looked up here) */
static SPECIALISED int
text_shapes_of(Tables *t, int kind, const void *data, const uint32_t *fl, Py_ssize_t n,
               Shapes *out, int all)
{
    CharInfo spare_cur, spare_next;
    memset(out, 0, sizeof(*out));
    /* flags of text[i - 1], text[i], text[i + 1] (ASCII: looked up like the rest) */
    uint32_t prev = 0, cur = 0, next = 0;
    /* the run of _GLUED_RUN_RE's signs ending at text[i]: its length, a letter before it */
    Py_ssize_t run = 0;
    int run_glued = 0;
    const CharInfo *ci;
    if (n > 0 && fl != NULL) {
        cur = fl[0];
    }
    else if (n > 0) {
        ci = info(t, PyUnicode_READ(kind, data, 0), &spare_cur);
        if (ci == NULL) {
            return -1;
        }
        cur = ci->flags;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i + 1 < n && fl != NULL) {
            next = fl[i + 1];
        }
        else if (i + 1 < n) {
            ci = info(t, PyUnicode_READ(kind, data, i + 1), &spare_next);
            if (ci == NULL) {
                return -1;
            }
            next = ci->flags;
        }
        else {
            next = 0;
        }
        /* (most characters: no count to add, no run) */
        if (!(cur & (all ? SHAPE_FLAGS : QUICK_SHAPE_FLAGS))) {
            run = 0;
            prev = cur;
            cur = next;
            continue;
        }
        out->common += (cur & F_COMMON) != 0;
        out->non_ascii += (cur & F_NONASCII) != 0;
        out->rare += all && (cur & F_RARE) != 0;
        out->glued += (cur & F_GLUE) && (prev & F_LETTER) && (next & F_LETTER);
        if (cur & F_RUNSIGN) {
            run_glued = run ? run_glued : (prev & F_LETTER) != 0;
            run++;
            /* (a small letter after it ends the run: two or more signs are glued once) */
            out->glued += run >= 2 && run_glued && (next & F_LETTER) && (next & F_LOWER);
        }
        else {
            run = 0;
        }
        if (all) {
            out->leading += ((cur & F_LEADING) && (next & F_LEADNEXT)) ||
                            ((cur & F_LEADSIGN) && !(prev & F_LETTER) && (next & F_LEADCYR));
            out->touching += (cur & F_TOUCH) && ((prev & F_LETTER) || (next & F_LETTER));
        }
        prev = cur;
        cur = next;
    }
    return 0;
}

/* text_shapes_of with every count. */
static SPECIALISED int
text_shapes(Tables *t, int kind, const void *data, Py_ssize_t n, Shapes *out)
{
    return text_shapes_of(t, kind, data, NULL, n, out, 1);
}

static PyObject *
make_str(const Py_UCS4 *buf, Py_ssize_t n)
{
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
}

/* " " + " ".join(tokens) + " ": into ``room`` where it fits in its ``room_size``
 * characters (*owned 0), else PyMem-allocated (*owned 1). */
static Py_UCS4 *
join_tokens(const Folded *f, Token *const *toks, Py_ssize_t n_toks, Py_ssize_t *len,
            Py_UCS4 *room, Py_ssize_t room_size, int *owned)
{
    Py_ssize_t size = 1;
    for (Py_ssize_t i = 0; i < n_toks; i++) {
        size += toks[i]->end - toks[i]->start + 1;
    }
    *owned = room == NULL || size > room_size;
    Py_UCS4 *out = *owned ? PyMem_Malloc(sizeof(Py_UCS4) * (size_t)size) : room;
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t k = 0;
    out[k++] = ' ';
    for (Py_ssize_t i = 0; i < n_toks; i++) {
        Py_ssize_t m = toks[i]->end - toks[i]->start;
        memcpy(out + k, f->folded + toks[i]->start, sizeof(Py_UCS4) * (size_t)m);
        k += m;
        out[k++] = ' ';
    }
    *len = k;
    return out;
}

/* ---- quick (model._quick) ----------------------------------------------------------- */

/* The folded tokens of the text data[:n] (of a str's ``kind``), room for a list of them
 * (freed with the Folded), and its shape counts. */
static SPECIALISED int
begin_data_of(Tables *self, int kind, const void *data, Py_ssize_t n, Folded *f, Token ***toks,
              Shapes *sh, int all)
{
    if (fold_and_split(self, kind, data, n, f) < 0) {
        return -1;
    }
    *toks = f->toks = local_or_alloc(f->toks_local, TOKENS_LOCAL, (size_t)(f->n_tokens + 1),
                                     sizeof(Token *));
    if (*toks == NULL) {
        f->toks = f->toks_local; /* (nothing to free) */
        folded_free(f);
        PyErr_NoMemory();
        return -1;
    }
    if (text_shapes_of(self, kind, data, f->flags, n, sh, all) < 0) {
        folded_free(f);
        return -1;
    }
    return 0;
}

/* begin_data_of with every shape counted. */
static SPECIALISED int
begin_data(Tables *self, int kind, const void *data, Py_ssize_t n, Folded *f, Token ***toks,
           Shapes *sh)
{
    return begin_data_of(self, kind, data, n, f, toks, sh, 1);
}

/* begin_data of a str. */
static int
begin(Tables *self, PyObject *text, Folded *f, Token ***toks, Shapes *sh)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "text must be str");
        return -1;
    }
    return begin_data(self, PyUnicode_KIND(text), PyUnicode_DATA(text),
                      PyUnicode_GET_LENGTH(text), f, toks, sh);
}

/* model._symbols: the cost and count of the non-ASCII non-letters. */
static double
symbols(const Shapes *sh, Py_ssize_t non_ascii_letters, Py_ssize_t *count)
{
    Py_ssize_t other = sh->non_ascii - non_ascii_letters - sh->common;
    *count = sh->common + other;
    return COMMON_SYMBOL * (double)sh->common + OTHER_SYMBOL * (double)other;
}

/* unicodedata.normalize, fetched when the module loads. */
static PyObject *normalize;
static PyObject *nfc; /* "NFC", made once */

/* model.composed(text): NFC when ``text`` has a Latin combining accent (U+0300-U+036F),
 * else ``text`` itself (a new reference; NULL on error). */
static PyObject *
composed(PyObject *text)
{
    int kind = PyUnicode_KIND(text);
    if (kind != PyUnicode_1BYTE_KIND) {
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c >= 0x300 && c <= 0x36f) {
                PyObject *args[2] = {nfc, text}; /* (no format parsed, no str made) */
                return PyObject_Vectorcall(normalize, args, 2, NULL);
            }
        }
    }
    Py_INCREF(text);
    return text;
}

/* composed(raw) of an argument, which must be a str (NULL with TypeError if not). */
static PyObject *
composed_arg(PyObject *raw)
{
    if (!PyUnicode_Check(raw)) {
        PyErr_SetString(PyExc_TypeError, "text must be str");
        return NULL;
    }
    return composed(raw);
}

/* model._quick of a composed text, as numbers: the value, the joined tokens (NULL: "",
 * else in the caller's room or, with ``owned``, PyMem-allocated, the caller's to free),
 * the symbols' cost and count. */
typedef struct {
    double value, cost;
    Py_ssize_t count, len;
    Py_UCS4 *joined;
    int owned;
} Quick;

/* model._quick of the composed text data[:n] (of a str's ``kind``) into *q, its joined
 * tokens in ``room`` (``room_size`` characters; NULL: none) where they fit: 0, 1 where
 * Python must decide (it would divide by zero), -1 on error. */
static SPECIALISED int
quick_kind(Tables *self, int kind, const void *data, Py_ssize_t n, Quick *q, Py_UCS4 *room,
           Py_ssize_t room_size)
{
    Folded f;
    Token **toks;
    Shapes sh;
    memset(q, 0, sizeof(*q));
    /* (the counts _quick reads alone: sh.leading, touching and rare stay 0) */
    if (begin_data_of(self, kind, data, n, &f, &toks, &sh, 0) < 0) {
        return -1;
    }
    Py_ssize_t n_toks = 0;
    for (Py_ssize_t i = 0; i < f.n_tokens; i++) {
        /* Scripts we do not model are neutral (the filter runs only if one is there). */
        if (!f.any_other || f.tokens[i].script != N_SCRIPTS - 1) {
            toks[n_toks++] = &f.tokens[i];
        }
    }
    int status = 0;
    if (n_toks == 0) {
        q->value = (f.n_tokens || !sh.non_ascii) ? 0.0 : NO_LETTERS;
        goto done;
    }
    Py_ssize_t len;
    int owned;
    Py_UCS4 *joined = join_tokens(&f, toks, n_toks, &len, room, room_size, &owned);
    if (joined == NULL) {
        status = -1;
        goto done;
    }
    PySum sum = {0.0, 0.0, 0};
    Py_ssize_t non_ascii = 0; /* (joined[0] is a space) */
    for (Py_ssize_t i = 0; i + 1 < len; i++) {
        const Entry *e = find_entry(self, bigram_key(joined[i], joined[i + 1]));
        pysum_add(&sum, e ? e->pooled : self->pooled_floor);
        non_ascii += joined[i + 1] > 0x7f;
    }
    Py_ssize_t count;
    double cost = symbols(&sh, non_ascii, &count);
    cost += GLUED_SYMBOL * (double)sh.glued;
    Py_ssize_t denominator = len - 1 + count;
    if (denominator == 0) {
        if (owned) {
            PyMem_Free(joined);
        }
        status = 1; /* Python raises ZeroDivisionError: let it */
        goto done;
    }
    q->value = (pysum_result(&sum) + cost) / (double)denominator;
    q->cost = cost;
    q->count = count;
    q->joined = joined;
    q->owned = owned;
    q->len = len;
done:
    folded_free(&f);
    return status;
}

/* quick_kind made once per kind (every candidate of a line is looked at: the characters
 * are read without asking their kind each time). */
static int
quick_data(Tables *self, int kind, const void *data, Py_ssize_t n, Quick *q, Py_UCS4 *room,
           Py_ssize_t room_size)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return quick_kind(self, PyUnicode_1BYTE_KIND, data, n, q, room, room_size);
    case PyUnicode_2BYTE_KIND:
        return quick_kind(self, PyUnicode_2BYTE_KIND, data, n, q, room, room_size);
    default:
        return quick_kind(self, PyUnicode_4BYTE_KIND, data, n, q, room, room_size);
    }
}

static PyObject *
Tables_quick(Tables *self, PyObject *raw)
{
    PyObject *text = composed_arg(raw);
    if (text == NULL) {
        return NULL;
    }
    Quick q;
    int status = quick_data(self, PyUnicode_KIND(text), PyUnicode_DATA(text),
                            PyUnicode_GET_LENGTH(text), &q, NULL, 0);
    Py_DECREF(text);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *js = make_str(q.joined, q.len);
    PyMem_Free(q.joined);
    return js == NULL ? NULL : Py_BuildValue("(dNdn)", q.value, js, q.cost, q.count);
}

/* ---- bound (model.logprob_bound, after _quick) -------------------------------------- */

/* model.logprob_bound's value for _quick's (joined, cost, count) in *out: 0, or 1 where
 * Python must decide (no denominator), -1 on error. */
static int
bound_of(Tables *self, const Py_UCS4 *data, Py_ssize_t len, double cost, Py_ssize_t count,
         double *out)
{
    const int kind = PyUnicode_4BYTE_KIND;
    CharInfo spare;
    *out = INFINITY;
    if (len == 0) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch > 0x7f) {
            const CharInfo *ci = info(self, ch, &spare);
            if (ci == NULL) {
                return -1;
            }
            if (!self->pool_mask[ci->script]) {
                return 0;
            }
        }
    }
    PySum sum = {0.0, 0.0, 0};
    double top = self->top_floor;
    for (Py_ssize_t i = 0; i + 1 < len; i++) {
        const Entry *e = find_entry(
            self, bigram_key(PyUnicode_READ(kind, data, i), PyUnicode_READ(kind, data, i + 1)));
        /* max(pooled, top): the first of equals */
        pysum_add(&sum, e == NULL ? top : (top > e->pooled ? top : e->pooled));
    }
    Py_ssize_t denominator = len - 1 + count;
    if (denominator == 0) {
        return 1;
    }
    *out = (pysum_result(&sum) + cost) / (double)denominator;
    return 0;
}

static PyObject *
Tables_bound(Tables *self, PyObject *args)
{
    PyObject *joined;
    double cost, value;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "Udn", &joined, &cost, &count)) {
        return NULL;
    }
    Py_UCS4 *chars = PyUnicode_AsUCS4Copy(joined);
    if (chars == NULL) {
        return NULL;
    }
    int status = bound_of(self, chars, PyUnicode_GET_LENGTH(joined), cost, count, &value);
    PyMem_Free(chars);
    if (status < 0) {
        return NULL;
    }
    if (status > 0) {
        Py_RETURN_NONE;
    }
    return PyFloat_FromDouble(value);
}

/* ---- score (model.score with lang=None) --------------------------------------------- */

typedef struct {
    Py_UCS4 ch;
    Py_ssize_t count;
    uint64_t mask;
} Letter;

/* The count of bits set in ``x``: the CPU's own instruction where the compiler may use it
 * (built for it, or aarch64's); x86-64 glibc builds get popcnt clones of its hot callers
 * (best_language, logprob, group_steps), picked once at load (RANK_CLONES); otherwise
 * parallel bit fields, no call. */
#if defined(__POPCNT__) || defined(__aarch64__)
#define RANK_BUILTIN 1
#define RANK_CLONES
#elif defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) &&                          \
    (defined(__clang__) ? __clang_major__ >= 14 : __GNUC__ >= 6)
#define RANK_BUILTIN 1
#define RANK_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define RANK_BUILTIN 0
#define RANK_CLONES
#endif

static inline uint32_t
bits_set(uint64_t x)
{
#if RANK_BUILTIN
    return (uint32_t)__builtin_popcountll(x);
#else
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (uint32_t)((x * 0x0101010101010101ULL) >> 56);
#endif
}

/* Model ``m``'s value of the bigram ``e`` (one it has: e->models holds m): its place is
 * the count of models below m that have the bigram. */
static inline const ModelVal *
model_val(const Tables *t, const Entry *e, int m)
{
    return &t->vals[e->start + bits_set(e->models & (((uint64_t)1 << m) - 1))];
}

/* model._logprob: the bigrams' values summed in order, plus the foreign letters' cost. */
RANK_CLONES static double
logprob(const Tables *t, int m, const Entry *const *bigrams, Py_ssize_t n_bigrams,
        const Letter *letters, Py_ssize_t n_letters)
{
    PySum sum = {0.0, 0.0, 0};
    const Model *model = &t->models[m];
    uint64_t bit = (uint64_t)1 << m;
    for (Py_ssize_t i = 0; i < n_bigrams; i++) {
        const Entry *e = bigrams[i];
        pysum_add(&sum, e != NULL && e->models & bit ? model_val(t, e, m)->value : model->floor);
    }
    Py_ssize_t foreign = 0;
    for (Py_ssize_t i = 0; i < n_letters; i++) {
        if (!(letters[i].mask & bit)) {
            foreign += letters[i].count;
        }
    }
    return pysum_result(&sum) + FOREIGN_LETTER * (double)foreign;
}

/* max((_logprob(m), m.code) for m in models): the first of equal tuples. */
static int
best_of(const Tables *t, const int *models, int n, const Entry *const *bigrams,
        Py_ssize_t n_bigrams, const Letter *letters, Py_ssize_t n_letters, double *lp)
{
    int best = -1;
    for (int i = 0; i < n; i++) {
        double v = logprob(t, models[i], bigrams, n_bigrams, letters, n_letters);
        if (best < 0 || v > *lp ||
            (v == *lp && strcmp(t->models[models[i]].code, t->models[best].code) > 0)) {
            best = models[i];
            *lp = v;
        }
    }
    return best;
}

#define LETTER_SLOTS_LOCAL 512
#define BEST_LOCAL 128 /* bigrams and letters of a text this short kept on the stack */

/* model._best for one script's tokens: 0 and *code set (-1: no language), -1 on error.
 * ``n_forced`` > 0 model numbers ``forced`` are the languages asked for (_candidates'
 * ``lang``): those alone are scored, the best of them kept (one for model.score). */
RANK_CLONES static int
best_language(Tables *self, const Folded *f, Token *const *toks, Py_ssize_t n_toks, double *lp,
              int *code, Py_ssize_t *n_bigrams_out, Py_ssize_t *n_letters_out,
              const int *forced, int n_forced)
{
    Py_ssize_t len;
    Py_UCS4 room[FOLD_LOCAL]; /* (the joined tokens of a short text) */
    int owned;
    Py_UCS4 *joined = join_tokens(f, toks, n_toks, &len, room, FOLD_LOCAL, &owned);
    if (joined == NULL) {
        return -1;
    }
    int status = -1;
    Py_ssize_t n_bigrams = len - 1;
    /* (on the stack for a short text, as its joined tokens) */
    const Entry *bigrams_local[BEST_LOCAL];
    Letter letters_local[BEST_LOCAL];
    const Entry **bigrams = local_or_alloc(bigrams_local, BEST_LOCAL, (size_t)(n_bigrams + 1),
                                           sizeof(Entry *));
    Letter *letters = local_or_alloc(letters_local, BEST_LOCAL, (size_t)(len + 1), sizeof(Letter));
    /* (each distinct letter's place in ``letters``, by an open hash of the letter) */
    size_t cap = 16;
    while (cap < 2 * (size_t)len) {
        cap <<= 1;
    }
    int32_t local[LETTER_SLOTS_LOCAL];
    int32_t *slots = local_or_alloc(local, LETTER_SLOTS_LOCAL, cap, sizeof(int32_t));
    if (bigrams == NULL || letters == NULL || slots == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n_bigrams; i++) {
        bigrams[i] = find_entry(self, bigram_key(joined[i], joined[i + 1]));
    }
    /* Counter("".join(tokens)): the distinct letters, counted (in no particular order: what
     * reads them adds integer counts and ANDs masks). */
    memset(slots, 0xff, cap * sizeof(int32_t)); /* -1: free */
    Py_ssize_t n_chars = 0, n_letters = 0;
    int script_count[N_SCRIPTS] = {0};
    CharInfo spare;
    for (Py_ssize_t i = 0; i < n_toks; i++) {
        for (Py_ssize_t j = toks[i]->start; j < toks[i]->end; j++) {
            Py_UCS4 ch = f->folded[j];
            size_t at = ((uint32_t)ch * 2654435761u >> 7) & (cap - 1);
            while (slots[at] >= 0 && letters[slots[at]].ch != ch) {
                at = (at + 1) & (cap - 1);
            }
            n_chars++;
            if (slots[at] >= 0) {
                letters[slots[at]].count++;
                continue;
            }
            const CharInfo *ci = info(self, ch, &spare);
            if (ci == NULL) {
                goto done;
            }
            slots[at] = (int32_t)n_letters;
            letters[n_letters].ch = ch;
            letters[n_letters].count = 1;
            letters[n_letters].mask = ci->mask;
            n_letters++;
            if (ch > 0x7f) {
                script_count[ci->script]++;
            }
        }
    }
    *n_bigrams_out = n_bigrams;
    *n_letters_out = n_chars;
    if (n_forced > 0) {
        *code = best_of(self, forced, n_forced, bigrams, n_bigrams, letters, n_letters, lp);
        status = 0;
        goto done;
    }
    /* _candidates: the dominant script of the non-ASCII letters (Latin if none); ties go
     * to the script first in model._SCRIPTS, the order of the script numbers. */
    int script = SCRIPT_LATN, most = 0;
    for (int s = 0; s < N_SCRIPTS; s++) {
        if (script_count[s] > most) {
            most = script_count[s];
            script = s;
        }
    }
    uint64_t pool = self->pool_mask[script];
    *code = -1;
    *lp = 0.0;
    if (!pool) {
        *n_bigrams_out = *n_letters_out = 0;
        status = 0;
        goto done;
    }
    uint64_t both = pool;
    for (Py_ssize_t i = 0; i < n_letters; i++) {
        if (letters[i].ch > 0x7f) {
            both &= letters[i].mask;
        }
    }
    int models[MAX_MODELS];
    int n_models = 0;
    if (both) {
        for (uint64_t x = both; x; x &= x - 1) { /* (ascending, as the models' loop) */
            models[n_models++] = lowest_bit(x);
        }
    }
    else {
        /* those whose alphabets miss the fewest of the letters (one more allowed): each
         * non-ASCII letter counted for the pool's models that have it (bit by bit) */
        Py_ssize_t cover[MAX_MODELS] = {0}, best = 0;
        for (Py_ssize_t i = 0; i < n_letters; i++) {
            if (letters[i].ch <= 0x7f) {
                continue;
            }
            for (uint64_t x = letters[i].mask & pool; x; x &= x - 1) {
                cover[lowest_bit(x)]++;
            }
        }
        for (uint64_t x = pool; x; x &= x - 1) {
            int m = lowest_bit(x);
            best = cover[m] > best ? cover[m] : best;
        }
        for (uint64_t x = pool; x; x &= x - 1) {
            int m = lowest_bit(x);
            if (cover[m] >= best - 1) {
                models[n_models++] = m;
            }
        }
    }
    if (n_models > 1) {
        /* _by_known_words: the languages knowing every known word of the tokens */
        uint64_t known = ~(uint64_t)0;
        int any = 0;
        for (Py_ssize_t i = 0; i < n_toks; i++) {
            uint64_t mask;
            if (word_source_mask(&self->word_get, NULL, PyUnicode_4BYTE_KIND, f->folded,
                                 toks[i]->start, toks[i]->end, &mask, NULL) < 0) {
                goto done;
            }
            if (mask) {
                known &= mask;
                any = 1;
            }
        }
        if (any && known) {
            int narrowed = 0;
            for (int i = 0; i < n_models; i++) {
                if (known >> models[i] & 1) {
                    models[narrowed++] = models[i];
                }
            }
            if (narrowed) {
                n_models = narrowed;
            }
        }
    }
    /* _max_logprob */
    int64_t limit = self->limit[self->models[models[0]].script];
    if (n_models < PACKED_FROM || limit < 0 || n_bigrams > limit) {
        *code = best_of(self, models, n_models, bigrams, n_bigrams, letters, n_letters, lp);
        status = 0;
        goto done;
    }
    /* Every language's exact integer cost (the packed sum of model.py, field by field). */
    int64_t costs[MAX_MODELS];
    int slot_of[MAX_MODELS];
    for (int i = 0; i < n_models; i++) {
        costs[i] = (int64_t)n_bigrams * self->models[models[i]].floor_cost;
        slot_of[models[i]] = i;
    }
    uint64_t in_pool = 0;
    for (int i = 0; i < n_models; i++) {
        in_pool |= (uint64_t)1 << models[i];
    }
    for (Py_ssize_t b = 0; b < n_bigrams; b++) {
        const Entry *e = bigrams[b];
        if (e == NULL) {
            continue;
        }
        for (uint64_t x = e->models & in_pool; x; x &= x - 1) {
            int m = lowest_bit(x);
            costs[slot_of[m]] += model_val(self, e, m)->cost - self->models[m].floor_cost;
        }
    }
    /* (each letter charged to the models lacking it, bit by bit: integer sums, in any
     * order the same) */
    for (Py_ssize_t l = 0; l < n_letters; l++) {
        for (uint64_t x = in_pool & ~letters[l].mask; x; x &= x - 1) {
            costs[slot_of[lowest_bit(x)]] += FOREIGN_COST * (int64_t)letters[l].count;
        }
    }
    int64_t least = costs[0];
    for (int i = 1; i < n_models; i++) {
        if (costs[i] < least) {
            least = costs[i];
        }
    }
    int n_tied = 0;
    for (int i = 0; i < n_models; i++) {
        if (costs[i] == least) {
            models[n_tied++] = models[i];
        }
    }
    *code = best_of(self, models, n_tied, bigrams, n_bigrams, letters, n_letters, lp);
    status = 0;
done:
    if (owned) {
        PyMem_Free(joined);
    }
    if (bigrams != bigrams_local) {
        PyMem_Free(bigrams);
    }
    if (letters != letters_local) {
        PyMem_Free(letters);
    }
    if (slots != local) {
        PyMem_Free(slots);
    }
    return status;
}

/* model.odd_case of one token from its gathered flags: its small letters followed by a
 * capital, unless no character after its first lowers (F_LOWERS in ``tail``) or it is
 * str.isupper (a capital, no small or title-case letter in ``any``). */
static inline Py_ssize_t
token_odd(uint32_t any, uint32_t tail, Py_ssize_t odd)
{
    int upper = !(any & (F_LOWER | F_TITLE)) && (any & F_UPPER);
    return (tail & F_LOWERS) && !upper ? odd : 0;
}

/* odd_cases over text of one (constant) kind: one pass, no buffer, each token's terms
 * gathered as its characters go by (the kind constant keeps the read out of the loop). */
static inline __attribute__((always_inline)) int
odd_cases_of(Tables *t, int kind, const void *data, Py_ssize_t n, Py_ssize_t *out)
{
    CharInfo spare;
    Py_ssize_t total = 0, odd = 0;
    /* (flags OR-ed over the token, over its characters after the first; the last one's;
     * ``after`` keeps the first out of ``tail``) */
    uint32_t any = 0, tail = 0, prev = 0, after = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const CharInfo *ci = info(t, PyUnicode_READ(kind, data, i), &spare);
        if (ci == NULL) {
            return -1;
        }
        uint32_t flags = ci->flags;
        if (flags & F_TOKEN) {
            tail |= flags & after;
            odd += (prev & F_LOWER) && (flags & F_UPPER);
            any |= flags;
            prev = flags;
            after = ~0u;
        }
        else if (after) {
            total += token_odd(any, tail, odd);
            odd = 0;
            any = tail = prev = after = 0;
        }
    }
    *out = total + (after ? token_odd(any, tail, odd) : 0);
    return 0;
}

/* model._penalties' odd capitals: model.odd_case summed over TOKEN_RE.findall(text). */
static int
odd_cases(Tables *t, PyObject *text, Py_ssize_t *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        return odd_cases_of(t, PyUnicode_1BYTE_KIND, data, n, out);
    case PyUnicode_2BYTE_KIND:
        return odd_cases_of(t, PyUnicode_2BYTE_KIND, data, n, out);
    default:
        return odd_cases_of(t, PyUnicode_4BYTE_KIND, data, n, out);
    }
}

/* model._mixed_scripts of the folded tokens. */
static int
mixed_scripts(Tables *t, const Folded *f, double *out)
{
    CharInfo spare;
    *out = 0.0;
    for (Py_ssize_t i = 0; i < f->n_tokens; i++) {
        const Token *tok = &f->tokens[i];
        if (tok->ascii) {
            continue;
        }
        int seen = -1, mixed = 0;
        for (Py_ssize_t j = tok->start; j < tok->end && !mixed; j++) {
            const CharInfo *ci = info(t, f->folded[j], &spare);
            if (ci == NULL) {
                return -1;
            }
            if (!(ci->flags & F_ALPHA)) {
                continue;
            }
            if (seen < 0) {
                seen = ci->script;
            }
            else if (seen != ci->script) {
                mixed = 1;
            }
        }
        if (mixed) {
            *out += MIXED_SCRIPT_WORD;
        }
    }
    return 0;
}

/* model.score(text, lang) of a composed ``text``, ``forced`` the model number of ``lang``
 * (n_forced 0: lang=None): its language's model number (-1: None), log-probability and
 * letters; -1 on error. With n_forced > 1, the best of those scores (the log-probability
 * grows with the one language's: the same best as of one call per language). */
static int
score_in(Tables *self, PyObject *text, const int *forced, int n_forced, int *lang,
         double *lp_out, Py_ssize_t *letters_out)
{
    Folded f;
    Token **toks;
    Shapes sh;
    if (begin(self, text, &f, &toks, &sh) < 0) {
        return -1;
    }
    int result = -1;
    /* groups: scripts in order of first appearance, Other dropped */
    int order[N_SCRIPTS], n_groups = 0, seen[N_SCRIPTS] = {0};
    for (Py_ssize_t i = 0; i < f.n_tokens; i++) {
        int s = f.tokens[i].script;
        if (!seen[s]) {
            seen[s] = 1;
            if (s != N_SCRIPTS - 1) {
                order[n_groups++] = s;
            }
        }
    }
    if (n_groups == 0) {
        *lang = -1;
        *lp_out = sh.rare ? RARE_SYMBOL : 0.0;
        *letters_out = 0;
        result = 0;
        goto done;
    }
    double total = 0.0;
    Py_ssize_t n_bigrams = 0, n_letters = 0, non_ascii = 0, most = -1;
    int best_lang = -1;
    for (int g = 0; g < n_groups; g++) {
        Py_ssize_t n_toks = 0;
        for (Py_ssize_t i = 0; i < f.n_tokens; i++) {
            if (f.tokens[i].script == order[g]) {
                toks[n_toks++] = &f.tokens[i];
                for (Py_ssize_t j = f.tokens[i].start; j < f.tokens[i].end; j++) {
                    non_ascii += f.folded[j] > 0x7f;
                }
            }
        }
        double lp;
        int code;
        Py_ssize_t nb, nl;
        int status = best_language(self, &f, toks, n_toks, &lp, &code, &nb, &nl, forced,
                                   n_groups == 1 ? n_forced : 0);
        if (status < 0) {
            goto done;
        }
        total += lp;
        n_bigrams += nb;
        n_letters += nl;
        if (nl > most && code >= 0) {
            most = nl;
            best_lang = code;
        }
    }
    Py_ssize_t count;
    double cost = symbols(&sh, non_ascii, &count);
    Py_ssize_t odd;
    if (odd_cases(self, text, &odd) < 0) {
        goto done;
    }
    double penalties = ODD_CASE * (double)odd;
    penalties += GLUED_SYMBOL * (double)sh.glued;
    penalties += LEADING_SYMBOL * (double)sh.leading;
    penalties += TOUCHING_SYMBOL * (double)sh.touching;
    penalties += RARE_SYMBOL * (double)sh.rare;
    double mixed;
    if (mixed_scripts(self, &f, &mixed) < 0) {
        goto done;
    }
    Py_ssize_t denominator = n_bigrams + count;
    if (denominator < 1) {
        denominator = 1;
    }
    double lp = (total + cost + penalties + mixed) / (double)denominator;
    *lang = best_lang;
    *lp_out = lp;
    *letters_out = n_letters;
    result = 0;
done:
    folded_free(&f);
    return result;
}

/* model.score(text) (lang=None) of a composed ``text``. */
static int
score_of(Tables *self, PyObject *text, int *lang, double *lp_out, Py_ssize_t *letters_out)
{
    return score_in(self, text, NULL, 0, lang, lp_out, letters_out);
}

static PyObject *
Tables_score(Tables *self, PyObject *text)
{
    int lang;
    double lp;
    Py_ssize_t letters;
    if (score_of(self, text, &lang, &lp, &letters) < 0) {
        return NULL;
    }
    return Py_BuildValue("(Odn)", lang < 0 ? Py_None : self->models[lang].code_obj, lp, letters);
}

/* model.TextScore(lang, lp, plausibility(lp), letters) of model number ``lang`` (-1: None);
 * NULL on error. */
static PyObject *
text_score(Tables *self, int lang, double lp, Py_ssize_t letters)
{
    PyObject *plausible = plausibility_of(self, lp);
    if (plausible == NULL) {
        return NULL;
    }
    PyObject *code = lang < 0 ? Py_None : self->models[lang].code_obj;
    Py_INCREF(code);
    PyObject *items[4] = {code, PyFloat_FromDouble(lp), plausible, PyLong_FromSsize_t(letters)};
    return packed(self->score_type, items, 4);
}

/* score_of(composed(raw)) for a str ``raw`` (TypeError if not); -1 on error. */
static int
composed_score_of(Tables *self, PyObject *raw, int *lang, double *lp, Py_ssize_t *letters)
{
    PyObject *text = composed_arg(raw);
    int status = text == NULL ? -1 : score_of(self, text, lang, lp, letters);
    Py_XDECREF(text);
    return status;
}

/* model.score(text) (lang=None) of any str ``raw``, composed here, as its TextScore. */
static PyObject *
Tables_text_score(Tables *self, PyObject *raw)
{
    int lang;
    double lp;
    Py_ssize_t letters;
    int status = composed_score_of(self, raw, &lang, &lp, &letters);
    return status < 0 ? NULL : text_score(self, lang, lp, letters);
}

/* model.score(text, lang) for the model number ``index`` of ``lang``. */
static PyObject *
Tables_score_in(Tables *self, PyObject *args)
{
    PyObject *text;
    int index, lang;
    double lp;
    Py_ssize_t letters;
    if (!PyArg_ParseTuple(args, "Ui", &text, &index)) {
        return NULL;
    }
    if (index < 0 || index >= self->n_models) {
        PyErr_SetString(PyExc_ValueError, "no such model");
        return NULL;
    }
    if (score_in(self, text, &index, 1, &lang, &lp, &letters) < 0) {
        return NULL;
    }
    return Py_BuildValue("(Odn)", lang < 0 ? Py_None : self->models[lang].code_obj, lp, letters);
}

/* The best log-probability of a composed ``text`` scored in each language of ``indices``
 * (model numbers, as bytes) that reads it as its own (model.score(text, lang).lang ==
 * lang), -inf for none: the family scores of legacy._mismatch_cost in one call, the text
 * folded once. (Text of one script: each language asked for reads it as its own; of
 * several: none is forced, every one gets the same reading.) */
static PyObject *
Tables_best_in(Tables *self, PyObject *args)
{
    PyObject *text;
    const unsigned char *indices;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "Uy#", &text, &indices, &n)) {
        return NULL;
    }
    int forced[MAX_MODELS];
    if (n > MAX_MODELS) {
        PyErr_SetString(PyExc_ValueError, "too many models");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (indices[i] >= self->n_models) {
            PyErr_SetString(PyExc_ValueError, "no such model");
            return NULL;
        }
        forced[i] = indices[i];
    }
    int lang;
    double lp;
    Py_ssize_t letters;
    if (n == 0) {
        return PyFloat_FromDouble(-Py_HUGE_VAL);
    }
    if (score_in(self, text, forced, (int)n, &lang, &lp, &letters) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (forced[i] == lang) {
            return PyFloat_FromDouble(lp);
        }
    }
    return PyFloat_FromDouble(-Py_HUGE_VAL);
}

/* ---- Pool: the single-byte part of repair.legacy._pool ------------------------------- */

#define ODD_WORDS 4 /* odd characters numbered: at most 64 * ODD_WORDS */

typedef struct {
    uint64_t letters; /* _oddity's mask of the image (-1: no letter) */
    uint64_t odd[ODD_WORDS];
} StepImage;

typedef struct {
    PyObject_HEAD
    Py_ssize_t n_steps, n_rows;
    /* The distinct StepImages (a few hundred: they stay in the cache) and each image's
     * among them (row * n_steps + step), in place of a StepImage per image (megabytes,
     * read a few hundred scattered times a line) */
    StepImage *kinds;
    uint16_t *kind;
    Py_UCS4 *image; /* row * n_steps + step: the image (read for every live step) */
    uint64_t *changes; /* row * ODD_WORDS: the steps that change the row's character */
    uint64_t *spoils;  /* ... that turn it into an undecodable or bad one */
    int16_t *row_of;   /* BMP character -> its row, -1 if no step changes it */
    int16_t *flags;    /* BMP character -> char_flags(ch), -1 until asked */
    PyObject *tables;  /* the steps' translate tables */
    PyObject *chains;  /* the steps' one-step chains */
    PyObject *char_flags;
    WordSource word_langs;
} Pool;

/* Character flags, as repair.legacy._pool_flags sets them (keep in step). */
enum {
    P_READS = 1,
    P_WORD = 2,
    P_TOKEN = 4,
    P_EDGE = 8,
    P_ALPHA = 16,
    P_SPACE = 32,
    P_HYPHEN = 64,
    P_APOSTROPHE = 128,
    P_BAD = 256
};

static void
Pool_dealloc(Pool *self)
{
    PyMem_Free(self->kinds);
    PyMem_Free(self->kind);
    PyMem_Free(self->image);
    PyMem_Free(self->row_of);
    PyMem_Free(self->changes);
    PyMem_Free(self->spoils);
    PyMem_Free(self->flags);
    Py_XDECREF(self->tables);
    Py_XDECREF(self->chains);
    Py_XDECREF(self->char_flags);
    Py_XDECREF(self->word_langs.call);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* A Python int's bits as ODD_WORDS words, lowest first (odd characters, steps). */
static int
odd_words(PyObject *bits, uint64_t *out)
{
    for (int w = 0; w < ODD_WORDS; w++) {
        PyObject *shift = PyLong_FromLong(64 * w);
        PyObject *word = shift ? PyNumber_Rshift(bits, shift) : NULL;
        Py_XDECREF(shift);
        if (word == NULL) {
            return -1;
        }
        out[w] = (uint64_t)PyLong_AsUnsignedLongLongMask(word);
        Py_DECREF(word);
    }
    return PyErr_Occurred() ? -1 : 0;
}

/* The ``n`` StepImages in self->kinds made distinct, in place (the first of equals kept,
 * each image's number among them in self->kind); -1 on error. */
static int
distinct_kinds(Pool *self, Py_ssize_t n)
{
    size_t cap = 16;
    while (cap < 2 * (size_t)n) {
        cap <<= 1;
    }
    int32_t *slots = PyMem_Malloc(cap * sizeof(int32_t)); /* distinct number, -1: free */
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(slots, 0xff, cap * sizeof(int32_t));
    Py_ssize_t n_kinds = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const StepImage si = self->kinds[i];
        uint64_t h = key_hash(si.letters);
        for (int w = 0; w < ODD_WORDS; w++) {
            h = key_hash(h ^ si.odd[w]);
        }
        size_t at = h & (cap - 1);
        while (slots[at] >= 0 && memcmp(&self->kinds[slots[at]], &si, sizeof(si)) != 0) {
            at = (at + 1) & (cap - 1);
        }
        if (slots[at] < 0) {
            if (n_kinds > UINT16_MAX) {
                PyMem_Free(slots);
                PyErr_SetString(PyExc_ValueError, "more distinct step images than numbered");
                return -1;
            }
            self->kinds[n_kinds] = si; /* (n_kinds <= i: an image not yet read is not lost) */
            slots[at] = (int32_t)n_kinds++;
        }
        self->kind[i] = (uint16_t)slots[at];
    }
    PyMem_Free(slots);
    StepImage *kinds = PyMem_Realloc(self->kinds, sizeof(StepImage) * (size_t)(n_kinds + 1));
    self->kinds = kinds != NULL ? kinds : self->kinds;
    return 0;
}

/* Pool(chars, images, letters, odd, tables, chains, char_flags, word_langs): per changeable
 * character (a
 * row; ``chars`` holds them in row order), its image under every step (a str, one character
 * per step), _oddity's letter masks and odd-character bit sets of those images (tuples); the
 * steps' tables and chains (tuples); legacy._pool_flags of one character, and the
 * languages whose word lists have a word (scoring.word_langs). */
static int
Pool_init(Pool *self, PyObject *args, PyObject *kwds)
{
    PyObject *chars, *images, *letters, *odd, *changes, *spoils, *tables, *chains, *char_flags,
        *word_langs;
    static char *kwlist[] = {"chars",  "images", "letters", "odd",        "changes",    "spoils",
                             "tables", "chains", "char_flags", "word_langs", NULL};
    if (self->image != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Pool already initialised");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "UO!O!O!O!O!O!O!OO", kwlist, &chars,
                                     &PyList_Type, &images, &PyList_Type, &letters, &PyList_Type,
                                     &odd, &PyList_Type, &changes, &PyList_Type, &spoils,
                                     &PyTuple_Type, &tables, &PyTuple_Type, &chains, &char_flags,
                                     &word_langs)) {
        return -1;
    }
    Py_ssize_t rows = PyList_GET_SIZE(images), steps = PyTuple_GET_SIZE(tables);
    if (PyList_GET_SIZE(letters) != rows || PyList_GET_SIZE(odd) != rows ||
        PyList_GET_SIZE(changes) != rows || PyList_GET_SIZE(spoils) != rows ||
        PyTuple_GET_SIZE(chains) != steps || steps > 64 * ODD_WORDS) {
        PyErr_SetString(PyExc_ValueError, "rows or steps differ in length");
        return -1;
    }
    self->kinds = PyMem_Calloc((size_t)(rows * steps + 1), sizeof(StepImage)); /* (shrunk) */
    self->kind = PyMem_Calloc((size_t)(rows * steps + 1), sizeof(uint16_t));
    self->image = PyMem_Calloc((size_t)(rows * steps + 1), sizeof(Py_UCS4));
    if (self->kinds == NULL || self->kind == NULL || self->image == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->row_of = PyMem_Malloc(sizeof(int16_t) * BMP);
    self->flags = PyMem_Malloc(sizeof(int16_t) * BMP);
    self->changes = PyMem_Calloc((size_t)(rows + 1) * ODD_WORDS, sizeof(uint64_t));
    self->spoils = PyMem_Calloc((size_t)(rows + 1) * ODD_WORDS, sizeof(uint64_t));
    if (self->row_of == NULL || self->flags == NULL || self->changes == NULL ||
        self->spoils == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(self->row_of, 0xff, sizeof(int16_t) * BMP); /* -1: no row */
    memset(self->flags, 0xff, sizeof(int16_t) * BMP);  /* -1: not asked yet */
    if (PyUnicode_GET_LENGTH(chars) != rows || rows > INT16_MAX) {
        PyErr_SetString(PyExc_ValueError, "one character per row");
        return -1;
    }
    for (Py_ssize_t r = 0; r < rows; r++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, r);
        if (ch >= BMP) {
            PyErr_SetString(PyExc_ValueError, "changeable characters are in the BMP");
            return -1;
        }
        self->row_of[ch] = (int16_t)r;
        if (odd_words(PyList_GET_ITEM(changes, r), self->changes + r * ODD_WORDS) < 0 ||
            odd_words(PyList_GET_ITEM(spoils, r), self->spoils + r * ODD_WORDS) < 0) {
            return -1;
        }
    }
    Py_INCREF(char_flags);
    self->char_flags = char_flags;
    word_source_set(&self->word_langs, word_langs);
    self->n_rows = rows;
    self->n_steps = steps;
    Py_INCREF(tables);
    self->tables = tables;
    Py_INCREF(chains);
    self->chains = chains;
    for (Py_ssize_t r = 0; r < rows; r++) {
        PyObject *img = PyList_GET_ITEM(images, r);
        PyObject *let = PyList_GET_ITEM(letters, r);
        PyObject *od = PyList_GET_ITEM(odd, r);
        if (!PyUnicode_Check(img) || PyUnicode_GET_LENGTH(img) != steps || !PyTuple_Check(let) ||
            PyTuple_GET_SIZE(let) != steps || !PyTuple_Check(od) || PyTuple_GET_SIZE(od) != steps) {
            PyErr_SetString(PyExc_ValueError, "a row has the wrong shape");
            return -1;
        }
        for (Py_ssize_t j = 0; j < steps; j++) {
            StepImage *si = &self->kinds[r * steps + j];
            self->image[r * steps + j] = PyUnicode_READ_CHAR(img, j);
            si->letters = (uint64_t)PyLong_AsUnsignedLongLongMask(PyTuple_GET_ITEM(let, j));
            if (odd_words(PyTuple_GET_ITEM(od, j), si->odd) < 0) {
                return -1;
            }
        }
    }
    return distinct_kinds(self, rows * steps);
}

/* Whether steps ``a`` and ``b`` make the same image of the ``n`` rows ``image``. */
static int
same_images(const Py_UCS4 *const *image, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (image[i][a] != image[i][b]) {
            return 0;
        }
    }
    return 1;
}

/* The live steps of a line grouped by the image they make of it, in order of first
 * appearance: per group its first step and step count (steps are indices of ``live``),
 * per step the next step of its group (-1: none), and each group's _oddness. */
typedef struct {
    Py_ssize_t n_groups;
    Py_ssize_t *firsts, *counts, *next, *oddness;
    Py_ssize_t *links; /* the memory of the four */
} Groups;

static void
groups_free(Groups *g)
{
    PyMem_Free(g->links);
}

#define SLOTS_LOCAL 512
#define ROWS_LOCAL 64 /* rows (changeable characters) of a line looked up on the stack */

/* Groups of the ``live`` steps for the changeable characters ``rows`` of a line, given
 * _oddity's (both, odd bit set, odd characters of no image) of the characters no step
 * changes; -1 on error. */
RANK_CLONES static int
group_steps(const Pool *self, const Py_ssize_t *rows, Py_ssize_t n, const Py_ssize_t *live,
            Py_ssize_t n_live, uint64_t both, const uint64_t *odd0, Py_ssize_t unnumbered,
            Groups *out)
{
    size_t cap = 8;
    while (cap < 2 * (size_t)n_live + 8) {
        cap <<= 1;
    }
    /* slot -> group + 1 (0: free), on the stack for the usual few hundred live steps */
    Py_ssize_t local[SLOTS_LOCAL];
    Py_ssize_t *slots = local_or_alloc(local, SLOTS_LOCAL, cap, sizeof(Py_ssize_t));
    Py_ssize_t *links = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(5 * n_live + 5));
    uint64_t hashes_local[SLOTS_LOCAL];
    uint64_t *hashes = local_or_alloc(hashes_local, SLOTS_LOCAL, (size_t)(n_live + 1),
                                      sizeof(uint64_t));
    /* each row's images and their StepImages' numbers, by step (the row's place worked
     * out once) */
    const void *rows_local[2 * ROWS_LOCAL];
    const void **row_at = local_or_alloc(rows_local, 2 * ROWS_LOCAL, (size_t)(2 * n + 2),
                                         sizeof(void *));
    if (slots == NULL || links == NULL || hashes == NULL || row_at == NULL) {
        if (slots != local) {
            PyMem_Free(slots);
        }
        if (row_at != rows_local) {
            PyMem_Free(row_at);
        }
        PyMem_Free(links);
        if (hashes != hashes_local) {
            PyMem_Free(hashes);
        }
        PyErr_NoMemory();
        return -1;
    }
    const Py_UCS4 **image = (const Py_UCS4 **)row_at;
    const uint16_t **kind = (const uint16_t **)(row_at + n + 1);
    for (Py_ssize_t r = 0; r < n; r++) {
        image[r] = &self->image[rows[r] * self->n_steps];
        kind[r] = &self->kind[rows[r] * self->n_steps];
    }
    memset(slots, 0, cap * sizeof(Py_ssize_t));
    Py_ssize_t *firsts = links, *last = links + n_live + 1, *counts = links + 2 * (n_live + 1);
    Py_ssize_t *next = links + 3 * (n_live + 1), *oddness = links + 4 * (n_live + 1);
    /* Each live step's image of the line, hashed (row after row); of three rows or fewer,
     * packed whole (21 bits a character): equal keys are equal images. */
    int packed = n <= 3;
    for (Py_ssize_t i = 0; packed && i < n_live; i++) {
        uint64_t h = 0;
        for (Py_ssize_t r = 0; r < n; r++) {
            h = h << 21 | image[r][live[i]];
        }
        hashes[i] = h;
    }
    for (Py_ssize_t i = 0; !packed && i < n_live; i++) {
        uint64_t h = 1469598103934665603ULL;
        Py_ssize_t j = live[i], r = 0;
        for (; r + 4 <= n; r += 4) { /* (four rows a turn: the same hash, less loop) */
            h = (h ^ image[r][j]) * 1099511628211ULL;
            h = (h ^ image[r + 1][j]) * 1099511628211ULL;
            h = (h ^ image[r + 2][j]) * 1099511628211ULL;
            h = (h ^ image[r + 3][j]) * 1099511628211ULL;
        }
        for (; r < n; r++) {
            h = (h ^ image[r][j]) * 1099511628211ULL;
        }
        hashes[i] = h;
    }
    /* Group the live steps by that image, in order of first appearance. */
    Py_ssize_t n_groups = 0;
    for (Py_ssize_t i = 0; i < n_live; i++) {
        size_t at = key_hash(hashes[i]) & (cap - 1);
        for (;;) {
            if (slots[at] == 0) {
                firsts[n_groups] = last[n_groups] = i;
                counts[n_groups] = 1;
                slots[at] = ++n_groups;
                next[i] = -1;
                break;
            }
            Py_ssize_t g = slots[at] - 1, first = firsts[g];
            if (hashes[first] == hashes[i] &&
                (packed || same_images(image, n, live[first], live[i]))) {
                next[last[g]] = i; /* the group's steps, chained in order */
                last[g] = i;
                counts[g]++;
                next[i] = -1;
                break;
            }
            at = (at + 1) & (cap - 1);
        }
    }
    for (Py_ssize_t g = 0; g < n_groups; g++) {
        Py_ssize_t j = live[firsts[g]];
        uint64_t mask = both, odd[ODD_WORDS];
        memcpy(odd, odd0, sizeof(odd));
        for (Py_ssize_t i = 0; i < n; i++) {
            const StepImage *si = &self->kinds[kind[i][j]];
            mask &= si->letters;
            for (int w = 0; w < ODD_WORDS; w++) {
                odd[w] |= si->odd[w];
            }
        }
        Py_ssize_t count = unnumbered + (mask == 0); /* (counted in a local, then stored) */
        for (int w = 0; w < ODD_WORDS; w++) {
            count += bits_set(odd[w]);
        }
        oddness[g] = count;
    }
    if (slots != local) {
        PyMem_Free(slots);
    }
    if (row_at != rows_local) {
        PyMem_Free(row_at);
    }
    if (hashes != hashes_local) {
        PyMem_Free(hashes);
    }
    out->n_groups = n_groups;
    out->firsts = firsts;
    out->counts = counts;
    out->next = next;
    out->oddness = oddness;
    out->links = links;
    return 0;
}

/* The chains of group ``g`` (a new tuple; NULL on error). */
static PyObject *
group_chains(const Pool *self, const Groups *groups, const Py_ssize_t *live, Py_ssize_t g)
{
    PyObject *chains = PyTuple_New(groups->counts[g]);
    if (chains == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = groups->firsts[g], k = 0; i >= 0; i = groups->next[i]) {
        PyObject *chain = PyTuple_GET_ITEM(self->chains, live[i]);
        Py_INCREF(chain);
        PyTuple_SET_ITEM(chains, k++, chain);
    }
    return chains;
}

/* pool(chars, live, both, odd_bits, unnumbered): the single-byte entries of _pool,
 * [(oddness, order, table, chains), ...], for the distinct characters ``chars`` of the
 * line, the ``live`` steps (ascending), and _oddity's (both, odd bit set, odd characters
 * of no image) of the characters no step changes. */
static PyObject *
Pool_pool(Pool *self, PyObject *args)
{
    PyObject *chars, *live_obj, *both_obj, *odd_obj;
    Py_ssize_t unnumbered;
    if (!PyArg_ParseTuple(args, "UO!OOn", &chars, &PyList_Type, &live_obj, &both_obj, &odd_obj,
                          &unnumbered)) {
        return NULL;
    }
    uint64_t both = (uint64_t)PyLong_AsUnsignedLongLongMask(both_obj);
    uint64_t odd0[ODD_WORDS];
    if ((both == (uint64_t)-1 && PyErr_Occurred()) || odd_words(odd_obj, odd0) < 0) {
        return NULL;
    }
    Py_ssize_t n_chars = PyUnicode_GET_LENGTH(chars), n_live = PyList_GET_SIZE(live_obj);
    Py_ssize_t n = 0; /* rows: the characters some step changes */
    Py_ssize_t *rows = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n_chars + 1));
    Py_ssize_t *live = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n_live + 1));
    Groups groups = {0, NULL, NULL, NULL, NULL, NULL};
    PyObject *result = NULL;
    if (rows == NULL || live == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n_chars; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(chars, i);
        if (ch < BMP && self->row_of[ch] >= 0) {
            rows[n++] = self->row_of[ch];
        }
    }
    for (Py_ssize_t i = 0; i < n_live; i++) {
        live[i] = PyLong_AsSsize_t(PyList_GET_ITEM(live_obj, i));
        if (live[i] < 0 || live[i] >= self->n_steps) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_IndexError, "step out of range");
            }
            goto done;
        }
    }
    if (group_steps(self, rows, n, live, n_live, both, odd0, unnumbered, &groups) < 0) {
        goto done;
    }
    result = PyList_New(groups.n_groups);
    if (result == NULL) {
        goto done;
    }
    for (Py_ssize_t g = 0; g < groups.n_groups; g++) {
        PyObject *chains = group_chains(self, &groups, live, g);
        PyObject *entry = chains == NULL ? NULL
                                         : Py_BuildValue("(nnON)", groups.oddness[g], g,
                                                         PyTuple_GET_ITEM(self->tables,
                                                                          live[groups.firsts[g]]),
                                                         chains);
        if (entry == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, g, entry);
    }
done:
    groups_free(&groups);
    PyMem_Free(rows);
    PyMem_Free(live);
    return result;
}

/* ``text`` through step ``j``'s images into ``out`` (as long as ``text``): 1 if the result
 * holds a Latin combining accent (model.composed would normalise it), else 0. */
static int
translate_into(Pool *self, PyObject *text, Py_ssize_t j, Py_UCS4 *out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text), accent = 0;
    const void *data = PyUnicode_DATA(text);
    const Py_UCS4 *image = self->image + j;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int row = ch < BMP ? self->row_of[ch] : -1;
        out[i] = row < 0 ? ch : image[row * self->n_steps];
        accent |= out[i] >= 0x300 && out[i] <= 0x36f;
    }
    return accent;
}

/* text.translate(the table of step ``j``). */
#define STEP_LOCAL 256 /* a candidate this short is translated on the stack */

static PyObject *
translate_step(Pool *self, PyObject *text, Py_ssize_t j)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_UCS4 local[STEP_LOCAL];
    Py_UCS4 *out = n < STEP_LOCAL ? local : PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n + 1));
    if (out == NULL) {
        return PyErr_NoMemory();
    }
    translate_into(self, text, j, out);
    Py_UCS4 most = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        most = out[i] > most ? out[i] : most;
    }
    /* (the str made at its kind directly: no second scan for its widest character) */
    PyObject *result = PyUnicode_New(n, most);
    if (result != NULL) {
        void *data = PyUnicode_DATA(result);
        switch (PyUnicode_KIND(result)) {
        case PyUnicode_1BYTE_KIND:
            for (Py_ssize_t i = 0; i < n; i++) {
                ((Py_UCS1 *)data)[i] = (Py_UCS1)out[i];
            }
            break;
        case PyUnicode_2BYTE_KIND:
            for (Py_ssize_t i = 0; i < n; i++) {
                ((Py_UCS2 *)data)[i] = (Py_UCS2)out[i];
            }
            break;
        default:
            memcpy(data, out, sizeof(Py_UCS4) * (size_t)n);
        }
    }
    if (out != local) {
        PyMem_Free(out);
    }
    return result;
}

/* text.translate(table) for one of the steps' tables (found by identity; any other table
 * is handed to str.translate). */
static PyObject *
translate_with(Pool *self, PyObject *text, PyObject *table)
{
    Py_ssize_t j = 0;
    while (j < self->n_steps && PyTuple_GET_ITEM(self->tables, j) != table) {
        j++;
    }
    if (j == self->n_steps) {
        return PyObject_CallMethod(text, "translate", "O", table);
    }
    return translate_step(self, text, j);
}

static PyObject *
Pool_translate(Pool *self, PyObject *args)
{
    PyObject *text, *table;
    if (!PyArg_ParseTuple(args, "UO", &text, &table)) {
        return NULL;
    }
    return translate_with(self, text, table);
}

/* Two strings of one length, read side by side. */
typedef struct {
    Py_ssize_t n;
    int tkind, kind;
    const void *tdata, *data;
} Pair;

/* The text and candidate cores (of one length) as a Pair; -1 and ValueError when their
 * lengths differ. */
static int
pair_of(PyObject *text, PyObject *cand, Pair *p)
{
    p->n = PyUnicode_GET_LENGTH(cand);
    if (PyUnicode_GET_LENGTH(text) != p->n) {
        PyErr_SetString(PyExc_ValueError, "text and cand differ in length");
        return -1;
    }
    p->tkind = PyUnicode_KIND(text);
    p->kind = PyUnicode_KIND(cand);
    p->tdata = PyUnicode_DATA(text);
    p->data = PyUnicode_DATA(cand);
    return 0;
}

/* The (text, cand[, share]) arguments as a Pair (-1 and ValueError when their lengths
 * differ); ``cand`` itself in *cand_out. */
static int
pair_args(PyObject *args, Pair *p, PyObject **cand_out, double *share)
{
    PyObject *text, *cand;
    if (!PyArg_ParseTuple(args, "UU|d", &text, &cand, share)) {
        return -1;
    }
    *cand_out = cand;
    return pair_of(text, cand, p);
}

/* legacy._pool_flags of ``ch`` asked of Python (once per BMP character); -1 on error. */
static int
pool_flags_slow(Pool *self, Py_UCS4 ch)
{
    PyObject *s = PyUnicode_FromOrdinal((int)ch);
    PyObject *r = s ? PyObject_CallOneArg(self->char_flags, s) : NULL;
    Py_XDECREF(s);
    if (r == NULL) {
        return -1;
    }
    long flags = PyLong_AsLong(r);
    Py_DECREF(r);
    if (flags < 0 || flags > INT16_MAX) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "character flags out of range");
        }
        return -1;
    }
    if (ch < BMP) {
        self->flags[ch] = (int16_t)flags;
    }
    return (int)flags;
}

/* legacy._pool_flags of ``ch``; -1 on error. */
static inline int
pool_flags(Pool *self, Py_UCS4 ch)
{
    int value = ch < BMP ? self->flags[ch] : -1;
    return value >= 0 ? value : pool_flags_slow(self, ch);
}

/* legacy._reads of data[:n] (of a str's ``kind``): how many of its characters read as
 * letters; -1 on error. */
static Py_ssize_t
reads_data(Pool *pool, int kind, const void *data, Py_ssize_t n)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int flags = pool_flags(pool, PyUnicode_READ(kind, data, i));
        if (flags < 0) {
            return -1;
        }
        count += (flags & P_READS) != 0;
    }
    return count;
}

/* legacy._reads(text). */
static Py_ssize_t
reads_of(Pool *self, PyObject *text)
{
    return reads_data(self, PyUnicode_KIND(text), PyUnicode_DATA(text),
                      PyUnicode_GET_LENGTH(text));
}

static PyObject *
Pool_reads(Pool *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "text must be str");
        return NULL;
    }
    Py_ssize_t count = reads_of(self, text);
    return count < 0 ? NULL : PyLong_FromSsize_t(count);
}

/* candidates()'s first look at the chosen pool entries: [(-quick logprob, order, candidate
 * core, chains), ...] (the cores translated, _quick's first value from ``tables``) and the
 * most letters any candidate core as long as ``text_core`` reads; None where _quick would
 * leave it to Python. */
static PyObject *
Pool_prepare(Pool *self, PyObject *args)
{
    PyObject *tables, *text_core, *entries;
    if (!PyArg_ParseTuple(args, "O!UO!", &TablesType, &tables, &text_core, &PyList_Type,
                          &entries)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(entries), most = 0;
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *entry = PyList_GET_ITEM(entries, i);
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 4) {
            PyErr_SetString(PyExc_TypeError, "pool entries are 4-tuples");
            goto fail;
        }
        PyObject *made = PyTuple_GET_ITEM(entry, 2), *cand;
        if (PyUnicode_Check(made)) {
            cand = made;
            Py_INCREF(cand);
        }
        else if ((cand = translate_with(self, text_core, made)) == NULL) {
            goto fail;
        }
        PyObject *quick = Tables_quick((Tables *)tables, cand);
        if (quick == NULL || quick == Py_None) {
            Py_DECREF(cand);
            if (quick == NULL) {
                goto fail;
            }
            Py_DECREF(out);
            return quick; /* None: Python decides */
        }
        double q = PyFloat_AS_DOUBLE(PyTuple_GET_ITEM(quick, 0));
        Py_DECREF(quick);
        if (PyUnicode_GET_LENGTH(cand) == PyUnicode_GET_LENGTH(text_core)) {
            Py_ssize_t r = reads_of(self, cand);
            if (r < 0) {
                Py_DECREF(cand);
                goto fail;
            }
            most = r > most ? r : most;
        }
        PyObject *item = Py_BuildValue("(dONO)", -q, PyTuple_GET_ITEM(entry, 1), cand,
                                       PyTuple_GET_ITEM(entry, 3));
        if (item == NULL) {
            goto fail;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return Py_BuildValue("(Nn)", out, most);
fail:
    Py_DECREF(out);
    return NULL;
}

/* Whether text[i] has the pool flag ``bit``: 1 or 0, -1 on error. */
static int
has_flag(Pool *self, int kind, const void *data, Py_ssize_t i, int bit)
{
    int flags = pool_flags(self, PyUnicode_READ(kind, data, i));
    return flags < 0 ? -1 : (flags & bit) != 0;
}

/* The end of the run of word characters from ``pos`` (-1 on error). */
static Py_ssize_t
word_run(Pool *self, int kind, const void *data, Py_ssize_t n, Py_ssize_t pos)
{
    int is_word;
    while (pos < n && (is_word = has_flag(self, kind, data, pos, P_WORD)) != 0) {
        if (is_word < 0) {
            return -1;
        }
        pos++;
    }
    return pos;
}

/* The end of legacy._CORE_WORD's match at ``pos`` or later, its start in *start; -1 when
 * there is none, -2 on error.  The pattern is W* N W* (W: a word character, N: any non-ASCII
 * one): a run of W holding an N, or a run of W ending where an N that is no W (a non-ASCII
 * space) starts another run of W. */
static Py_ssize_t
core_word(Pool *self, int kind, const void *data, Py_ssize_t n, Py_ssize_t pos,
          Py_ssize_t *start)
{
    while (pos < n) {
        Py_ssize_t e = word_run(self, kind, data, n, pos);
        if (e < 0) {
            return -2;
        }
        *start = pos;
        if (e < n && PyUnicode_READ(kind, data, e) > 0x7f) {
            Py_ssize_t f = word_run(self, kind, data, n, e + 1);
            return f < 0 ? -2 : f;
        }
        for (Py_ssize_t i = pos; i < e; i++) {
            if (PyUnicode_READ(kind, data, i) > 0x7f) {
                return e;
            }
        }
        pos = e + 1; /* no match starts in this run */
    }
    return -1;
}

/* How many of text[lo:hi] have the pool flag ``bit`` (-1 on error). */
static Py_ssize_t
count_flag(Pool *self, int kind, const void *data, Py_ssize_t lo, Py_ssize_t hi, int bit)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = lo; i < hi; i++) {
        int has = has_flag(self, kind, data, i, bit);
        if (has < 0) {
            return -1;
        }
        count += has;
    }
    return count;
}

/* legacy._has_known_words(text_core, cand_core) for cores of one length: the letter runs
 * of ``cand`` (two letters or more) that differ from ``text`` at their place, and whether
 * those known to some word list hold at least ``share`` of their letters (the lookups stop
 * once they do). */
#define WORDS_LOCAL 128

static int
has_known_words(Pool *self, const Pair p, PyObject *cand, double share)
{
    /* the repaired words as (start, end) pairs (on the stack for a short core) */
    Py_ssize_t local[WORDS_LOCAL];
    Py_ssize_t *words = local_or_alloc(local, WORDS_LOCAL, (size_t)(p.n + 2), sizeof(Py_ssize_t));
    if (words == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n_words = 0, letters = 0, start = -1;
    int differs = 0;
    for (Py_ssize_t i = 0; i <= p.n; i++) {
        int is_token = i < p.n ? has_flag(self, p.kind, p.data, i, P_TOKEN) : 0;
        if (is_token < 0) {
            if (words != local) {
                PyMem_Free(words);
            }
            return -1;
        }
        if (is_token) {
            if (start < 0) {
                start = i;
                differs = 0;
            }
            differs |= PyUnicode_READ(p.kind, p.data, i) != PyUnicode_READ(p.tkind, p.tdata, i);
            continue;
        }
        if (start >= 0 && differs && i - start > 1) {
            words[n_words++] = start;
            words[n_words++] = i;
            letters += i - start;
        }
        start = -1;
    }
    double needed = share * (double)letters;
    Py_ssize_t known = 0, left = letters; /* (left: the letters of the words not looked up) */
    int found = 0;
    /* (stops where the words left cannot make the share: known only grows by them, and
     * the answer is the same) */
    for (Py_ssize_t w = 0; w < n_words && !found && (double)(known + left) >= needed; w += 2) {
        left -= words[w + 1] - words[w];
        uint64_t langs;
        if (word_source_mask(&self->word_langs, cand, p.kind, p.data, words[w], words[w + 1],
                             &langs, NULL) < 0) {
            if (words != local) {
                PyMem_Free(words);
            }
            return -1;
        }
        int any = langs != 0;
        known += any ? words[w + 1] - words[w] : 0;
        found = (double)known >= needed;
    }
    if (words != local) {
        PyMem_Free(words);
    }
    return n_words > 0 && found;
}

static PyObject *
Pool_has_known_words(Pool *self, PyObject *args)
{
    PyObject *cand;
    double share = 0.0;
    Pair p;
    if (pair_args(args, &p, &cand, &share) < 0) {
        return NULL;
    }
    int found = has_known_words(self, p, cand, share);
    return found < 0 ? NULL : PyBool_FromLong(found);
}



/* The changed words of a candidate (legacy._changed_words): letters and languages each,
 * and the word's slot in the word index (-1: none; -2: looked up by Python). */
typedef struct {
    Py_ssize_t n, cap;
    Py_ssize_t *letters;
    uint64_t *langs;
    int done; /* looked up */
    long *slots;
} Changed;

static void
changed_free(Changed *w)
{
    PyMem_Free(w->letters);
    PyMem_Free(w->langs);
    PyMem_Free(w->slots);
}

static int
words_add(Changed *w, Py_ssize_t letters, uint64_t langs, long slot)
{
    if (w->n == w->cap) {
        Py_ssize_t cap = w->cap ? 2 * w->cap : 8;
        Py_ssize_t *l = PyMem_Realloc(w->letters, sizeof(Py_ssize_t) * (size_t)cap);
        if (l == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        w->letters = l;
        uint64_t *g = PyMem_Realloc(w->langs, sizeof(uint64_t) * (size_t)cap);
        if (g == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        w->langs = g;
        long *o = PyMem_Realloc(w->slots, sizeof(long) * (size_t)cap);
        if (o == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        w->slots = o;
        w->cap = cap;
    }
    w->slots[w->n] = slot;
    w->letters[w->n] = letters;
    w->langs[w->n++] = langs;
    return 0;
}

/* Pool_changed_words' walk, into ``w`` (once per candidate). */
static int
changed_words_of(Pool *self, PyObject *original, PyObject *candidate, Changed *w)
{
    if (w->done) {
        return 0;
    }
    w->done = 1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(candidate);
    int same_length = PyUnicode_GET_LENGTH(original) == n;
    int kind = PyUnicode_KIND(candidate), okind = PyUnicode_KIND(original);
    const void *data = PyUnicode_DATA(candidate), *odata = PyUnicode_DATA(original);
    Py_ssize_t pos = 0, start, end;
    while ((end = core_word(self, kind, data, n, pos, &start)) >= 0) {
        pos = end;
        if (same_length) {
            Py_ssize_t i = start;
            while (i < end && PyUnicode_READ(kind, data, i) == PyUnicode_READ(okind, odata, i)) {
                i++;
            }
            if (i == end) {
                continue;
            }
        }
        Py_ssize_t letters = count_flag(self, kind, data, start, end, P_TOKEN);
        if (letters < 0) {
            return -1;
        }
        if (letters < 2) {
            continue;
        }
        Py_ssize_t lo = start, hi = end;
        int edge = 1;
        while (lo < hi && (edge = has_flag(self, kind, data, lo, P_EDGE)) == 1) {
            lo++;
        }
        while (edge >= 0 && hi > lo && (edge = has_flag(self, kind, data, hi - 1, P_EDGE)) == 1) {
            hi--;
        }
        Py_ssize_t bare_letters = edge < 0 ? -1 : count_flag(self, kind, data, lo, hi, P_TOKEN);
        if (bare_letters < 0) {
            return -1;
        }
        uint64_t langs = 0;
        long slot = -1;
        if (lo < hi && bare_letters == hi - lo) {
            if (word_source_mask(&self->word_langs, candidate, kind, data, lo, hi, &langs,
                                 &slot) < 0) {
                return -1;
            }
        }
        if (words_add(w, letters, langs, slot) < 0) {
            return -1;
        }
    }
    return end == -2 ? -1 : 0;
}

/* legacy._changed_words(original, candidate). */
static PyObject *
Pool_changed_words(Pool *self, PyObject *args)
{
    PyObject *original, *candidate;
    if (!PyArg_ParseTuple(args, "UU", &original, &candidate)) {
        return NULL;
    }
    Changed w = {0, 0, NULL, NULL, 0, NULL};
    PyObject *out = NULL;
    if (changed_words_of(self, original, candidate, &w) == 0 && (out = PyTuple_New(w.n))) {
        for (Py_ssize_t i = 0; i < w.n; i++) {
            PyObject *item = Py_BuildValue("(nK)", w.letters[i], (unsigned long long)w.langs[i]);
            if (item == NULL) {
                Py_CLEAR(out);
                break;
            }
            PyTuple_SET_ITEM(out, i, item);
        }
    }
    changed_free(&w);
    return out;
}

/* legacy._changed. */
static Py_ssize_t
changed_of(PyObject *original, PyObject *candidate)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(candidate), m = PyUnicode_GET_LENGTH(original);
    if (n != m) {
        return (n > m ? n - m : m - n) + 1;
    }
    int okind = PyUnicode_KIND(original), kind = PyUnicode_KIND(candidate);
    const void *odata = PyUnicode_DATA(original), *data = PyUnicode_DATA(candidate);
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        count += PyUnicode_READ(okind, odata, i) != PyUnicode_READ(kind, data, i);
    }
    return count;
}

static PyObject *
Pool_changed(Pool *self, PyObject *args)
{
    PyObject *original, *candidate;
    (void)self;
    if (!PyArg_ParseTuple(args, "UU", &original, &candidate)) {
        return NULL;
    }
    return PyLong_FromSsize_t(changed_of(original, candidate));
}

/* The letters of ``text`` that ``cand`` (as long) turns into symbols, before the quotation
 * marks and apostrophes that pair up are let off (legacy._lost_letters), into ``lost``:
 * how many, -1 on error. */
static Py_ssize_t
lost_letters(Pool *self, PyObject *text, PyObject *cand, Py_UCS4 *lost)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(cand), n_lost = 0;
    int tkind = PyUnicode_KIND(text), kind = PyUnicode_KIND(cand);
    const void *tdata = PyUnicode_DATA(text), *data = PyUnicode_DATA(cand);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ(tkind, tdata, i), b = PyUnicode_READ(kind, data, i);
        if (a == b) {
            continue;
        }
        int fa = pool_flags(self, a), fb = pool_flags(self, b);
        int before = i > 0 ? pool_flags(self, PyUnicode_READ(kind, data, i - 1)) : 0;
        int after = i + 1 < n ? pool_flags(self, PyUnicode_READ(kind, data, i + 1)) : 0;
        if (fa < 0 || fb < 0 || before < 0 || after < 0) {
            return -1;
        }
        int inside = i > 0 && i + 1 < n;
        if (!(fa & P_ALPHA) || fb & (P_TOKEN | P_HYPHEN)) {
            continue;
        }
        if (fb & P_SPACE && inside && !(before & P_SPACE) && !(after & P_SPACE)) {
            continue; /* _inner_space */
        }
        if (fb & P_APOSTROPHE && inside && before & P_ALPHA && after & P_ALPHA) {
            continue; /* _between_letters */
        }
        lost[n_lost++] = b;
    }
    return n_lost;
}

static PyObject *
Pool_lost_letters(Pool *self, PyObject *args)
{
    PyObject *cand;
    double share = 0.0;
    Pair p;
    if (pair_args(args, &p, &cand, &share) < 0) {
        return NULL;
    }
    PyObject *text = PyTuple_GET_ITEM(args, 0);
    Py_UCS4 *lost = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(p.n + 1));
    if (lost == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n_lost = lost_letters(self, text, cand, lost);
    PyObject *result = n_lost < 0 ? NULL : make_str(lost, n_lost);
    PyMem_Free(lost);
    return result;
}

/* legacy._live_steps of the ``n`` characters ``chars`` (read with ``kind``): the steps that
 * change some of them and turn none into an undecodable or bad character, into ``live``
 * (room for n_steps) lowest first: how many, -1 on error. */
static Py_ssize_t
live_steps(Pool *self, int kind, const void *chars, Py_ssize_t n, Py_ssize_t *live)
{
    uint64_t ok[ODD_WORDS], changed[ODD_WORDS] = {0};
    for (int w = 0; w < ODD_WORDS; w++) {
        Py_ssize_t bits = self->n_steps - 64 * w;
        ok[w] = bits >= 64 ? ~(uint64_t)0 : bits > 0 ? ((uint64_t)1 << bits) - 1 : 0;
    }
    static const uint64_t none[ODD_WORDS] = {0};
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, chars, i);
        int row = ch < BMP ? self->row_of[ch] : -1;
        const uint64_t *changes = row < 0 ? none : self->changes + row * ODD_WORDS;
        const uint64_t *spoils = row < 0 ? none : self->spoils + row * ODD_WORDS;
        int flags = pool_flags(self, ch);
        if (flags < 0) {
            return -1;
        }
        for (int w = 0; w < ODD_WORDS; w++) {
            changed[w] |= changes[w];
            ok[w] &= ~spoils[w];
            if (flags & P_BAD) { /* a bad character left as it is stays bad */
                ok[w] &= changes[w];
            }
        }
    }
    Py_ssize_t count = 0;
    for (int w = 0; w < ODD_WORDS; w++) {
        for (uint64_t x = ok[w] & changed[w]; x; x &= x - 1) {
            int bit = lowest_bit(x);
            live[count++] = 64 * w + bit;
        }
    }
    return count;
}

/* live(chars): legacy._live_steps(chars) as a list of step numbers, lowest first. */
static PyObject *
Pool_live(Pool *self, PyObject *chars)
{
    if (!PyUnicode_Check(chars)) {
        PyErr_SetString(PyExc_TypeError, "chars must be str");
        return NULL;
    }
    Py_ssize_t *live = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(self->n_steps + 1));
    if (live == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = live_steps(self, PyUnicode_KIND(chars), PyUnicode_DATA(chars),
                              PyUnicode_GET_LENGTH(chars), live);
    PyObject *out = n < 0 ? NULL : PyList_New(n);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *step = PyLong_FromSsize_t(live[i]);
        if (step == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, step);
    }
    PyMem_Free(live);
    return out;
}

static PyMethodDef Pool_methods[] = {
    {"live", (PyCFunction)Pool_live, METH_O, "legacy._live_steps(chars) as step numbers."},
    {"lost_letters", (PyCFunction)Pool_lost_letters, METH_VARARGS,
     "The letters of text that cand turns into symbols (legacy._letters_to_symbols)."},
    {"translate", (PyCFunction)Pool_translate, METH_VARARGS,
     "text.translate(table), fast for the steps' own tables."},
    {"reads", (PyCFunction)Pool_reads, METH_O, "legacy._reads(text)."},
    {"changed", (PyCFunction)Pool_changed, METH_VARARGS, "legacy._changed(original, candidate)."},
    {"has_known_words", (PyCFunction)Pool_has_known_words, METH_VARARGS,
     "legacy._has_known_words(text_core, cand_core, share) for cores of one length."},
    {"prepare", (PyCFunction)Pool_prepare, METH_VARARGS,
     "candidates()' quick look at the chosen entries, and the most letters read."},
    {"changed_words", (PyCFunction)Pool_changed_words, METH_VARARGS,
     "legacy._changed_words(original, candidate)."},
    {"pool", (PyCFunction)Pool_pool, METH_VARARGS,
     "The single-byte entries of repair.legacy._pool."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PoolType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "textfix.scoring._cscore.Pool",
    .tp_basicsize = sizeof(Pool),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The single-byte steps seen per character, handed over once from repair.legacy.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Pool_init,
    .tp_dealloc = (destructor)Pool_dealloc,
    .tp_methods = Pool_methods,
};

/* The letter words of a line (next_letter_word's spans, lo and hi each) and the mask its
 * WordSource gave each, as lead_votes_of looked them up: handed on to form_lead_of. */
typedef struct {
    Py_ssize_t n;
    Py_ssize_t *spans;
    uint64_t *masks;
} LetterWords;

static int lead_votes_of(Tables *self, PyObject *text, const WordSource *source, PyObject *edge,
                         Py_ssize_t max_langs, Py_ssize_t vote_letters, int *best,
                         Py_ssize_t *top, Py_ssize_t *second, LetterWords *seen);
static int form_lead_of(PyObject *text, const WordSource *source, PyObject *edge,
                        Py_ssize_t max_langs, PyObject *endings, Py_ssize_t longest,
                        uint64_t compounding, Py_ssize_t stem, int depth,
                        const LetterWords *given, int *found);

#include "_cscore_rank.h" /* candidates()' shortlist loop */

/* ---- module ------------------------------------------------------------------------- */

/* shape(text, lowered): model.mojibake_shape(text) (the shape patterns' searches, a word
 * with a capital after a small letter, a word whose lower-cased letters are of two scripts),
 * given ``lowered``: per BMP character, a bit per script of the letters of its lower case
 * (model._lowered_scripts); None for text beyond the BMP (Python decides). */
static PyObject *
Tables_shape(Tables *self, PyObject *args)
{
    PyObject *text, *lowered;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyBytes_Type, &lowered)) {
        return NULL;
    }
    if (PyBytes_GET_SIZE(lowered) != BMP) {
        PyErr_SetString(PyExc_ValueError, "shape: the lowered table must have a byte per BMP character");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND) {
        Py_RETURN_NONE;
    }
    const unsigned char *low = (const unsigned char *)PyBytes_AS_STRING(lowered);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Shapes sh;
    if (text_shapes(self, kind, data, n, &sh) < 0) {
        return NULL;
    }
    if (sh.glued || sh.leading || sh.touching || sh.rare) {
        Py_RETURN_TRUE;
    }
    Py_ssize_t odd;
    if (odd_cases(self, text, &odd) < 0) {
        return NULL;
    }
    if (odd > 0) {
        Py_RETURN_TRUE;
    }
    /* _mixed_scripts of the lower-cased words: the scripts of each word's letters */
    CharInfo spare;
    unsigned int scripts = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 ch = i < n ? PyUnicode_READ(kind, data, i) : 0;
        const CharInfo *ci = i < n ? info(self, ch, &spare) : NULL;
        if (i < n && ci == NULL) {
            return NULL;
        }
        if (ci != NULL && ci->flags & F_TOKEN) {
            scripts |= low[ch];
            continue;
        }
        if (scripts & (scripts - 1)) {
            Py_RETURN_TRUE;
        }
        scripts = 0;
    }
    Py_RETURN_FALSE;
}

/* legacy._odd_cases(text): model.odd_case summed over TOKEN_RE.findall(text). */
static PyObject *
Tables_odd_cases(Tables *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "text must be str");
        return NULL;
    }
    Py_ssize_t odd;
    if (odd_cases(self, text, &odd) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(odd);
}

/* The second half of model.well_formed: one language's alphabet holds every folded letter
 * beyond ASCII of the composed text's TOKEN_RE characters (a token's characters are those
 * TOKEN_RE takes one by one, and folding goes character by character). */
static PyObject *
Tables_one_alphabet(Tables *self, PyObject *raw)
{
    PyObject *text = composed_arg(raw);
    if (text == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    uint64_t mask = ~(uint64_t)0;
    CharInfo spare, spare_fold;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text) && mask; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x80) {
            continue; /* (an ASCII character folds to ASCII) */
        }
        const CharInfo *ci = info(self, ch, &spare);
        if (ci == NULL) {
            Py_DECREF(text);
            return NULL;
        }
        if (!(ci->flags & F_TOKEN)) {
            continue;
        }
        for (int j = 0; j < ci->nfold; j++) {
            Py_UCS4 f = ci->fold[j];
            if (f < 0x80) {
                continue;
            }
            const CharInfo *fi = info(self, f, &spare_fold);
            if (fi == NULL) {
                Py_DECREF(text);
                return NULL;
            }
            mask &= fi->mask;
        }
    }
    Py_DECREF(text);
    return PyBool_FromLong(mask != 0);
}

static int tally_votes(Tables *self, PyObject *text, const WordSource *source,
                       const Py_ssize_t *words, const uint64_t *masks, Py_ssize_t n_words,
                       int latin, Py_ssize_t vote_letters, int *best_out, Py_ssize_t *top_out,
                       Py_ssize_t *second_out);

/* line_language.line_language's votes over the words of ``text`` (placeholders already
 * blanked), words looked up through ``source``: the model number with the most votes (the
 * lowest of equals, or -1), its votes and the runner-up's; -1 on error. */
static int
line_votes_of(Tables *self, PyObject *text, const WordSource *source, Py_ssize_t vote_letters,
              int *best_out, Py_ssize_t *top_out, Py_ssize_t *second_out)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* the words: runs of TOKEN_RE's characters, as (start, end, script, ascii, capital) */
    Py_ssize_t *words = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(5 * (n / 2 + 1)));
    if (words == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n_words = 0, start = -1;
    int script = SCRIPT_LATN, ascii = 1, capital = 0, latin = 1;
    CharInfo spare;
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 ch = i < n ? PyUnicode_READ(kind, data, i) : 0;
        const CharInfo *ci = i < n ? info(self, ch, &spare) : NULL;
        if (i < n && ci == NULL) {
            PyMem_Free(words);
            return -1;
        }
        if (ci != NULL && ci->flags & F_TOKEN) {
            if (start < 0) {
                start = i;
                script = SCRIPT_LATN;
                ascii = 1;
                capital = 0;
            }
            if (ch > 0x7f && ascii) { /* _token_script: its first non-ASCII character's */
                script = ci->script;
                ascii = 0;
            }
            capital |= ch >= 'A' && ch <= 'Z';
            continue;
        }
        if (start >= 0) {
            Py_ssize_t *w = words + 5 * n_words++;
            w[0] = start;
            w[1] = i;
            w[2] = script;
            w[3] = ascii;
            w[4] = capital;
            latin &= script == SCRIPT_LATN || script == N_SCRIPTS - 1;
            start = -1;
        }
    }
    int status = tally_votes(self, text, source, words, NULL, n_words, latin, vote_letters,
                             best_out, top_out, second_out);
    PyMem_Free(words);
    return status;
}

/* line_votes_of's count over its ``words`` (as it finds them: (start, end, script, ascii,
 * capital) each), looked up in ``text`` through ``source`` unless ``masks`` gives each one's
 * lookup; -1 on error. */
static int
tally_votes(Tables *self, PyObject *text, const WordSource *source, const Py_ssize_t *words,
            const uint64_t *masks, Py_ssize_t n_words, int latin, Py_ssize_t vote_letters,
            int *best_out, Py_ssize_t *top_out, Py_ssize_t *second_out)
{
    Py_ssize_t votes[MAX_MODELS] = {0};
    uint64_t voted = 0; /* the models with a vote */
    for (Py_ssize_t k = 0; k < n_words; k++) {
        const Py_ssize_t *w = words + 5 * k;
        if (w[1] - w[0] < vote_letters || (!latin && w[3] && w[4])) {
            continue;
        }
        uint64_t mask;
        if (masks != NULL) {
            mask = masks[k];
        }
        else if (word_source_mask(source, text, PyUnicode_KIND(text), PyUnicode_DATA(text), w[0],
                                  w[1], &mask, NULL) < 0) {
            return -1;
        }
        mask &= self->pool_mask[w[2]];
        voted |= mask;
        for (; mask; mask &= mask - 1) {
            int bit = lowest_bit(mask);
            votes[bit]++;
        }
    }
    int best = -1;
    Py_ssize_t top = 0, second = 0;
    /* (ascending over the models with a vote: a model with none changes neither) */
    for (uint64_t x = voted; x; x &= x - 1) {
        int m = lowest_bit(x);
        if (votes[m] > top) {
            second = top;
            top = votes[m];
            best = m;
        }
        else if (votes[m] > second) {
            second = votes[m];
        }
    }
    *best_out = best;
    *top_out = top;
    *second_out = second;
    return 0;
}

/* line_votes(text, word_langs, vote_letters): line_votes_of as (model number or -1, its
 * votes, the runner-up's). */
static PyObject *
Tables_line_votes(Tables *self, PyObject *args)
{
    PyObject *text, *word_langs;
    Py_ssize_t vote_letters;
    if (!PyArg_ParseTuple(args, "UOn", &text, &word_langs, &vote_letters)) {
        return NULL;
    }
    WordSource source;
    word_source_set(&source, word_langs);
    Py_DECREF(source.call); /* (borrowed for the call) */
    int best;
    Py_ssize_t top, second;
    if (line_votes_of(self, text, &source, vote_letters, &best, &top, &second) < 0) {
        return NULL;
    }
    return Py_BuildValue("(inn)", best, top, second);
}

/* The next word of ``text`` from *at on (str.split), stripped of ``edge``'s characters
 * (str.strip), made of letters alone (str.isalpha) as text[*lo:*hi]: 1, or 0 at the end
 * (*at moves past each word looked at). */
/* The edge str last read (held: its address stays its own) and its BMP characters as a bit
 * set: every word's ends are tested against the same few signs. */
static PyObject *edge_last;
static uint8_t edge_bits[BMP / 8];

/* ``ch`` is one of the characters of ``edge``. */
static inline int
in_edge(PyObject *edge, Py_UCS4 ch)
{
    if (edge != edge_last) {
        memset(edge_bits, 0, sizeof edge_bits);
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(edge); i++) {
            Py_UCS4 e = PyUnicode_READ_CHAR(edge, i);
            if (e < BMP) {
                edge_bits[e >> 3] |= (uint8_t)(1 << (e & 7));
            }
        }
        Py_INCREF(edge);
        Py_XSETREF(edge_last, edge);
    }
    if (ch < BMP) {
        return edge_bits[ch >> 3] >> (ch & 7) & 1;
    }
    return PyUnicode_FindChar(edge, ch, 0, PyUnicode_GET_LENGTH(edge), 1) >= 0;
}

static int
next_letter_word(PyObject *text, PyObject *edge, Py_ssize_t *at, Py_ssize_t *lo, Py_ssize_t *hi)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = *at;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    while (i < n) {
        while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        Py_ssize_t a = i;
        while (i < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        Py_ssize_t b = i;
        while (a < b && in_edge(edge, PyUnicode_READ(kind, data, a))) {
            a++;
        }
        while (b > a && in_edge(edge, PyUnicode_READ(kind, data, b - 1))) {
            b--;
        }
        int alpha = a < b;
        for (Py_ssize_t j = a; j < b && alpha; j++) {
            alpha = Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, j));
        }
        if (alpha) {
            *at = i;
            *lo = a;
            *hi = b;
            return 1;
        }
    }
    *at = i;
    return 0;
}

/* legacy._form_lead of the words of ``text`` (str.split, stripped of ``edge``), words
 * looked up through ``source``: the model index of the language in which most of the words
 * made of letters alone and listed in no language are inflected forms or compounds
 * (endings.form_langs, with ``endings`` = (endings, longest, compounding)), ahead of every
 * other, or -1, in *found: 0, 1 where Python must decide (a lookup Python makes, or a word
 * whose fold holds a Latin combining accent), -1 on error.  ``given`` (or NULL): the line's
 * letter words as lead_votes_of looked them up through ``source`` (the same lookup for a
 * word with no combining accent, the only words read here), not walked and looked up again. */
static int
form_lead_of(PyObject *text, const WordSource *source, PyObject *edge, Py_ssize_t max_langs,
             PyObject *endings, Py_ssize_t longest, uint64_t compounding, Py_ssize_t stem,
             int depth, const LetterWords *given, int *found)
{
    if (source->words == NULL || source->folded) {
        return 1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 *buf = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(2 * n + 1));
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t votes[64] = {0}, i = 0, w = 0;
    uint64_t voted = 0; /* the models with a vote */
    Py_ssize_t lo, hi;
    for (;; w++) {
        if (given != NULL ? w >= given->n : !next_letter_word(text, edge, &i, &lo, &hi)) {
            break;
        }
        if (given != NULL) {
            lo = given->spans[2 * w];
            hi = given->spans[2 * w + 1];
        }
        /* model._fold(composed(word)): no Latin combining accent (composed would compose
         * it; İ's fold has one), lower-cased, final sigma as sigma, ß as ss */
        Py_ssize_t m = 0;
        for (Py_ssize_t j = lo; j < hi; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, j);
            if ((c >= 0x300 && c <= 0x36f) || c == 0x130) {
                PyMem_Free(buf);
                return 1;
            }
            Py_UCS4 low = Py_UNICODE_TOLOWER(c);
            if (low == 0x3C2) {
                low = 0x3C3;
            }
            if (low == 0xDF) {
                buf[m++] = 's';
                low = 's';
            }
            buf[m++] = low;
        }
        uint64_t listed = given != NULL ? given->masks[w] : 0, mask = 0;
        if ((given == NULL && words_span_mask(source->words, kind, data, lo, hi, 0, &listed) < 0) ||
            (!listed && words_form_langs(source->words, buf, m, endings, longest, compounding,
                                         stem, depth, &mask) < 0)) {
            PyMem_Free(buf);
            return -1;
        }
        if (listed || !mask) {
            continue;
        }
        int langs = 0;
        for (uint64_t x = mask; x; x &= x - 1) {
            langs++;
        }
        if (langs > max_langs) {
            continue;
        }
        voted |= mask;
        for (uint64_t x = mask; x; x &= x - 1) {
            votes[lowest_bit(x)]++;
        }
    }
    PyMem_Free(buf);
    int best = -1;
    Py_ssize_t top = 0, second = 0;
    /* (ascending over the models with a vote: a model with none changes neither) */
    for (uint64_t x = voted; x; x &= x - 1) {
        int b = lowest_bit(x);
        if (votes[b] > top) {
            second = top;
            top = votes[b];
            best = b;
        }
        else if (votes[b] > second) {
            second = votes[b];
        }
    }
    *found = top > second ? best : -1;
    return 0;
}

/* form_lead(text, word_langs, edge, max_langs, (endings, longest, compounding), stem, depth):
 * form_lead_of, or None where Python must decide. */
static PyObject *
Tables_form_lead(Tables *self, PyObject *args)
{
    PyObject *text, *word_langs, *edge, *endings;
    Py_ssize_t max_langs, longest, stem;
    unsigned long long compounding;
    int depth, found;
    (void)self;
    if (!PyArg_ParseTuple(args, "UOUn(O!nK)ni", &text, &word_langs, &edge, &max_langs,
                          &PyDict_Type, &endings, &longest, &compounding, &stem, &depth)) {
        return NULL;
    }
    WordSource source;
    word_source_set(&source, word_langs);
    Py_DECREF(source.call); /* (borrowed for the call) */
    int status = form_lead_of(text, &source, edge, max_langs, endings, longest,
                              (uint64_t)compounding, stem, depth, NULL, &found);
    if (status < 0) {
        return NULL;
    }
    if (status > 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(found);
}

/* legacy._lead_index's count: line_votes_of over the words of ``text`` (str.split) stripped
 * of ``edge``'s characters at both ends, kept when all letters (str.isalpha) and known in at
 * most ``max_langs`` languages, joined by spaces (words of letters alone: no placeholder to
 * blank); -1 on error.  Where each kept word is all TOKEN_RE characters (the usual case),
 * line_votes_of would find them as they are, one token each: their lookups here are counted
 * (tally_votes) without the joined words made and looked up again.  ``seen`` (or NULL):
 * every letter word's span and mask kept for form_lead_of (its spans and masks the caller's
 * to free, set even on error). */
static int
lead_votes_of(Tables *self, PyObject *text, const WordSource *source, PyObject *edge,
              Py_ssize_t max_langs, Py_ssize_t vote_letters, int *best, Py_ssize_t *top,
              Py_ssize_t *second, LetterWords *seen)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), cap = n / 2 + 1; /* (words: at most that) */
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_UCS4 *joined = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n + 1));
    Py_ssize_t *words = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(5 * cap));
    uint64_t *masks = PyMem_Malloc(sizeof(uint64_t) * (size_t)cap);
    int status = -1, tokens = 1, latin = 1;
    CharInfo spare;
    if (seen != NULL) {
        seen->n = 0;
        seen->spans = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * cap));
        seen->masks = PyMem_Malloc(sizeof(uint64_t) * (size_t)cap);
    }
    if (joined == NULL || words == NULL || masks == NULL ||
        (seen != NULL && (seen->spans == NULL || seen->masks == NULL))) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t k = 0, i = 0, n_words = 0;
    Py_ssize_t lo, hi;
    while (next_letter_word(text, edge, &i, &lo, &hi)) {
        uint64_t mask, found;
        if (word_source_mask(source, text, kind, data, lo, hi, &mask, NULL) < 0) {
            goto done;
        }
        found = mask;
        if (seen != NULL) {
            seen->spans[2 * seen->n] = lo;
            seen->spans[2 * seen->n + 1] = hi;
            seen->masks[seen->n++] = found;
        }
        int langs = 0;
        for (; mask; mask &= mask - 1) {
            langs++;
        }
        if (langs > max_langs) {
            continue; /* a name or a loan: it names no language */
        }
        if (k) {
            joined[k++] = ' ';
        }
        for (Py_ssize_t j = lo; j < hi; j++) {
            joined[k++] = PyUnicode_READ(kind, data, j);
        }
        /* the word as line_votes_of's tokens read it (its script, ASCII alone, an ASCII
         * capital), while every character is a TOKEN_RE one */
        int script = SCRIPT_LATN, ascii = 1, capital = 0;
        for (Py_ssize_t j = lo; j < hi && tokens; j++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, j);
            const CharInfo *ci = info(self, ch, &spare);
            if (ci == NULL) {
                goto done;
            }
            tokens = (ci->flags & F_TOKEN) != 0;
            if (ch > 0x7f && ascii) {
                script = ci->script;
                ascii = 0;
            }
            capital |= ch >= 'A' && ch <= 'Z';
        }
        if (tokens) {
            Py_ssize_t *w = words + 5 * n_words;
            w[0] = lo;
            w[1] = hi;
            w[2] = script;
            w[3] = ascii;
            w[4] = capital;
            masks[n_words++] = found;
            latin &= script == SCRIPT_LATN || script == N_SCRIPTS - 1;
        }
    }
    if (tokens && n_words > 1) { /* (and the space between them none) */
        const CharInfo *ci = info(self, ' ', &spare);
        if (ci == NULL) {
            goto done;
        }
        tokens = !(ci->flags & F_TOKEN);
    }
    if (tokens) {
        status = tally_votes(self, NULL, source, words, masks, n_words, latin, vote_letters, best,
                             top, second);
        goto done;
    }
    PyObject *joined_words = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, joined, k);
    if (joined_words != NULL) {
        status = line_votes_of(self, joined_words, source, vote_letters, best, top, second);
        Py_DECREF(joined_words);
    }
done:
    PyMem_Free(joined);
    PyMem_Free(words);
    PyMem_Free(masks);
    return status;
}

/* lead_votes(text, word_langs, edge, max_langs, vote_letters): lead_votes_of as (model
 * number or -1, its votes, the runner-up's). */
static PyObject *
Tables_lead_votes(Tables *self, PyObject *args)
{
    PyObject *text, *word_langs, *edge;
    Py_ssize_t max_langs, vote_letters;
    if (!PyArg_ParseTuple(args, "UOUnn", &text, &word_langs, &edge, &max_langs,
                          &vote_letters)) {
        return NULL;
    }
    WordSource source;
    word_source_set(&source, word_langs);
    Py_DECREF(source.call); /* (borrowed for the call) */
    int best;
    Py_ssize_t top, second;
    if (lead_votes_of(self, text, &source, edge, max_langs, vote_letters, &best, &top,
                      &second, NULL) < 0) {
        return NULL;
    }
    return Py_BuildValue("(inn)", best, top, second);
}

static PyMethodDef Tables_methods[] = {
    {"shape", (PyCFunction)Tables_shape, METH_VARARGS,
     "model.mojibake_shape(text) given the lowered scripts table, or None beyond the BMP."},
    {"one_alphabet", (PyCFunction)Tables_one_alphabet, METH_O,
     "model._one_alphabet(text): one alphabet holds its folded token letters beyond ASCII."},
    {"odd_cases", (PyCFunction)Tables_odd_cases, METH_O,
     "Capitals after small letters in the words of text (model.odd_case summed)."},
    {"quick", (PyCFunction)Tables_quick, METH_O,
     "model._quick(text), or None where Python must decide."},
    {"bound", (PyCFunction)Tables_bound, METH_VARARGS,
     "model.logprob_bound's sum for _quick's (joined, cost, count)."},
    {"score", (PyCFunction)Tables_score, METH_O,
     "(lang, logprob, letters) of model.score(text)."},
    {"text_score", (PyCFunction)Tables_text_score, METH_O,
     "model.score(text): its TextScore, text composed here."},
    {"score_in", (PyCFunction)Tables_score_in, METH_VARARGS,
     "(lang, logprob, letters) of model.score(text, lang), given lang's model number."},
    {"best_in", (PyCFunction)Tables_best_in, METH_VARARGS,
     "The best logprob of text among the languages of indices (bytes) that read it as theirs."},
    {"line_votes", (PyCFunction)Tables_line_votes, METH_VARARGS,
     "line_language's votes over the words of text: (model number or -1, top, second)."},
    {"form_lead", (PyCFunction)Tables_form_lead, METH_VARARGS,
     "legacy._form_lead of a line's words, or None where Python must decide."},
    {"lead_votes", (PyCFunction)Tables_lead_votes, METH_VARARGS,
     "legacy._lead_index's votes: line_votes over text's words of letters alone known in few "
     "languages (edge characters stripped): (model number or -1, top, second)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject TablesType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "textfix.scoring._cscore.Tables",
    .tp_basicsize = sizeof(Tables),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The scorer's tables, handed over once from textfix.scoring.model.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Tables_init,
    .tp_dealloc = (destructor)Tables_dealloc,
    .tp_methods = Tables_methods,
};

/* ------------------------------------------------------------------ Words */

/* (the type and its lookups are defined before the scorer, which reads them) */

static void Words_dealloc(Words *self)
{
    if (self->ready) {
        PyBuffer_Release(&self->highs);
        PyBuffer_Release(&self->lows);
        PyBuffer_Release(&self->slots);
        PyBuffer_Release(&self->starts);
        PyBuffer_Release(&self->masks);
        PyBuffer_Release(&self->bands);
        index_filter_free(&self->filter);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int words_buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0)
        return -1;
    if (view->len % itemsize) {
        PyBuffer_Release(view);
        PyErr_SetString(PyExc_ValueError, "Words: a buffer of the wrong item size");
        return -1;
    }
    return 0;
}

/* Words(highs, lows, slots, starts, masks, bits, shift, bands): WordIndex's arrays (masks
 * as little-endian 8-byte integers, bands as two such per slot: low plane, high plane),
 * checked to agree so that lookups stay inside them. */
static int Words_init(Words *self, PyObject *args, PyObject *kwds)
{
    PyObject *o[6];
    int bits, shift;
    (void)kwds;
    if (self->ready) {
        PyErr_SetString(PyExc_RuntimeError, "Words: already initialised");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "OOOOOiiO:Words", &o[0], &o[1], &o[2], &o[3], &o[4], &bits,
                          &shift, &o[5]))
        return -1;
    if (bits < 17 || bits > 64 || shift < 0 || shift > 48) {
        PyErr_SetString(PyExc_ValueError, "Words: bits or shift out of range");
        return -1;
    }
    Py_buffer *views[6] = {&self->highs, &self->lows,  &self->slots,
                           &self->starts, &self->masks, &self->bands};
    const Py_ssize_t sizes[6] = {4, 2, 2, 4, 8, 16};
    for (int i = 0; i < 6; i++) {
        if (words_buffer(o[i], views[i], sizes[i]) < 0) {
            while (i-- > 0)
                PyBuffer_Release(views[i]);
            return -1;
        }
    }
    self->bits = bits;
    self->shift = shift;
    self->ready = 1;
    Py_ssize_t count = self->highs.len / 4, nstarts = self->starts.len / 4;
    const uint32_t *starts = self->starts.buf;
    const uint16_t *slots = self->slots.buf;
    uint64_t last_bucket = ((1ULL << (bits - 16)) - 1) >> shift;
    int ok = self->lows.len / 2 == count && self->slots.len / 2 == count
             && (uint64_t)nstarts >= last_bucket + 2 && self->bands.len == 2 * self->masks.len;
    for (Py_ssize_t i = 0; ok && i < nstarts; i++)
        ok = starts[i] <= count;
    for (Py_ssize_t i = 0; ok && i < count; i++)
        ok = slots[i] < self->masks.len / 8;
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "Words: the index's arrays disagree");
        return -1;
    }
    if (index_filter_build(&self->filter, self->highs.buf, self->lows.buf, count, bits) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* The mask of word, folded first or as it is (words_span_mask). */
static PyObject *words_mask(Words *self, PyObject *word, int folded)
{
    if (!PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "Words: a str is needed");
        return NULL;
    }
    if (!self->ready) {
        PyErr_SetString(PyExc_RuntimeError, "Words: not initialised");
        return NULL;
    }
    uint64_t mask;
    if (words_span_mask(self, PyUnicode_KIND(word), PyUnicode_DATA(word), 0,
                        PyUnicode_GET_LENGTH(word), folded, &mask) < 0)
        return NULL;
    return PyLong_FromUnsignedLongLong(mask);
}

/* model.word_langs: the mask of the word read composed (model.composed), then folded. */
static PyObject *Words_langs(Words *self, PyObject *word)
{
    if (!PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "Words: a str is needed");
        return NULL;
    }
    PyObject *text = composed(word);
    if (text == NULL)
        return NULL;
    PyObject *mask = words_mask(self, text, 0);
    Py_DECREF(text);
    return mask;
}

static PyObject *Words_get(Words *self, PyObject *word) { return words_mask(self, word, 1); }

/* model.word_band: the band of the word read composed, then folded, in language ``index``. */
static PyObject *Words_band(Words *self, PyObject *args)
{
    PyObject *word;
    int index;
    if (!PyArg_ParseTuple(args, "Ui:band", &word, &index))
        return NULL;
    if (!self->ready) {
        PyErr_SetString(PyExc_RuntimeError, "Words: not initialised");
        return NULL;
    }
    PyObject *text = composed(word);
    if (text == NULL)
        return NULL;
    long slot;
    int status = words_span_slot(self, PyUnicode_KIND(text), PyUnicode_DATA(text), 0,
                                 PyUnicode_GET_LENGTH(text), 0, &slot);
    Py_DECREF(text);
    return status < 0 ? NULL : PyLong_FromLong(words_slot_band(self, slot, index));
}

/* The endings table last read (held: its address stays its own; re-read when its size
 * changes) as an open-addressing table of its str keys' characters (one block) and masks:
 * every ending tried of every word is looked up without a str made for it. None where a
 * key is no str or the table is empty (the dict is asked then). */
typedef struct {
    PyObject *dict;
    Py_ssize_t size;  /* the dict's size when read */
    size_t mask;      /* slots - 1 */
    Py_ssize_t *at;   /* per slot: the key's start in ``chars`` (-1: free) */
    Py_ssize_t *len;  /* ... its length */
    uint64_t *value;  /* ... its mask */
    Py_UCS4 *chars;
    int usable;
} EndTable;

static EndTable end_table;

static uint64_t
end_hash(const Py_UCS4 *c, Py_ssize_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        h = (h ^ c[i]) * 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

static void
end_table_clear(EndTable *t)
{
    PyMem_Free(t->at);
    PyMem_Free(t->chars);
    Py_CLEAR(t->dict);
    t->at = NULL;
    t->chars = NULL;
    t->usable = 0;
}

/* ``end_table`` made the table of ``endings`` (a dict); -1 on error. */
static int
end_table_of(PyObject *endings)
{
    EndTable *t = &end_table;
    if (t->dict == endings && t->size == PyDict_GET_SIZE(endings)) {
        return 0;
    }
    end_table_clear(t);
    Py_INCREF(endings);
    t->dict = endings;
    t->size = PyDict_GET_SIZE(endings);
    Py_ssize_t pos = 0, total = 0;
    PyObject *key, *value;
    while (PyDict_Next(endings, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || !PyLong_Check(value)) {
            return 0; /* (not usable: the dict is asked) */
        }
        total += PyUnicode_GET_LENGTH(key);
    }
    size_t cap = 16;
    while (cap < 2 * (size_t)t->size + 16) {
        cap <<= 1;
    }
    t->at = PyMem_Malloc(cap * (2 * sizeof(Py_ssize_t) + sizeof(uint64_t)));
    t->chars = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(total + 1));
    if (t->at == NULL || t->chars == NULL) {
        end_table_clear(t);
        PyErr_NoMemory();
        return -1;
    }
    t->len = t->at + cap;
    t->value = (uint64_t *)(t->len + cap);
    t->mask = cap - 1;
    for (size_t i = 0; i < cap; i++) {
        t->at[i] = -1;
    }
    Py_ssize_t used = 0;
    pos = 0;
    while (PyDict_Next(endings, &pos, &key, &value)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(key);
        if (PyUnicode_AsUCS4(key, t->chars + used, total + 1 - used, 0) == NULL) {
            end_table_clear(t);
            return -1;
        }
        uint64_t mask = (uint64_t)PyLong_AsUnsignedLongLongMask(value);
        if (mask == (uint64_t)-1 && PyErr_Occurred()) {
            end_table_clear(t);
            return -1;
        }
        size_t i = (size_t)end_hash(t->chars + used, n) & t->mask;
        while (t->at[i] >= 0) { /* (dict keys are distinct) */
            i = (i + 1) & t->mask;
        }
        t->at[i] = used;
        t->len[i] = n;
        t->value[i] = mask;
        used += n;
    }
    t->usable = 1;
    return 0;
}

/* endings.get(c[:n]) through ``end_table`` (made of ``endings``): 1 and its mask in *out,
 * 0 where it is no ending, -1 on error. */
static int
end_lookup(PyObject *endings, const Py_UCS4 *c, Py_ssize_t n, uint64_t *out)
{
    if (end_table_of(endings) < 0) {
        return -1;
    }
    EndTable *t = &end_table;
    if (!t->usable) {
        PyObject *ending = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, c, n);
        if (ending == NULL) {
            return -1;
        }
        PyObject *mask = PyDict_GetItemWithError(endings, ending);
        Py_DECREF(ending);
        if (mask == NULL) {
            return PyErr_Occurred() ? -1 : 0;
        }
        *out = (uint64_t)PyLong_AsUnsignedLongLongMask(mask);
        return *out == (uint64_t)-1 && PyErr_Occurred() ? -1 : 1;
    }
    for (size_t i = (size_t)end_hash(c, n) & t->mask; t->at[i] >= 0; i = (i + 1) & t->mask) {
        if (t->len[i] == n && memcmp(t->chars + t->at[i], c, sizeof(Py_UCS4) * (size_t)n) == 0) {
            *out = t->value[i];
            return 1;
        }
    }
    return 0;
}

/* endings._stem_langs over the prefix buf[:n] of a folded word: the languages among
 * ``langs`` in which it is a listed word followed by up to ``depth`` endings of theirs
 * (``endings``: ending -> mask); -1 on error. */
static int words_stem_langs(Words *self, const Py_UCS4 *buf, Py_ssize_t n, uint64_t langs,
                            int depth, PyObject *endings, Py_ssize_t longest, Py_ssize_t stem,
                            uint64_t *out)
{
    uint64_t found = 0;
    Py_ssize_t most = n - stem < longest ? n - stem : longest;
    for (Py_ssize_t k = 1; k <= most; k++) {
        uint64_t have;
        int is_ending = end_lookup(endings, buf + n - k, k, &have);
        if (is_ending < 0)
            return -1;
        if (!is_ending)
            continue;
        have &= langs;
        if (!have)
            continue;
        uint64_t listed;
        if (words_span_mask(self, PyUnicode_4BYTE_KIND, buf, 0, n - k, 0, &listed) < 0)
            return -1;
        found |= listed & have;
        if (depth > 1 && (have & ~found)) {
            uint64_t deeper;
            if (words_stem_langs(self, buf, n - k, have & ~found, depth - 1, endings, longest,
                                 stem, &deeper) < 0)
                return -1;
            found |= deeper;
        }
    }
    *out = found;
    return 0;
}

/* endings.form_langs of the folded word buf[:n] (no Latin combining accent) in *out; -1 on
 * error. */
static int words_form_langs(Words *self, const Py_UCS4 *buf, Py_ssize_t n, PyObject *endings,
                            Py_ssize_t longest, uint64_t compounding, Py_ssize_t stem, int depth,
                            uint64_t *out)
{
    uint64_t found;
    if (words_stem_langs(self, buf, n, ~(uint64_t)0, depth, endings, longest, stem, &found) < 0)
        return -1;
    for (Py_ssize_t i = stem; compounding && i <= n - stem; i++) {
        uint64_t head, tail;
        if (words_span_mask(self, PyUnicode_4BYTE_KIND, buf, 0, i, 0, &head) < 0)
            return -1;
        head &= compounding;
        if (!head)
            continue;
        if (words_span_mask(self, PyUnicode_4BYTE_KIND, buf, i, n, 0, &tail) < 0)
            return -1;
        found |= head & tail;
    }
    *out = found;
    return 0;
}

/* endings.form_langs of a word already composed and folded: forms(word, (endings, longest,
 * compounding), stem, depth) -> mask, or None where Python must decide (a Latin combining
 * accent, which word_langs would compose in each part). */
static PyObject *Words_forms(Words *self, PyObject *args)
{
    PyObject *word, *endings;
    Py_ssize_t longest, stem;
    unsigned long long compounding;
    int depth;
    if (!PyArg_ParseTuple(args, "U(O!nK)ni:forms", &word, &PyDict_Type, &endings, &longest,
                          &compounding, &stem, &depth))
        return NULL;
    if (!self->ready) {
        PyErr_SetString(PyExc_RuntimeError, "Words: not initialised");
        return NULL;
    }
    Py_UCS4 *buf = PyUnicode_AsUCS4Copy(word);
    if (buf == NULL)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(word);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (buf[i] >= 0x300 && buf[i] <= 0x36f) {
            PyMem_Free(buf);
            Py_RETURN_NONE;
        }
    }
    uint64_t found;
    int status = words_form_langs(self, buf, n, endings, longest, (uint64_t)compounding, stem,
                                  depth, &found);
    PyMem_Free(buf);
    return status < 0 ? NULL : PyLong_FromUnsignedLongLong(found);
}

static PyMethodDef Words_methods[] = {
    {"langs", (PyCFunction)Words_langs, METH_O,
     "model.word_langs(word): the mask of the word's fold, 0 when it is no shipped word."},
    {"band", (PyCFunction)Words_band, METH_VARARGS,
     "model.word_band(word, index): the frequency band (0-3) of the word's fold in the "
     "language of model index ``index``, 0 when it is no shipped word of it."},
    {"get", (PyCFunction)Words_get, METH_O,
     "WordIndex.get(word): the mask of word as it is, 0 when it is no shipped word."},
    {"forms", (PyCFunction)Words_forms, METH_VARARGS,
     "endings.form_langs of a composed, folded word (None: a combining accent, Python's)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject WordsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "textfix.scoring._cscore.Words",
    .tp_basicsize = sizeof(Words),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The word index's arrays, handed over once from textfix.scoring.model.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Words_init,
    .tp_dealloc = (destructor)Words_dealloc,
    .tp_methods = Words_methods,
};

/* ------------------------------------------------------------------ spans and listings */

/* spans._widens: neither ASCII nor a space. */
static int span_widens(Py_UCS4 c) { return c >= 0x80 && !Py_UNICODE_ISSPACE(c); }

/* spans._changed_spans(old, new) for two strings of the same length (single-byte round
 * trips keep every position), with its trimming, its _MAX_ALIGN bound (max_align), its
 * blocks of consecutive differing positions, their widening over equal non-ASCII
 * non-spaces and the merging of blocks with no space between them. */
static PyObject *py_same_length_spans(PyObject *self, PyObject *args)
{
    PyObject *old, *new;
    Py_ssize_t max_align;
    (void)self;
    if (!PyArg_ParseTuple(args, "UUn:same_length_spans", &old, &new, &max_align))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(old);
    if (PyUnicode_GET_LENGTH(new) != n) {
        PyErr_SetString(PyExc_ValueError, "same_length_spans: the texts differ in length");
        return NULL;
    }
    int ka = PyUnicode_KIND(old), kb = PyUnicode_KIND(new);
    const void *da = PyUnicode_DATA(old), *db = PyUnicode_DATA(new);
#define A(i) PyUnicode_READ(ka, da, (i))
#define B(i) PyUnicode_READ(kb, db, (i))
    Py_ssize_t lo = 0;
    while (lo < n && A(lo) == B(lo))
        lo++;
    PyObject *out = PyList_New(0);
    if (out == NULL || lo == n)
        goto done;
    Py_ssize_t hi = n;
    while (hi > lo && A(hi - 1) == B(hi - 1))
        hi--;
    Py_ssize_t last0 = -1, last1 = -1; /* the span being built */
    if (hi - lo > max_align) {
        last0 = lo;
        last1 = hi;
    } else {
        Py_ssize_t i = lo;
        while (i < hi) {
            if (A(i) == B(i)) {
                i++;
                continue;
            }
            Py_ssize_t a0 = i, a1 = i + 1;
            while (a1 < hi && A(a1) != B(a1))
                a1++;
            i = a1;
            while (a0 > 0 && span_widens(A(a0 - 1)) && A(a0 - 1) == B(a0 - 1))
                a0--;
            while (a1 < n && span_widens(A(a1)) && A(a1) == B(a1))
                a1++;
            if (last0 >= 0) {
                int spaced = 0;
                for (Py_ssize_t g = last1; g < a0 && !spaced; g++)
                    spaced = Py_UNICODE_ISSPACE(A(g));
                if (a0 <= last1 || !spaced) {
                    if (a1 > last1)
                        last1 = a1;
                    continue;
                }
                PyObject *span = Py_BuildValue("(nnnn)", last0, last1, last0, last1);
                if (span == NULL || PyList_Append(out, span) < 0) {
                    Py_XDECREF(span);
                    Py_CLEAR(out);
                    goto done;
                }
                Py_DECREF(span);
            }
            last0 = a0;
            last1 = a1;
        }
    }
    if (last0 >= 0) {
        PyObject *span = Py_BuildValue("(nnnn)", last0, last1, last0, last1);
        if (span == NULL || PyList_Append(out, span) < 0) {
            Py_XDECREF(span);
            Py_CLEAR(out);
        } else {
            Py_DECREF(span);
        }
    }
#undef A
#undef B
done:
    if (out == NULL)
        return NULL;
    PyObject *spans = PyList_AsTuple(out);
    Py_DECREF(out);
    return spans;
}

/* legacy._listing(text, cand) for texts of the same length, with runs of `listed`: a run of
 * that many characters in code-point order in either text, changed at each step. */
static PyObject *py_listed_run(PyObject *self, PyObject *args)
{
    PyObject *text, *cand;
    Py_ssize_t listed;
    (void)self;
    if (!PyArg_ParseTuple(args, "UUn:listed_run", &text, &cand, &listed))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_GET_LENGTH(cand) != n) {
        PyErr_SetString(PyExc_ValueError, "listed_run: the texts differ in length");
        return NULL;
    }
    int ka = PyUnicode_KIND(text), kb = PyUnicode_KIND(cand);
    const void *da = PyUnicode_DATA(text), *db = PyUnicode_DATA(cand);
    for (int which = 0; which < 2; which++) {
        int k = which ? kb : ka;
        const void *d = which ? db : da;
        Py_ssize_t run = 1;
        for (Py_ssize_t i = 1; i < n; i++) {
            int step = PyUnicode_READ(k, d, i) == PyUnicode_READ(k, d, i - 1) + 1;
            if (step && (PyUnicode_READ(ka, da, i) != PyUnicode_READ(kb, db, i)
                         || PyUnicode_READ(ka, da, i - 1) != PyUnicode_READ(kb, db, i - 1))) {
                if (++run >= listed)
                    Py_RETURN_TRUE;
            } else {
                run = 1;
            }
        }
    }
    Py_RETURN_FALSE;
}

#include "_cscore_lines.h" /* legacy.arbitrate's judged words, a line's language */
#include "_cscore_sibling.h" /* sibling_pages' first unknown word and its readers */

static PyObject *
py_composed(PyObject *Py_UNUSED(module), PyObject *text)
{
    return composed_arg(text);
}

static PyMethodDef cscore_functions[] = {
    {"composed", py_composed, METH_O,
     "model.composed(text): NFC when text has a Latin combining accent, else text itself."},
    {"same_length_spans", py_same_length_spans, METH_VARARGS,
     "spans._changed_spans(old, new) for texts of the same length (max_align as _MAX_ALIGN)."},
    {"listed_run", py_listed_run, METH_VARARGS,
     "legacy._listing(text, cand) for texts of the same length (listed as LISTED)."},
    {"judged_after", py_judged_after, METH_VARARGS,
     "legacy._judged_after_utf8(text, fixed) (diff: spans' aligner, max_align as _MAX_ALIGN)."},
    {"language_votes", py_language_votes, METH_VARARGS,
     "line_language.line_language(text) where prose(text) is text, else None."},
    {"sibling_readers", py_sibling_readers, METH_VARARGS,
     "sibling_pages._readers_py(lookup, text_core, cand_core, family, edge, swaps, pages)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cscore_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "textfix.scoring._cscore",
    .m_doc = "Compiled hot loops of textfix.scoring.model (identical results).",
    .m_size = -1,
    .m_methods = cscore_functions,
};

PyMODINIT_FUNC
PyInit__cscore(void)
{
    PyTypeObject *types[] = {&TablesType, &PoolType, &RankingType, &WordsType};
    crc_init(); /* the word index's key */
    PyObject *unicodedata = PyImport_ImportModule("unicodedata");
    if (unicodedata == NULL) {
        return NULL;
    }
    Py_XDECREF(normalize);
    normalize = PyObject_GetAttrString(unicodedata, "normalize");
    Py_DECREF(unicodedata);
    if (normalize == NULL) {
        return NULL;
    }
    if (nfc == NULL && (nfc = PyUnicode_InternFromString("NFC")) == NULL) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&cscore_module);
    if (m == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
        Py_INCREF(types[i]);
        /* the name after the module's dot */
        if (PyModule_AddObject(m, strrchr(types[i]->tp_name, '.') + 1, (PyObject *)types[i]) < 0) {
            Py_DECREF(types[i]);
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}

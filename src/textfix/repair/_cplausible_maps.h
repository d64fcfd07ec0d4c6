/* Integer maps and code-point sets, filled from Python objects.
 * Part of _cplausible.c (one compilation unit: included there, after Python.h). */
#ifndef _CPLAUSIBLE_MAPS_H
#define _CPLAUSIBLE_MAPS_H

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ small containers */

/* Open-addressing map from integer keys (never UINT64_MAX) to 64-bit values; a key and its
 * value share a cache line (a lookup in a large table costs one memory access). */
typedef struct {
    uint64_t key, value;
} Entry;

typedef struct {
    Entry *entries;
    size_t mask;
    int shift;
} Map;

#define MAP_EMPTY UINT64_MAX

static size_t map_slot(const Map *m, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> m->shift) & m->mask;
}

static int map_init(Map *m, size_t count)
{
    size_t cap = 16;
    int bits = 4;
    while (cap < 2 * count + 2) {
        cap <<= 1;
        bits++;
    }
    m->entries = PyMem_Malloc(cap * sizeof(Entry));
    if (m->entries == NULL)
        return -1;
    for (size_t i = 0; i < cap; i++)
        m->entries[i].key = MAP_EMPTY;
    m->mask = cap - 1;
    m->shift = 64 - bits;
    return 0;
}

static void map_free(Map *m)
{
    PyMem_Free(m->entries);
    m->entries = NULL;
}

static void map_put(Map *m, uint64_t key, uint64_t value)
{
    size_t i = map_slot(m, key);
    while (m->entries[i].key != MAP_EMPTY && m->entries[i].key != key)
        i = (i + 1) & m->mask;
    m->entries[i].key = key;
    m->entries[i].value = value;
}

/* The value of key, or `missing`. */
static uint64_t map_get(const Map *m, uint64_t key, uint64_t missing)
{
    size_t i = map_slot(m, key);
    while (m->entries[i].key != MAP_EMPTY) {
        if (m->entries[i].key == key)
            return m->entries[i].value;
        i = (i + 1) & m->mask;
    }
    return missing;
}

/* Map from a dict[str, int] (keys of one or two characters; two make a bigram key). */
static int map_from_dict(Map *m, PyObject *dict)
{
    if (map_init(m, (size_t)PyDict_Size(dict)) < 0)
        return -1;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) < 1 || PyUnicode_GET_LENGTH(key) > 2) {
            PyErr_SetString(PyExc_ValueError, "keys must be str of one or two characters");
            return -1;
        }
        uint64_t k = PyUnicode_READ_CHAR(key, 0);
        if (PyUnicode_GET_LENGTH(key) == 2)
            k = k << 21 | PyUnicode_READ_CHAR(key, 1);
        uint64_t v = PyLong_AsUnsignedLongLong(value); /* raises on masks beyond 64 bits */
        if (v == (uint64_t)-1 && PyErr_Occurred())
            return -1;
        map_put(m, k, v);
    }
    return 0;
}

/* Map from each character of `chars` to its index. */
static int map_rows(Map *m, PyObject *chars)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    if (map_init(m, (size_t)n) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        map_put(m, PyUnicode_READ_CHAR(chars, i), (uint64_t)i);
    return 0;
}

/* A set of code points: a bit per BMP character, a map for the others. */
typedef struct {
    uint8_t bmp[0x10000 / 8];
    Map astral;
} CharSet;

static inline int charset_has(const CharSet *s, Py_UCS4 ch)
{
    if (ch < 0x10000)
        return s->bmp[ch >> 3] >> (ch & 7) & 1;
    return map_get(&s->astral, ch, 0) != 0;
}

static void charset_add(CharSet *s, Py_UCS4 ch)
{
    if (ch < 0x10000)
        s->bmp[ch >> 3] |= (uint8_t)(1u << (ch & 7));
    else
        map_put(&s->astral, ch, 1);
}

/* Fill `s` from a str; with `ranges`, "a-b" spells every character from a to b (as in a
 * regular-expression class, which is how plausible.py and model.py write them). */
static int charset_from(CharSet *s, PyObject *text, int ranges)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    memset(s->bmp, 0, sizeof s->bmp);
    if (map_init(&s->astral, (size_t)n) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ(kind, data, i), b = a;
        if (ranges && i + 2 < n && PyUnicode_READ(kind, data, i + 1) == '-') {
            b = PyUnicode_READ(kind, data, i + 2);
            i += 2;
        }
        for (Py_UCS4 c = a; c <= b; c++)
            charset_add(s, c);
    }
    return 0;
}

#endif /* _CPLAUSIBLE_MAPS_H */

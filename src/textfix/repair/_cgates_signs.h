/* sign_lines.sign_line_repair's scans of a line, at once: the tests that refuse most lines
 * (a character no Cyrillic step reads as a letter, a word of too few signs, no Cyrillic
 * reading making every character a letter), then each live Cyrillic reading's candidate and
 * its words (sign_lines._cyrillic_words), then the rival readings' cores (sign_lines._core).
 * Python keeps the scoring.  Reference: sign_lines._scan_py; the tables are handed over by
 * sign_lines._compiled_scan (init_signs).  Included by _cgates.c after _cgates_sheet.h
 * (Text, AT).
 *
 * The characters known are every non-ASCII character some single-byte step's shown page
 * holds (sorted, found by binary search); per character: the Cyrillic readings making it a
 * Cyrillic letter (bits), the other readings making it a letter (two words of bits), whether
 * it is a sign (no modelled alphabet's letter) and a quotation mark; and per (character,
 * reading) the true page's character there (signs_meant, 0 where the shown page lacks it).
 */
#define SIGNS_SIGN 1
#define SIGNS_QUOTE 2

typedef struct {
    uint64_t live;     /* Cyrillic readings making it a Cyrillic letter */
    uint64_t rival[2]; /* the other readings making it a letter */
    uint8_t flags;     /* SIGNS_SIGN, SIGNS_QUOTE */
} SignChar;

static Py_ssize_t signs_n = 0;      /* characters known */
static Py_UCS4 *signs_key = NULL;   /* the characters known, ascending */
static uint16_t *signs_bmp = NULL;  /* per BMP character: its index + 1, 0 when not known */
static SignChar *signs_char = NULL; /* what each is */
static Py_UCS4 *signs_meant = NULL; /* [character * signs_readings + reading] */
static int signs_cyrillic = 0, signs_readings = 0, signs_min = 0;
static uint8_t signs_ascii_quote[0x80]; /* the ASCII quotation marks */

static PyObject *
init_signs(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *keys, *live, *rival_lo, *rival_hi, *flags, *meant, *ascii_quotes;
    int cyrillic, rivals, min_signs;
    if (!PyArg_ParseTuple(args, "UO!O!O!SUUiii:init_signs", &keys, &PyTuple_Type, &live,
                          &PyTuple_Type, &rival_lo, &PyTuple_Type, &rival_hi, &flags, &meant,
                          &ascii_quotes, &cyrillic, &rivals, &min_signs))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(keys);
    int readings = cyrillic + rivals;
    if (cyrillic < 1 || cyrillic > 64 || rivals < 0 || rivals > 128 || PyTuple_GET_SIZE(live) != n
        || PyTuple_GET_SIZE(rival_lo) != n || PyTuple_GET_SIZE(rival_hi) != n
        || PyBytes_GET_SIZE(flags) != n || PyUnicode_GET_LENGTH(meant) != n * readings) {
        PyErr_SetString(PyExc_ValueError, "init_signs: tables of unequal sizes");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(keys, i);
        if (ch < 0x80 || (i > 0 && ch <= PyUnicode_READ_CHAR(keys, i - 1))) {
            PyErr_SetString(PyExc_ValueError, "init_signs: keys not ascending non-ASCII");
            return NULL;
        }
    }
    Py_UCS4 *key = PyMem_Calloc((size_t)n + 1, sizeof *key);
    SignChar *chars = PyMem_Calloc((size_t)n + 1, sizeof *chars);
    Py_UCS4 *out = PyMem_Calloc((size_t)(n * readings) + 1, sizeof *out);
    if (key == NULL || chars == NULL || out == NULL) {
        PyMem_Free(key);
        PyMem_Free(chars);
        PyMem_Free(out);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        key[i] = PyUnicode_READ_CHAR(keys, i);
        chars[i].live = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(live, i));
        chars[i].rival[0] = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(rival_lo, i));
        chars[i].rival[1] = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(rival_hi, i));
        chars[i].flags = (uint8_t)PyBytes_AS_STRING(flags)[i];
    }
    for (Py_ssize_t i = 0; i < n * readings; i++)
        out[i] = PyUnicode_READ_CHAR(meant, i);
    if (PyErr_Occurred()) {
        PyMem_Free(key);
        PyMem_Free(chars);
        PyMem_Free(out);
        return NULL;
    }
    memset(signs_ascii_quote, 0, sizeof signs_ascii_quote);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(ascii_quotes); i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(ascii_quotes, i);
        if (ch < 0x80)
            signs_ascii_quote[ch] = 1;
    }
    PyMem_Free(signs_key);
    PyMem_Free(signs_char);
    PyMem_Free(signs_meant);
    PyMem_Free(signs_bmp);
    /* (a direct index of the BMP's characters when they fit: no search per character) */
    signs_bmp = n < 0xFFFF ? PyMem_Calloc(0x10000, sizeof *signs_bmp) : NULL;
    for (Py_ssize_t i = 0; signs_bmp != NULL && i < n && key[i] < 0x10000; i++)
        signs_bmp[key[i]] = (uint16_t)(i + 1);
    signs_key = key;
    signs_char = chars;
    signs_meant = out;
    signs_n = n;
    signs_cyrillic = cyrillic;
    signs_readings = readings;
    signs_min = min_signs;
    Py_RETURN_NONE;
}

/* The index of ch among the n ascending characters of key, or -1 (_cgates_lone_steps.h's
 * search too). */
static Py_ssize_t
ucs4_index(const Py_UCS4 *key, Py_ssize_t n, Py_UCS4 ch)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (key[mid] < ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && key[lo] == ch ? lo : -1;
}

/* The index of ch among the characters known, or -1. */
static Py_ssize_t
signs_find(Py_UCS4 ch)
{
    if (ch < 0x10000 && signs_bmp != NULL)
        return (Py_ssize_t)signs_bmp[ch] - 1;
    return ucs4_index(signs_key, signs_n, ch);
}

/* A character of sign_lines._REPAIRED_WORD's edges: ASCII punctuation or a digit. */
static int
signs_edge(Py_UCS4 ch)
{
    return (ch >= 0x21 && ch <= 0x40) || (ch >= 0x5b && ch <= 0x60) || (ch >= 0x7b && ch <= 0x7e);
}

static int
signs_cyr(Py_UCS4 ch)
{
    return ch >= 0x400 && ch <= 0x4ff;
}

/* str.islower() of p[0:m], as CPython works it out (False when empty). */
static int
signs_islower(const Py_UCS4 *p, Py_ssize_t m)
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        if (Py_UNICODE_ISUPPER(p[i]) || Py_UNICODE_ISTITLE(p[i]))
            return 0;
        if (Py_UNICODE_ISLOWER(p[i]))
            cased = 1;
    }
    return cased;
}

/* sign_lines._case_shaped of p[0:m] (m >= 1). */
static int
signs_case_shaped(const Py_UCS4 *p, Py_ssize_t m)
{
    return signs_islower(p, m) || (Py_UNICODE_ISUPPER(p[0]) && signs_islower(p + 1, m - 1));
}

/* The start of the next word of c[0:n] from *i on (a run of characters above U+0020, as
 * sign_lines._WORD), its end left in *i, and in *wide whether it holds a non-ASCII
 * character; -1 past the last. */
static Py_ssize_t
signs_next_word(const Py_UCS4 *c, Py_ssize_t n, Py_ssize_t *i, int *wide)
{
    while (*i < n && c[*i] <= 0x20)
        (*i)++;
    if (*i == n)
        return -1;
    Py_ssize_t s = *i;
    *wide = 0;
    for (; *i < n && c[*i] > 0x20; (*i)++)
        *wide |= c[*i] >= 0x80;
    return s;
}

/* out[0:o] and c[s:e] joined by a space (none before the first piece): the new length. */
static Py_ssize_t
signs_put(Py_UCS4 *out, Py_ssize_t o, const Py_UCS4 *c, Py_ssize_t s, Py_ssize_t e)
{
    if (o > 0)
        out[o++] = ' ';
    memcpy(out + o, c + s, (size_t)(e - s) * sizeof *out);
    return o + e - s;
}

/* sign_lines._cyrillic_words of c[0:n]: the words joined by spaces into out (room for n),
 * its length; -1 for None. */
static Py_ssize_t
signs_words(const Py_UCS4 *c, Py_ssize_t n, Py_UCS4 *out)
{
    Py_ssize_t o = 0, i = 0, s;
    int wide;
    while ((s = signs_next_word(c, n, &i, &wide)) >= 0) {
        if (!wide)
            continue;
        /* (the edges hold no Cyrillic letter: the match is unique, from the first Cyrillic
         * character to the last) */
        Py_ssize_t a = s, b = i;
        while (a < b && signs_edge(c[a]))
            a++;
        while (b > a && signs_edge(c[b - 1]))
            b--;
        if (a == b || !signs_cyr(c[a]) || !signs_cyr(c[b - 1]))
            return -1;
        Py_ssize_t part = a;
        for (Py_ssize_t k = a; k <= b; k++) {
            if (k < b && signs_cyr(c[k]))
                continue;
            if (k < b && c[k] != '-' && c[k] != '\'')
                return -1;
            if (k == part || !signs_case_shaped(c + part, k - part))
                return -1; /* (two separators in a row; or a part of the wrong shape) */
            o = signs_put(out, o, c, part, k);
            part = k + 1;
        }
    }
    return o;
}

/* sign_lines._core of c[0:n] into out (room for n): its length. */
static Py_ssize_t
signs_core(const Py_UCS4 *c, Py_ssize_t n, Py_UCS4 *out)
{
    Py_ssize_t o = 0, i = 0, s;
    int wide;
    while ((s = signs_next_word(c, n, &i, &wide)) >= 0) {
        if (wide)
            o = signs_put(out, o, c, s, i);
    }
    return o;
}

/* A hash of p[0:m] (FNV-1a), to tell most different texts apart before comparing them. */
static uint32_t
signs_hash(const Py_UCS4 *p, Py_ssize_t m)
{
    uint32_t h = 2166136261u;
    for (Py_ssize_t i = 0; i < m; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Whether p[0:m] (of hash h) is the text of one of found[0:k] (of hashes[0:k]): the str is
 * made only for a new one. */
static int
signs_seen(const Py_UCS4 *p, Py_ssize_t m, uint32_t h, PyObject *const *found,
           const uint32_t *hashes, Py_ssize_t k)
{
    for (Py_ssize_t i = 0; i < k; i++) {
        if (hashes[i] != h || PyUnicode_GET_LENGTH(found[i]) != m)
            continue;
        int kind = PyUnicode_KIND(found[i]);
        const void *data = PyUnicode_DATA(found[i]);
        Py_ssize_t j = 0;
        while (j < m && PyUnicode_READ(kind, data, j) == p[j])
            j++;
        if (j == m)
            return 1;
    }
    return 0;
}

/* text read through reading r: every non-ASCII character (slot[i] >= 0) to the true page's. */
static void
signs_translate(Text t, Py_ssize_t n, const Py_ssize_t *slot, int r, Py_UCS4 *out)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = slot[i] < 0 ? AT(t, i) : signs_meant[slot[i] * signs_readings + r];
}

/* The live readings' candidates that pass the words test, as (j, cand, words joined). */
static int
signs_readings_of(Text t, Py_ssize_t n, const Py_ssize_t *slot, uint64_t live, Py_UCS4 *buf,
                  Py_UCS4 *joined, PyObject *found)
{
    PyObject *cands[64];
    uint32_t hashes[64];
    int k = 0, err = 0;
    for (int j = 0; j < signs_cyrillic && !err; j++) {
        if (!(live >> j & 1))
            continue;
        signs_translate(t, n, slot, j, buf);
        Py_ssize_t m = signs_words(buf, n, joined);
        if (m < 0)
            continue; /* (a later reading giving the same candidate fails alike) */
        uint32_t h = signs_hash(buf, n);
        if (signs_seen(buf, n, h, cands, hashes, k))
            continue;
        PyObject *cand = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
        if (cand == NULL) {
            err = 1; /* (the candidates made are let go below) */
            break;
        }
        hashes[k] = h;
        cands[k++] = cand;
        PyObject *words = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, joined, m);
        PyObject *item = words == NULL ? NULL : Py_BuildValue("(iOO)", j, cand, words);
        Py_XDECREF(words);
        err = item == NULL || PyList_Append(found, item) < 0;
        Py_XDECREF(item);
    }
    for (int i = 0; i < k; i++)
        Py_DECREF(cands[i]);
    return err ? -1 : 0;
}

/* The rival readings' cores, each once. */
static int
signs_rivals_of(Text t, Py_ssize_t n, const Py_ssize_t *slot, const uint64_t *rival,
                Py_UCS4 *buf, Py_UCS4 *core, PyObject *found)
{
    uint32_t hashes[128]; /* (of found's cores: at most one per rival reading) */
    for (int j = 0; j < signs_readings - signs_cyrillic; j++) {
        if (!(rival[j >> 6] >> (j & 63) & 1))
            continue;
        signs_translate(t, n, slot, signs_cyrillic + j, buf);
        Py_ssize_t m = signs_core(buf, n, core), k = PyList_GET_SIZE(found);
        uint32_t h = signs_hash(core, m);
        if (signs_seen(core, m, h, ((PyListObject *)found)->ob_item, hashes, k))
            continue;
        PyObject *s = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, core, m);
        if (s == NULL)
            return -1;
        int err = PyList_Append(found, s) < 0;
        Py_DECREF(s);
        if (err)
            return -1;
        hashes[k] = h;
    }
    return 0;
}

static PyObject *
sign_scan(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text))
        return PyErr_Format(PyExc_TypeError, "sign_scan(text): a string");
    if (signs_key == NULL)
        return PyErr_Format(PyExc_RuntimeError, "sign_scan: init_signs was not called");
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    /* The refusals (sign_lines._scan_py's first tests), in one pass over the words. */
    uint64_t live = signs_cyrillic == 64 ? ~(uint64_t)0 : ((uint64_t)1 << signs_cyrillic) - 1;
    uint64_t rival[2] = {~(uint64_t)0, ~(uint64_t)0};
    int wide = 0, signs = 0, quotes = 1, found = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 ch = i < n ? AT(t, i) : ' ';
        if (ch <= 0x20) {
            if (wide) {
                if (signs < signs_min || quotes)
                    Py_RETURN_NONE;
                found = 1;
            }
            wide = signs = 0;
            quotes = 1;
            continue;
        }
        if (ch < 0x80) {
            quotes &= signs_ascii_quote[ch];
            continue;
        }
        Py_ssize_t s = signs_find(ch);
        if (s < 0 || !signs_char[s].live)
            Py_RETURN_NONE; /* (a character no Cyrillic step reads as a letter) */
        const SignChar *c = &signs_char[s];
        live &= c->live;
        rival[0] &= c->rival[0];
        rival[1] &= c->rival[1];
        wide = 1;
        signs += (c->flags & SIGNS_SIGN) != 0;
        quotes &= (c->flags & SIGNS_QUOTE) != 0;
    }
    if (!found || !live)
        Py_RETURN_NONE;
    /* The readings, over the characters' places among those known. */
    Py_ssize_t *slot = PyMem_Malloc((size_t)(n + 1) * sizeof *slot);
    Py_UCS4 *buf = PyMem_Malloc((size_t)(2 * n + 1) * sizeof *buf);
    PyObject *readings = PyList_New(0), *cores = PyList_New(0), *answer = NULL;
    if (slot == NULL || buf == NULL || readings == NULL || cores == NULL) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = AT(t, i);
        slot[i] = ch < 0x80 ? -1 : signs_find(ch);
    }
    if (signs_readings_of(t, n, slot, live, buf, buf + n, readings) < 0)
        goto done;
    if (PyList_GET_SIZE(readings) == 0) {
        Py_INCREF(Py_None);
        answer = Py_None;
        goto done;
    }
    if (signs_rivals_of(t, n, slot, rival, buf, buf + n, cores) < 0)
        goto done;
    answer = PyTuple_Pack(2, readings, cores);
done:
    PyMem_Free(slot);
    PyMem_Free(buf);
    Py_XDECREF(readings);
    Py_XDECREF(cores);
    return answer;
}

/* The per-word part of textfix.repair.plausible.plausible() for a whole line, in C.
 *
 * The pure-Python functions stay the reference (textfix/repair/plausible.py, reach.py,
 * scoring/_wordindex.py, scoring/_bloom.py); this module computes the same answers from the
 * same tables, handed over once by textfix/repair/_scan.py. tests/test_cplausible.py compares
 * the two on real lines and generated text.
 *
 * What `scan(line)` does, as plausible.py's `_words_pass`:
 *   - split the line into TOKEN_RE tokens (letters that are not decimal digits nor "_", minus
 *     a few modifier letters, plus combining marks), keep those with a non-ASCII character;
 *   - fail when the line has more signs than non-ASCII letters in those tokens;
 *   - drop tokens with a character no display code page holds (inert ones);
 *   - fail when no language's bigram table holds every bigram of every kept token;
 *   - fail when a kept token is no known word but a single-byte round trip makes it one
 *     (reach.becomes_word: skeleton Bloom filter, word Bloom filter, CRC-32 keyed word index, then
 *     the images of the steps whose image is spelled in one language's alphabet).
 * `line_pages` adds plausible()'s line-level tests, `clean_line` line.untouched's quick
 * proof (with ftfy's badness pattern and utf8.SHAPE, matched by _cplausible_match.h).
 * `tokens` and `token_spans` are TOKEN_RE's findall and its matches' spans (for
 * repair/tokens.py, which every repair module splits words with).
 * Helpers live in headers of this one compilation unit: _cplausible_hash.h (CRC-32,
 * the word index's key), _cplausible_maps.h (maps, code-point sets), _cplausible_match.h,
 * _cplausible_repeat.h (`utf8_detected`: ftfy's UTF8_DETECTOR_RE.finditer spans);
 * _cplausible_pairs.h scans a repair pair for legacy._clean_shape_read (and knows a
 * Latin-1 line, for narrow.py); _cplausible_gates.h answers legacy._pair_facts in one call;
 * _cplausible_utf8.h makes legacy._utf8_round_trips' strict whole-line UTF-8 round trips
 * and answers utf8._ftfy_left_py; _cplausible_utf8_quiet.h tells ftfy's page tries that
 * surely fail and detector matches it leaves (for ftfy_left), and that utf8.repair returns
 * None for a line (utf8_quiet, utf8._quiet_py); _cplausible_layer_facts.h tells
 * line._layers which repairers a line needs (its UTF-8 shape and round trips, in one call);
 * _cplausible_step.h builds base.Step's tuples (its __new__ without a frame);
 * _cplausible_memo.h keeps what
 * quick_document_line found of a line (lone signs, quoted shape, pages) for the calls that
 * ask them of that very object next (the engine's front).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "_cplausible_hash.h"
#include "_cplausible_maps.h"
#include "_cplausible_memo.h"

/* A function of one str computed on its UCS4 copy (by on_str). */
typedef PyObject *(*OnChars)(const Py_UCS4 *s, Py_ssize_t n);
static PyObject *on_str(PyObject *arg, OnChars f);

/* ------------------------------------------------------------------ the tables */

typedef struct {
    int ready;
    CharSet marks, not_letters, inner, signs;
    uint8_t token_bmp[0x10000 / 8]; /* TOKEN_RE's class, precomputed for the BMP */
    Map bigrams;                    /* (a << 21 | b) -> language mask */
    Map letters;                    /* character -> language mask (its alphabets) */
    uint64_t every, ascii_bit;      /* one field's language bits and ASCII bit */
    Py_ssize_t nsteps;
    Map image_row; /* character -> row of `images` (what each step turns it into) */
    Py_UCS4 *images;
    uint64_t *changed; /* per row of `images`: a bit per step whose image is another character */
    Map fit_row; /* character -> row of `fits` (per step: alphabets its image fits) */
    uint64_t *fits;
    Py_ssize_t max_word;
    PyObject *bloom; /* bytes, or NULL: no filter */
    size_t bloom_bits;
    uint8_t *blank; /* max_word + 1 flags: the all-"?" skeleton of that length is held */
    Py_buffer highs, lows, slots, starts, nonzero;
    int bits, shift;
    IndexFilter filter; /* the index's presence bitmap + finer buckets (_cplausible_hash.h) */
} Tables;

static Tables T;
#define CHANGED_WORDS 4 /* (at most 256 steps) */

/* The line-level tests of plausible(): which characters can change, the mojibake shapes
 * (plausible._Tables.shape, one condition per alternative of that pattern) and the first
 * UTF-8 pair (plausible.utf8_round_trip). */
enum { HELD, ODD, GLUED, TOUCHING, LETTERS, LOWER, UPPER, ANY_LOWER, ANY_UPPER, NSETS };

typedef struct {
    int ready;
    CharSet sets[NSETS];
    uint8_t word_bmp[0x10000 / 8]; /* [^\W\d_] for the BMP */
    Map lead, cont;                /* character -> pages showing a lead / continuation byte */
    uint8_t ascii_starts[128];     /* ASCII characters some shape alternative starts with */
} LineTables;

static LineTables L;

static void tables_free(void)
{
    facts_forget();
    if (!T.ready)
        return;
    T.ready = 0;
    map_free(&T.marks.astral);
    map_free(&T.not_letters.astral);
    map_free(&T.inner.astral);
    map_free(&T.signs.astral);
    map_free(&T.bigrams);
    map_free(&T.letters);
    map_free(&T.image_row);
    map_free(&T.fit_row);
    PyMem_Free(T.images);
    PyMem_Free(T.changed);
    PyMem_Free(T.fits);
    PyMem_Free(T.blank);
    Py_CLEAR(T.bloom);
    PyBuffer_Release(&T.highs);
    PyBuffer_Release(&T.lows);
    PyBuffer_Release(&T.slots);
    PyBuffer_Release(&T.starts);
    PyBuffer_Release(&T.nonzero);
    index_filter_free(&T.filter);
}

/* TOKEN_RE's class: [^\W\d_<not letters>] or a mark. Python's re reads \w as
 * Py_UNICODE_ISALNUM (alpha, decimal, digit or numeric) or "_", and \d as decimal. */
static int token_char_slow(Py_UCS4 ch)
{
    if (charset_has(&T.marks, ch))
        return 1;
    if (ch == '_' || Py_UNICODE_ISDECIMAL(ch) || charset_has(&T.not_letters, ch))
        return 0;
    return Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch);
}

static int token_char(Py_UCS4 ch)
{
    if (ch < 0x10000)
        return T.token_bmp[ch >> 3] >> (ch & 7) & 1;
    return token_char_slow(ch);
}

/* _fold of one character (str.lower, then ς -> σ and ß -> ss) into out; returns the length.
 * str.lower's one unconditional multi-character mapping is İ -> i + U+0307 (the final-sigma
 * rule only chooses between ς and σ, which folding merges). */
static int fold_char(Py_UCS4 ch, Py_UCS4 out[2])
{
    if (ch == 0x130) {
        out[0] = 'i';
        out[1] = 0x307;
        return 2;
    }
    Py_UCS4 low = Py_UNICODE_TOLOWER(ch);
    if (low == 0x3C2)
        low = 0x3C3;
    if (low == 0xDF) {
        out[0] = out[1] = 's';
        return 2;
    }
    out[0] = low;
    return 1;
}

/* fold_char of each BMP character whose fold is one BMP character other than U+0000 (0 for
 * the others: fold_char answers), filled once from fold_char itself (fold_init): the word
 * keys fold every word and image, and str.lower's lookup costs more than the rest. */
static uint16_t FOLD_BMP[0x10000];

static void fold_init(void)
{
    for (Py_UCS4 ch = 0; ch < 0x10000; ch++) {
        Py_UCS4 f[2];
        FOLD_BMP[ch] = fold_char(ch, f) == 1 && f[0] < 0x10000 ? (uint16_t)f[0] : 0;
    }
}

/* _fold of n characters into out (room for 2 n); returns the length. */
static Py_ssize_t fold(const Py_UCS4 *s, Py_ssize_t n, Py_UCS4 *out)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = s[i];
        uint16_t f = ch < 0x10000 ? FOLD_BMP[ch] : 0;
        if (f != 0)
            out[k++] = f;
        else
            k += fold_char(ch, out + k);
    }
    return k;
}

/* UTF-8 with surrogates encoded like any code point ("surrogatepass"); out has 4 n bytes. */
static size_t utf8(const Py_UCS4 *s, Py_ssize_t n, uint8_t *out)
{
    size_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        if (c < 0x80) {
            out[k++] = (uint8_t)c;
        } else if (c < 0x800) {
            out[k++] = (uint8_t)(0xC0 | c >> 6);
            out[k++] = (uint8_t)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[k++] = (uint8_t)(0xE0 | c >> 12);
            out[k++] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
            out[k++] = (uint8_t)(0x80 | (c & 0x3F));
        } else {
            out[k++] = (uint8_t)(0xF0 | c >> 18);
            out[k++] = (uint8_t)(0x80 | (c >> 12 & 0x3F));
            out[k++] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
            out[k++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    return k;
}

static int bloom_has(const uint8_t *key, size_t n)
{
    const uint8_t *table = (const uint8_t *)PyBytes_AS_STRING(T.bloom);
    size_t a = crc32_forward(key, n) % T.bloom_bits;
    if (!(table[a >> 3] >> (a & 7) & 1))
        return 0;
    size_t b = crc32_backward(key, n) % T.bloom_bits;
    return table[b >> 3] >> (b & 7) & 1;
}

/* WordIndex._lookup(word) != 0, for the UTF-8 bytes of word. */
static int index_has(const uint8_t *p, size_t n)
{
    long slot = index_slot_filtered(&T.filter, T.highs.buf, T.lows.buf, T.slots.buf, T.starts.buf,
                                    T.highs.len / 4, T.bits, T.shift, p, n);
    return slot >= 0 && ((const uint8_t *)T.nonzero.buf)[slot];
}

/* A buffer on the stack for short words, on the heap for long ones. */
typedef struct {
    uint8_t local[1024];
    uint8_t *p;
} Bytes;

static uint8_t *bytes_get(Bytes *b, size_t n)
{
    b->p = n <= sizeof b->local ? b->local : PyMem_Malloc(n);
    return b->p;
}

static void bytes_done(Bytes *b)
{
    if (b->p != b->local)
        PyMem_Free(b->p);
}

/* reach.is_known(folded): -1 on memory error. */
static int is_known(const Py_UCS4 *folded, Py_ssize_t n)
{
    Bytes buf;
    uint8_t *key = bytes_get(&buf, 4 * (size_t)n + 1);
    if (key == NULL)
        return -1;
    key[0] = 'w';
    size_t len = utf8(folded, n, key + 1);
    int known = (T.bloom == NULL || bloom_has(key, len + 1)) && index_has(key + 1, len);
    bytes_done(&buf);
    return known;
}

/* no_repair._known(word): its fold is a shipped word. A fold that is ASCII without "ss" is
 * looked up in the index alone (the filter holds no such word); any other goes through
 * is_known. -1 on memory error. */
static int known_word(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_UCS4 *folded = PyMem_Malloc((2 * (size_t)n + 1) * sizeof(Py_UCS4));
    if (folded == NULL)
        return -1;
    Py_ssize_t k = fold(s, n, folded);
    int plain = 1;
    for (Py_ssize_t i = 0; i < k && plain; i++)
        plain = folded[i] < 0x80 && !(folded[i] == 's' && i + 1 < k && folded[i + 1] == 's');
    int known;
    if (!plain) {
        known = is_known(folded, k);
    } else {
        Bytes buf;
        uint8_t *bytes = bytes_get(&buf, (size_t)k + 1);
        if (bytes == NULL) {
            known = -1;
        } else {
            for (Py_ssize_t i = 0; i < k; i++)
                bytes[i] = (uint8_t)folded[i];
            known = index_has(bytes, (size_t)k);
            bytes_done(&buf);
        }
    }
    PyMem_Free(folded);
    return known;
}

/* reach.may_reach(token), for a token of at most max_word characters. */
static int may_reach(const Py_UCS4 *s, Py_ssize_t n)
{
    if (T.bloom == NULL)
        return 1;
    uint8_t key[1 + 4 * 64 + 1];
    int ascii = 0;
    key[0] = 's';
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        ascii |= c < 0x80;
        key[1 + i] = c >= 0x80 ? '?' : (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : (uint8_t)c;
    }
    if (!ascii)
        return T.blank[n];
    return bloom_has(key, (size_t)n + 1);
}

/* reach._fold_mask(ch) & every: the alphabets ch's folding is spelled in. */
static uint64_t fold_mask(Py_UCS4 ch)
{
    Py_UCS4 f[2];
    int k = fold_char(ch, f);
    uint64_t mask = UINT64_MAX;
    int ascii = 1;
    for (int i = 0; i < k; i++) {
        mask &= map_get(&T.letters, f[i], 0);
        ascii &= f[i] < 0x80;
    }
    return (mask | (ascii ? T.ascii_bit : 0)) & T.every;
}

/* reach.becomes_word(token): -1 on memory error. As reach._reaches: each step that changes
 * some character of the token (T.changed) and turns every character into letters of one
 * alphabet (the AND of their fits, given up at its first 0) gives an image; each distinct
 * image is looked up once (steps often agree on a token: about half of them are repeats). */
static int becomes_word(const Py_UCS4 *s, Py_ssize_t n)
{
    if (n > T.max_word || !may_reach(s, n))
        return 0;
    Py_UCS4 folded[2 * 64];
    int known = is_known(folded, fold(s, n, folded));
    if (known != 0)
        return known < 0 ? -1 : 0;
    /* reach._word_steps: the steps that change the token into letters of one alphabet. */
    Py_ssize_t steps = T.nsteps;
    const Py_UCS4 *image_rows[64]; /* per character: what each step turns it into, or NULL */
    const uint64_t *fit_rows[64];  /* per character: its fits per step, or NULL: ... */
    uint64_t fold_masks[64];       /* ... the alphabets of its folding, whatever the step */
    uint64_t changed[CHANGED_WORDS] = {0};
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t row = map_get(&T.fit_row, s[i], MAP_EMPTY);
        fit_rows[i] = row == MAP_EMPTY ? NULL : T.fits + row * (uint64_t)steps;
        fold_masks[i] = row == MAP_EMPTY ? fold_mask(s[i]) : 0;
        row = map_get(&T.image_row, s[i], MAP_EMPTY);
        image_rows[i] = row == MAP_EMPTY ? NULL : T.images + row * (uint64_t)steps;
        if (row != MAP_EMPTY)
            for (int w = 0; w < CHANGED_WORDS; w++)
                changed[w] |= T.changed[row * CHANGED_WORDS + (uint64_t)w];
    }
    Py_UCS4 images[16][64]; /* the distinct images looked up so far (the first 15) ... */
    uint32_t hashes[16];    /* ... and a hash of each */
    int nimages = 0;
    for (int w = 0; w < CHANGED_WORDS; w++) {
        for (uint64_t bits = changed[w]; bits; bits &= bits - 1) {
            Py_ssize_t j = w * 64 + __builtin_ctzll(bits);
            uint64_t live = UINT64_MAX;
            for (Py_ssize_t i = 0; i < n && live; i++)
                live &= fit_rows[i] != NULL ? fit_rows[i][j] : fold_masks[i];
            if (!live)
                continue;
            Py_UCS4 *image = images[nimages];
            uint32_t hash = 2166136261u;
            for (Py_ssize_t i = 0; i < n; i++) {
                image[i] = image_rows[i] == NULL ? s[i] : image_rows[i][j];
                hash = (hash ^ image[i]) * 16777619u;
            }
            int seen = 0;
            for (int k = 0; k < nimages && !seen; k++)
                seen = hashes[k] == hash && memcmp(images[k], image, (size_t)n * sizeof(Py_UCS4)) == 0;
            if (seen)
                continue;
            if (nimages < 15)
                hashes[nimages++] = hash;
            known = is_known(folded, fold(image, n, folded));
            if (known != 0)
                return known;
        }
    }
    return 0;
}

/* plausible._bigram_mask(token). */
static uint64_t bigram_mask(const Py_UCS4 *s, Py_ssize_t n, Py_UCS4 *work)
{
    work[0] = ' ';
    Py_ssize_t k = 1 + fold(s, n, work + 1);
    work[k++] = ' ';
    uint64_t mask = UINT64_MAX;
    for (Py_ssize_t i = 0; i + 1 < k && mask; i++)
        mask &= map_get(&T.bigrams, (uint64_t)work[i] << 21 | work[i + 1], 0);
    return mask;
}

/* ------------------------------------------------------------------ the line scan */

/* Characters of a str as UCS4 (a copy; callers free it with PyMem_Free). */
static Py_UCS4 *ucs4(PyObject *text, Py_ssize_t *n)
{
    *n = PyUnicode_GET_LENGTH(text);
    return PyUnicode_AsUCS4Copy(text);
}

typedef struct {
    Py_ssize_t start, end;
} Span;

/* plausible._words_pass(line): 1, 0, or -1 with an exception set. */
static int words_pass(const Py_UCS4 *s, Py_ssize_t n)
{
    Span local[64], *kept = local;
    Py_ssize_t nkept = 0, cap = 64;
    Py_ssize_t signs = 0, letters = 0;
    int result = 1;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = s[i];
        if (!token_char(c)) {
            signs += charset_has(&T.signs, c);
            i++;
            continue;
        }
        Py_ssize_t start = i, non_ascii = 0;
        int inert = 0;
        for (; i < n && token_char(s[i]); i++) {
            if (s[i] >= 0x80) {
                non_ascii++;
                inert |= !charset_has(&T.inner, s[i]);
                signs += charset_has(&T.signs, s[i]);
            }
        }
        letters += non_ascii;
        if (non_ascii == 0 || inert)
            continue;
        if (nkept == cap) {
            Span *grown = PyMem_Malloc(2 * (size_t)cap * sizeof(Span));
            if (grown == NULL) {
                result = -1;
                goto done;
            }
            memcpy(grown, kept, (size_t)cap * sizeof(Span));
            if (kept != local)
                PyMem_Free(kept);
            kept = grown;
            cap *= 2;
        }
        kept[nkept].start = start;
        kept[nkept++].end = i;
    }
    if (signs && signs > letters) {
        result = 0;
        goto done;
    }
    uint64_t mask = UINT64_MAX;
    for (Py_ssize_t k = 0; k < nkept && mask; k++) {
        Py_ssize_t len = kept[k].end - kept[k].start;
        Py_UCS4 small[2 * 64 + 2], *work = small;
        if (len > 64 && (work = PyMem_Malloc((2 * (size_t)len + 2) * sizeof(Py_UCS4))) == NULL) {
            result = -1;
            goto done;
        }
        mask &= bigram_mask(s + kept[k].start, len, work);
        if (work != small)
            PyMem_Free(work);
    }
    if (nkept && !mask) {
        result = 0;
        goto done;
    }
    for (Py_ssize_t k = 0; k < nkept; k++) {
        int becomes = becomes_word(s + kept[k].start, kept[k].end - kept[k].start);
        if (becomes != 0) {
            result = becomes < 0 ? -1 : 0;
            break;
        }
    }
done:
    if (kept != local)
        PyMem_Free(kept);
    if (result < 0 && !PyErr_Occurred())
        PyErr_NoMemory();
    return result;
}

/* [^\W\d_]: a letter (or a digit that is no decimal), not "_". */
static int word_char_slow(Py_UCS4 ch)
{
    if (ch == '_' || Py_UNICODE_ISDECIMAL(ch))
        return 0;
    return Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch);
}

static int word_char(Py_UCS4 ch)
{
    if (ch < 0x10000)
        return L.word_bmp[ch >> 3] >> (ch & 7) & 1;
    return word_char_slow(ch);
}

#define IN(set, ch) charset_has(&L.sets[set], ch)

/* plausible._Tables.shape.search(line) is not None. */
static int shape(const Py_UCS4 *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        if (c < 0x80 && !L.ascii_starts[c])
            continue;
        int prev_word = i > 0 && word_char(s[i - 1]);
        int next_word = i + 1 < n && word_char(s[i + 1]);
        if (IN(ODD, c))
            return 1;
        if (IN(GLUED, c) && prev_word) {
            Py_ssize_t j = i + 1; /* (a run of them between letters: "v\u201e\u201ertus") */
            while (j < n && IN(GLUED, s[j]))
                j++;
            if (j < n && word_char(s[j]))
                return 1;
        }
        if (c == 0xB7 && prev_word && next_word && (s[i - 1] != 'l' || s[i + 1] != 'l'))
            return 1; /* a middle dot between letters, except Catalan's l·l */
        if (IN(TOUCHING, c) && (prev_word || next_word))
            return 1;
        if (c == 0x2018 && i + 1 < n && IN(LETTERS, s[i + 1]))
            return 1;
        if ((c == 0xAA || c == 0xBA || c == 0xA9 || c == 0xAE) && i + 1 < n
            && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 0xDF && s[i + 1] <= 0xFF)))
            return 1; /* an ordinal indicator, © or ® right before a small letter ("ªveitsi") */
        if (i > 0 && ((IN(ANY_UPPER, c) && IN(LOWER, s[i - 1])) || (IN(UPPER, c) && IN(ANY_LOWER, s[i - 1]))))
            return 1;
    }
    return 0;
}

/* plausible._utf8_pages(line): the pages showing the line's first non-ASCII character as a
 * UTF-8 lead byte and the next one as a continuation byte. */
static uint64_t utf8_pages(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n && s[i] < 0x80)
        i++;
    if (i + 1 >= n)
        return 0;
    return map_get(&L.lead, s[i], 0) & map_get(&L.cont, s[i + 1], 0);
}

/* plausible._line_pages(line): -1 when the line fails, else its UTF-8 pages (or -2 on a
 * memory error, with the exception set). */
static long long line_pages(const Py_UCS4 *s, Py_ssize_t n)
{
    int changeable = 0;
    for (Py_ssize_t i = 0; i < n && !changeable; i++)
        changeable = s[i] >= 0x80 && IN(HELD, s[i]);
    if (changeable) {
        if (shape(s, n))
            return -1;
        int ok = words_pass(s, n);
        if (ok <= 0)
            return ok < 0 ? -2 : -1;
    }
    return (long long)utf8_pages(s, n);
}

#include "_cplausible_match.h"
#include "_cplausible_repeat.h"

static PyObject *py_init_search(PyObject *self, PyObject *args)
{
    (void)self;
    facts_forget();
    int slot;
    PyObject *named, *classes, *alternatives;
    Py_ssize_t behind = -1;
    if (!PyArg_ParseTuple(args, "iUO!O!|n:init_search", &slot, &named, &PyList_Type, &classes,
                          &PyList_Type, &alternatives, &behind))
        return NULL;
    if (slot < 0 || slot >= NMATCHERS) {
        PyErr_SetString(PyExc_ValueError, "no such pattern slot");
        return NULL;
    }
    if (!bmp_categories_ready) {
        for (Py_UCS4 c = 0; c < 0x10000; c++)
            bmp_categories[c] = (uint8_t)category_bits_slow(c);
        bmp_categories_ready = 1;
    }
    Matcher *m = &M[slot];
    matcher_free(m);
    memset(m, 0, sizeof *m);
    m->ready = 1; /* from here matcher_free() releases whatever was taken */
    if (load_matcher(m, named, classes, alternatives) < 0) {
        matcher_free(m);
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    if (behind < -1 || behind >= m->nclasses) {
        matcher_free(m);
        PyErr_SetString(PyExc_ValueError, "lookbehind class index out of range");
        return NULL;
    }
    m->behind = behind;
    Py_RETURN_NONE;
}

static PyObject *is_bad_of(const Py_UCS4 *s, Py_ssize_t n) { return PyBool_FromLong(search(&M[BADNESS], s, n)); }
static PyObject *utf8_shape_of(const Py_UCS4 *s, Py_ssize_t n) { return PyBool_FromLong(search(&M[UTF8_SHAPE], s, n)); }

static PyObject *matcher_call(int slot, PyObject *arg, OnChars f)
{
    if (!M[slot].ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_search() was not called");
        return NULL;
    }
    return on_str(arg, f);
}

static PyObject *py_is_bad(PyObject *self, PyObject *arg) { (void)self; return matcher_call(BADNESS, arg, is_bad_of); }
static PyObject *bad_count_of(const Py_UCS4 *s, Py_ssize_t n) { return PyLong_FromSsize_t(count_matches(&M[BADNESS], s, n)); }
static PyObject *py_bad_count(PyObject *self, PyObject *arg) { (void)self; return matcher_call(BADNESS, arg, bad_count_of); }
static long long clean_line(const Py_UCS4 *s, Py_ssize_t n, long long *pages);
static int lone_sign(const Py_UCS4 *s, Py_ssize_t n);
static int looks_quoted(const Py_UCS4 *s, Py_ssize_t n);
/* The signs lone_words.lone_signs looks for, handed over by init_lone (line.quick_proof). */
static CharSet Lone;
static int lone_ready;

static PyObject *clean_line_of(const Py_UCS4 *s, Py_ssize_t n)
{
    long long pages;
    long long clean = clean_line(s, n, &pages);
    return clean < 0 ? NULL : PyBool_FromLong((long)clean);
}

/* The quick proof reads every table: on_str(arg, f) once they are all handed over. */
static PyObject *on_line(PyObject *arg, OnChars f)
{
    if (!T.ready || !L.ready || !M[BADNESS].ready || !M[UTF8_SHAPE].ready || !lone_ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible: a table was not handed over");
        return NULL;
    }
    return on_str(arg, f);
}

static PyObject *py_clean_line(PyObject *self, PyObject *arg) { (void)self; return on_line(arg, clean_line_of); }

/* The same for a document of one line that may end in "\r" (document.untouched_line). */
static PyObject *clean_document_line_of(const Py_UCS4 *s, Py_ssize_t n)
{
    return clean_line_of(s, n > 0 && s[n - 1] == '\r' ? n - 1 : n);
}

static PyObject *py_clean_document_line(PyObject *self, PyObject *arg)
{
    (void)self;
    return on_line(arg, clean_document_line_of);
}

static PyObject *py_utf8_shape(PyObject *self, PyObject *arg) { (void)self; return matcher_call(UTF8_SHAPE, arg, utf8_shape_of); }
/* utf8._page_bytes' masks: character -> bit set of ftfy's CHARMAP_ENCODINGS encoding it,
 * and the set of them all (init_pages). */
static Map Pages;
static uint64_t all_pages;
static int pages_ready;

static PyObject *py_init_pages(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *masks;
    unsigned long long all;
    if (!PyArg_ParseTuple(args, "O!K:init_pages", &PyDict_Type, &masks, &all))
        return NULL;
    if (pages_ready)
        map_free(&Pages);
    pages_ready = 0;
    if (map_from_dict(&Pages, masks) < 0) {
        map_free(&Pages);
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    all_pages = all;
    pages_ready = 1;
    Py_RETURN_NONE;
}

/* utf8._alive_pages_py(text): the pages encoding every character beyond ASCII. */
static PyObject *alive_pages_of(const Py_UCS4 *s, Py_ssize_t n)
{
    uint64_t alive = all_pages;
    for (Py_ssize_t i = 0; i < n && alive; i++)
        if (s[i] > 0x7F)
            alive &= map_get(&Pages, s[i], 0);
    return PyLong_FromUnsignedLongLong(alive);
}

static PyObject *py_alive_pages(PyObject *self, PyObject *arg)
{
    (void)self;
    if (pages_ready)
        return on_str(arg, alive_pages_of);
    return PyErr_Format(PyExc_RuntimeError, "_cplausible.%s() was not called", "init_pages");
}

static PyObject *utf8_detected_of(const Py_UCS4 *s, Py_ssize_t n) { return repeated_spans(&M[UTF8_DETECTOR], s, n); }
static PyObject *py_utf8_detected(PyObject *self, PyObject *arg) { (void)self; return matcher_call(UTF8_DETECTOR, arg, utf8_detected_of); }

/* The cp1251 signs that stand where mac-cyrillic has capitals (gates._mac_capitals), handed
 * over by init_behind: gates.capital_behind_sign needs one of them right before a small
 * Cyrillic letter. */
static CharSet Behind;
static int behind_ready;

/* Fill a handed-over set from a str (init_behind, init_lone), freeing the one before. */
static PyObject *init_charset(CharSet *set, int *ready, PyObject *arg, const char *name)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str", name);
        return NULL;
    }
    facts_forget();
    if (*ready)
        map_free(&set->astral);
    *ready = 0;
    if (charset_from(set, arg, 0) < 0)
        return PyErr_NoMemory();
    *ready = 1;
    Py_RETURN_NONE;
}

static PyObject *py_init_behind(PyObject *self, PyObject *arg)
{
    (void)self;
    return init_charset(&Behind, &behind_ready, arg, "init_behind");
}

/* The answer for a document of one line (document.quick_line_check, one compiled call):
 * 2 (PROVEN) when clean_document_line is True and no sign of init_behind stands right
 * before а-я or ё (untouched_line is True); 1 (ASK) when such a sign does
 * (gates.capital_behind_sign must look); when clean_document_line is False (line.untouched's
 * quick proof fails too: not asked again), what plausible() says of the line, which
 * untouched asks next: 0 (IMPLAUSIBLE: line_pages -1), 3 (PLAUSIBLE: line_pages 0), or 4
 * (UNPROVEN: UTF-8 pages whose round trips plausible() tries). */
static PyObject *quick_document_line_of(const Py_UCS4 *s, Py_ssize_t n)
{
    int whole = !(n > 0 && s[n - 1] == '\r');
    if (!whole)
        n--;
    long long pages = -3; /* (clean_line did not reach line_pages: asked below) */
    long long clean = clean_line(s, n, &pages);
    if (clean < 0)
        return NULL;
    if (clean == 0) {
        if (pages == -3 && (pages = line_pages(s, n)) == -2)
            return NULL;
        /* (the engine's front asks these of the line next: answered once, see Facts) */
        Found.lone = Found.lone < 0 ? lone_sign(s, n) : Found.lone;
        Found.quoted = Found.quoted < 0 ? looks_quoted(s, n) : Found.quoted;
        Found.pages = pages;
        Found.complete = whole;
        return PyLong_FromLong(pages < 0 ? 0 : pages == 0 ? 3 : 4);
    }
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        Py_UCS4 next = s[i + 1];
        if (((next >= 0x430 && next <= 0x44F) || next == 0x451) && charset_has(&Behind, s[i]))
            return PyLong_FromLong(1);
    }
    return PyLong_FromLong(2);
}

/* line._settled's answer for a repaired line, in one call: 0 when clean_line is False (not
 * settled); 1 when it is True and no sign of init_behind is in the line (where
 * gates.capital_behind_sign's own first scan finds none: it is False); else 2 (it must
 * look). */
static PyObject *settled_line_of(const Py_UCS4 *s, Py_ssize_t n)
{
    long long pages;
    long long clean = clean_line(s, n, &pages);
    if (clean <= 0)
        return clean < 0 ? NULL : PyLong_FromLong(0);
    for (Py_ssize_t i = 0; i < n; i++)
        if (charset_has(&Behind, s[i]))
            return PyLong_FromLong(2);
    return PyLong_FromLong(1);
}

/* on_line(arg, f) once the signs of init_behind were handed over too. */
static PyObject *on_line_behind(PyObject *arg, OnChars f)
{
    if (!behind_ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_behind() was not called");
        return NULL;
    }
    return on_line(arg, f);
}

static PyObject *py_settled_line(PyObject *self, PyObject *arg) { (void)self; return on_line_behind(arg, settled_line_of); }
static PyObject *py_quick_document_line(PyObject *self, PyObject *arg)
{
    (void)self;
    found_reset();
    PyObject *answer = on_line_behind(arg, quick_document_line_of);
    if (answer != NULL)
        facts_keep(arg);
    return answer;
}



/* The places clean_line refuses at, asked in one pass over s[from:n] (every one is a
 * non-ASCII character: the caller starts at the first):
 *   - ce_letters.nbsp_in_word: a no-break space after two token characters (TOKEN_RE's),
 *     before one, a space or the end (cp852's "á" shown as cp1252: line.untouched sends such
 *     a line on to the engine);
 *   - ce_letters.sign_after_word: a low opening quote or a middle dot (ce_letters.TRAILING)
 *     after two token characters and before no token character (mac-roman's view of
 *     cp1250's "ă" and "á");
 *   - ce_letters.sharp_s_after_consonant: "ß" right after an ASCII consonant (cp437's view
 *     of cp1250's "á");
 *   - a letter of stray_letters.LOOKED (Icelandic's ð þ Ð Þ): line.untouched asks
 *     stray_letters.looks_stray of such a line before this proof, which hands it on. */
static int odd_place(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t from)
{
    static const char consonants[] = "bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ";
    for (Py_ssize_t i = from; i < n; i++) {
        Py_UCS4 c = s[i];
        if (c < 0xA0)
            continue;
        if (c == 0xA0 || c == 0x201E || c == 0xB7) {
            if (i >= 2 && token_char(s[i - 1]) && token_char(s[i - 2])) {
                int before_token = i + 1 < n && token_char(s[i + 1]);
                if (c == 0xA0 ? i + 1 == n || s[i + 1] == ' ' || before_token : !before_token)
                    return 1;
            }
        } else if (c == 0xDF) {
            if (i >= 1 && s[i - 1] < 0x80 && s[i - 1] != 0
                && strchr(consonants, (int)s[i - 1]) != NULL)
                return 1;
        } else if (c == 0xF0 || c == 0xFE || c == 0xD0 || c == 0xDE) {
            return 1;
        }
    }
    return 0;
}

static PyObject *py_init_lone(PyObject *self, PyObject *arg)
{
    (void)self;
    return init_charset(&Lone, &lone_ready, arg, "init_lone");
}

/* Greek and Cyrillic letters (the other scripts of Lone's letters): 1, 2; else 0. */
static int lone_block(Py_UCS4 c)
{
    return c >= 0x370 && c <= 0x3FF ? 1 : c >= 0x400 && c <= 0x52F ? 2 : 0;
}

/* lone_words.lone_signs: a sign of Lone with no letter or digit on either side,
 * unless it is a Greek or Cyrillic letter and another letter of its block is in the line
 * (a Cyrillic "и" stands alone in any Russian line: only in a Latin one is it a sign).
 * line.untouched asks lone_signs of such a line; this proof hands it on. */
static int lone_sign(const Py_UCS4 *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        if (c < 0x80 || !charset_has(&Lone, c) || (i > 0 && Py_UNICODE_ISALNUM(s[i - 1]))
            || (i + 1 < n && Py_UNICODE_ISALNUM(s[i + 1])))
            continue;
        int block = Py_UNICODE_ISALPHA(c) ? lone_block(c) : 0;
        if (block == 0)
            return 1;
        int other = 0;
        for (Py_ssize_t j = 0; j < n && !other; j++)
            other = j != i && s[j] != c && lone_block(s[j]) == block && Py_UNICODE_ISALPHA(s[j]);
        if (!other)
            return 1;
    }
    return 0;
}

static PyObject *lone_signs_of(const Py_UCS4 *s, Py_ssize_t n)
{
    return PyBool_FromLong(lone_sign(s, n));
}

static PyObject *py_lone_signs(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!lone_ready) {
        PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_lone() was not called");
        return NULL;
    }
    const LineFacts *known = facts_of(arg);
    if (known != NULL && known->lone >= 0)
        return PyBool_FromLong(known->lone);
    return on_str(arg, lone_signs_of);
}

static int looks_quoted(const Py_UCS4 *s, Py_ssize_t n);

/* line.untouched's quick proof for a line: ASCII, or plausible() with no UTF-8 page to try
 * and either no UTF-8 shape or nothing ftfy's badness pattern flags, and no no-break space
 * or sign after a word that may be a letter (ce_letters.looks_anyway), nor a letter of
 * stray_letters.LOOKED, nor punctuation shown as signs (quote_signs.looks_quoted). 0 means
 * "not proved here" (the Python path decides). */
/* line.untouched's quick proof: 1 proven, 0 not, -1 on error; *pages is set to what
 * line_pages says when the proof reached it (left alone when it did not). */
static long long clean_line(const Py_UCS4 *s, Py_ssize_t n, long long *pages)
{
    Py_ssize_t i = 0;
    while (i < n && s[i] < 0x80)
        i++;
    if (i == n)
        return 1;
    if (odd_place(s, n, i) || (Found.lone = lone_sign(s, n))
        || (Found.quoted = looks_quoted(s, n)))
        return 0;
    *pages = line_pages(s, n);
    if (*pages != 0)
        return *pages == -2 ? -1 : 0;
    return !search(&M[UTF8_SHAPE], s, n) || !search(&M[BADNESS], s, n);
}

/* ------------------------------------------------------------------ Python functions */

#define NEED_TABLES()                                                                          \
    do {                                                                                       \
        if (!T.ready) {                                                                        \
            PyErr_SetString(PyExc_RuntimeError, "_cplausible.init() was not called");          \
            return NULL;                                                                       \
        }                                                                                      \
    } while (0)

static PyObject *py_scan(PyObject *self, PyObject *arg)
{
    (void)self;
    NEED_TABLES();
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "scan() takes a str");
        return NULL;
    }
    Py_ssize_t n;
    Py_UCS4 *s = ucs4(arg, &n);
    if (s == NULL)
        return NULL;
    int ok = words_pass(s, n);
    PyMem_Free(s);
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}


static PyObject *on_str(PyObject *arg, OnChars f)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "a str is required");
        return NULL;
    }
    Py_ssize_t n;
    Py_UCS4 *s = ucs4(arg, &n);
    if (s == NULL)
        return NULL;
    PyObject *out = f(s, n);
    PyMem_Free(s);
    return out;
}

/* The next token (TOKEN_RE: a run of token_char) at or after *i, as [start, *i); 0 when
 * none is left. */
static int next_token(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t *i, Py_ssize_t *start)
{
    while (*i < n && !token_char(s[*i]))
        (*i)++;
    *start = *i;
    while (*i < n && token_char(s[*i]))
        (*i)++;
    return *i > *start;
}

static PyObject *tokens_of(const Py_UCS4 *s, Py_ssize_t n)
{
    PyObject *out = PyList_New(0);
    Py_ssize_t i = 0, start;
    while (out != NULL && next_token(s, n, &i, &start)) {
        PyObject *tok = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s + start, i - start);
        if (tok == NULL || PyList_Append(out, tok) < 0)
            Py_CLEAR(out);
        Py_XDECREF(tok);
    }
    return out;
}

/* [m.span() for m in TOKEN_RE.finditer(text)]: the tokens' (start, end) pairs. */
static PyObject *token_spans_of(const Py_UCS4 *s, Py_ssize_t n)
{
    PyObject *out = PyList_New(0);
    Py_ssize_t i = 0, start;
    while (out != NULL && next_token(s, n, &i, &start)) {
        PyObject *span = Py_BuildValue("(nn)", start, i);
        if (span == NULL || PyList_Append(out, span) < 0)
            Py_CLEAR(out);
        Py_XDECREF(span);
    }
    return out;
}

static PyObject *fold_of(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_UCS4 *out = PyMem_Malloc((2 * (size_t)n + 1) * sizeof(Py_UCS4));
    if (out == NULL)
        return PyErr_NoMemory();
    PyObject *str = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, fold(s, n, out));
    PyMem_Free(out);
    return str;
}

static PyObject *bigram_mask_of(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_UCS4 *work = PyMem_Malloc((2 * (size_t)n + 2) * sizeof(Py_UCS4));
    if (work == NULL)
        return PyErr_NoMemory();
    uint64_t mask = bigram_mask(s, n, work);
    PyMem_Free(work);
    return PyLong_FromUnsignedLongLong(mask);
}

static PyObject *is_known_of(const Py_UCS4 *s, Py_ssize_t n)
{
    int known = is_known(s, n);
    return known < 0 ? PyErr_NoMemory() : PyBool_FromLong(known);
}

/* Whether ch is one of the n characters of edge. */
static int among(Py_UCS4 ch, const Py_UCS4 *edge, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        if (edge[i] == ch)
            return 1;
    return 0;
}

/* no_repair._changes_known_word for a round trip that moves no word boundary: a and b (the
 * core and its image, n characters each) split at the same spaces; a word that changed
 * reads as a known word when its letters, edge symbols stripped, are a token of two
 * letters or more that is a known word, or else when one of its letter runs of two or more
 * changed and is one. -1 on memory error. */
static int changes_known_word(const Py_UCS4 *a, const Py_UCS4 *b, Py_ssize_t n,
                              const Py_UCS4 *edge, Py_ssize_t nedge)
{
    for (Py_ssize_t start = 0; start <= n;) {
        Py_ssize_t end = start;
        while (end < n && b[end] != ' ')
            end++;
        if (memcmp(a + start, b + start, (size_t)(end - start) * sizeof(Py_UCS4)) != 0) {
            Py_ssize_t lo = start, hi = end;
            while (lo < hi && among(b[lo], edge, nedge))
                lo++;
            while (hi > lo && among(b[hi - 1], edge, nedge))
                hi--;
            Py_ssize_t k = lo;
            while (k < hi && token_char(b[k]))
                k++;
            if (lo < hi && k == hi) { /* the stripped word is a token */
                if (hi - lo > 1) {
                    int known = known_word(b + lo, hi - lo);
                    if (known != 0)
                        return known;
                }
            } else {
                for (Py_ssize_t i = start; i < end;) {
                    if (!token_char(b[i])) {
                        i++;
                        continue;
                    }
                    Py_ssize_t j = i;
                    while (j < end && token_char(b[j]))
                        j++;
                    if (j - i > 1 && memcmp(a + i, b + i, (size_t)(j - i) * sizeof(Py_UCS4)) != 0) {
                        int known = known_word(b + i, j - i);
                        if (known != 0)
                            return known;
                    }
                    i = j;
                }
            }
        }
        start = end + 1;
    }
    return 0;
}

static PyObject *py_changes_known_word(PyObject *self, PyObject *args)
{
    (void)self;
    NEED_TABLES();
    PyObject *text, *cand, *edge_str;
    if (!PyArg_ParseTuple(args, "UUU:changes_known_word", &text, &cand, &edge_str))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_GET_LENGTH(cand) != n) {
        PyErr_SetString(PyExc_ValueError, "changes_known_word: the texts differ in length");
        return NULL;
    }
    Py_UCS4 *a = PyUnicode_AsUCS4Copy(text), *b = PyUnicode_AsUCS4Copy(cand);
    Py_UCS4 *edge = PyUnicode_AsUCS4Copy(edge_str);
    int found = -1;
    if (a != NULL && b != NULL && edge != NULL)
        found = changes_known_word(a, b, n, edge, PyUnicode_GET_LENGTH(edge_str));
    PyMem_Free(a);
    PyMem_Free(b);
    PyMem_Free(edge);
    if (found < 0)
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    return PyBool_FromLong(found);
}

/* Bit j of a little-endian mask of bytes. */
static int mask_bit(const Py_buffer *m, Py_ssize_t j)
{
    return j / 8 < m->len && ((const uint8_t *)m->buf)[j / 8] >> (j % 8) & 1;
}

/* no_repair._all_fail's first pass: the steps of `alive` (in order), each distinct rewrite
 * of the core's characters once, that are left for the gates: those of `check` only when
 * their round trip changes a word into a known word (changes_known_word), those of `later`
 * (word boundaries move: the caller checks) and the others at once. Stops after `cut` + 1
 * steps when cut >= 0. NULL on error. */
static PyObject *steps_left(const Py_UCS4 *a, Py_ssize_t n, const Py_buffer *alive,
                            const Py_buffer *check, const Py_buffer *later, Py_ssize_t cut,
                            const Py_UCS4 *edge, Py_ssize_t nedge)
{
    Py_ssize_t steps = T.nsteps;
    const Py_UCS4 **rows = PyMem_Malloc(((size_t)n + 1) * sizeof *rows);     /* per position */
    const Py_UCS4 **distinct = PyMem_Malloc(((size_t)n + 1) * sizeof *distinct);
    Py_UCS4 *cand = PyMem_Malloc(((size_t)n + 1) * sizeof *cand);
    Py_ssize_t *tried = PyMem_Malloc(((size_t)steps + 1) * sizeof *tried);
    PyObject *out = PyList_New(0);
    if (rows == NULL || distinct == NULL || cand == NULL || tried == NULL || out == NULL) {
        if (out != NULL)
            Py_CLEAR(out);
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t ndistinct = 0, ntried = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t row = map_get(&T.image_row, a[i], MAP_EMPTY);
        rows[i] = row == MAP_EMPTY ? NULL : T.images + row * (uint64_t)steps;
        if (rows[i] == NULL)
            continue;
        int seen = 0;
        for (Py_ssize_t k = 0; k < ndistinct && !seen; k++)
            seen = distinct[k] == rows[i];
        if (!seen)
            distinct[ndistinct++] = rows[i];
    }
    for (Py_ssize_t j = 0; j < steps; j++) {
        if (!mask_bit(alive, j))
            continue;
        int same = 0;
        for (Py_ssize_t t = 0; t < ntried && !same; t++) {
            same = 1;
            for (Py_ssize_t k = 0; k < ndistinct && same; k++)
                same = distinct[k][j] == distinct[k][tried[t]];
        }
        if (same)
            continue;
        tried[ntried++] = j;
        if (mask_bit(check, j) && !mask_bit(later, j)) {
            for (Py_ssize_t i = 0; i < n; i++)
                cand[i] = rows[i] == NULL ? a[i] : rows[i][j];
            int found = changes_known_word(a, cand, n, edge, nedge);
            if (found < 0) {
                Py_CLEAR(out);
                PyErr_NoMemory();
                goto done;
            }
            if (!found)
                continue;
        }
        PyObject *step = PyLong_FromSsize_t(j);
        int failed = step == NULL || PyList_Append(out, step) < 0;
        Py_XDECREF(step);
        if (failed) {
            Py_CLEAR(out);
            goto done;
        }
        if (cut >= 0 && PyList_GET_SIZE(out) > cut)
            break;
    }
done:
    PyMem_Free(rows);
    PyMem_Free(distinct);
    PyMem_Free(cand);
    PyMem_Free(tried);
    return out;
}

static PyObject *py_steps_left(PyObject *self, PyObject *args)
{
    (void)self;
    NEED_TABLES();
    PyObject *text, *edge_str;
    Py_buffer alive, check, later;
    Py_ssize_t cut;
    if (!PyArg_ParseTuple(args, "Uy*y*y*nU:steps_left", &text, &alive, &check, &later, &cut,
                          &edge_str))
        return NULL;
    Py_UCS4 *a = PyUnicode_AsUCS4Copy(text), *edge = PyUnicode_AsUCS4Copy(edge_str);
    PyObject *out = NULL;
    if (a != NULL && edge != NULL)
        out = steps_left(a, PyUnicode_GET_LENGTH(text), &alive, &check, &later, cut, edge,
                         PyUnicode_GET_LENGTH(edge_str));
    PyMem_Free(a);
    PyMem_Free(edge);
    PyBuffer_Release(&alive);
    PyBuffer_Release(&check);
    PyBuffer_Release(&later);
    return out;
}

static PyObject *known_word_of(const Py_UCS4 *s, Py_ssize_t n)
{
    int known = known_word(s, n);
    return known < 0 ? PyErr_NoMemory() : PyBool_FromLong(known);
}

/* no_repair._may_name_language after its placeholders were blanked out: whether `need`
 * tokens (TOKEN_RE: runs of token_char) of `letters` characters or more are known words
 * (known_word). -1 on memory error. */
static int known_votes(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t letters, Py_ssize_t need)
{
    Py_ssize_t votes = 0, i = 0, start;
    while (votes < need && next_token(s, n, &i, &start)) {
        if (i - start >= letters) {
            int known = known_word(s + start, i - start);
            if (known < 0)
                return -1;
            votes += known;
        }
    }
    return votes >= need;
}

static PyObject *py_known_votes(PyObject *self, PyObject *args)
{
    (void)self;
    NEED_TABLES();
    PyObject *text;
    Py_ssize_t letters, need;
    if (!PyArg_ParseTuple(args, "Unn:known_votes", &text, &letters, &need))
        return NULL;
    Py_UCS4 *s = PyUnicode_AsUCS4Copy(text);
    if (s == NULL)
        return NULL;
    int found = known_votes(s, PyUnicode_GET_LENGTH(text), letters, need);
    PyMem_Free(s);
    return found < 0 ? PyErr_NoMemory() : PyBool_FromLong(found);
}

static PyObject *becomes_word_of(const Py_UCS4 *s, Py_ssize_t n)
{
    int becomes = becomes_word(s, n);
    return becomes < 0 ? PyErr_NoMemory() : PyBool_FromLong(becomes);
}

static PyObject *may_reach_of(const Py_UCS4 *s, Py_ssize_t n)
{
    return PyBool_FromLong(may_reach(s, n));
}

static PyObject *py_tokens(PyObject *self, PyObject *arg) { (void)self; NEED_TABLES(); return on_str(arg, tokens_of); }
static PyObject *py_token_spans(PyObject *self, PyObject *arg) { (void)self; NEED_TABLES(); return on_str(arg, token_spans_of); }
static PyObject *py_fold(PyObject *self, PyObject *arg) { (void)self; return on_str(arg, fold_of); }
static PyObject *py_bigram_mask(PyObject *self, PyObject *arg) { (void)self; NEED_TABLES(); return on_str(arg, bigram_mask_of); }
static PyObject *py_is_known(PyObject *self, PyObject *arg) { (void)self; NEED_TABLES(); return on_str(arg, is_known_of); }
static PyObject *py_known_word(PyObject *self, PyObject *arg) { (void)self; NEED_TABLES(); return on_str(arg, known_word_of); }
static PyObject *py_becomes_word(PyObject *self, PyObject *arg) { (void)self; NEED_TABLES(); return on_str(arg, becomes_word_of); }

static PyObject *py_may_reach(PyObject *self, PyObject *arg)
{
    (void)self;
    NEED_TABLES();
    if (PyUnicode_Check(arg) && PyUnicode_GET_LENGTH(arg) > T.max_word) {
        PyErr_SetString(PyExc_ValueError, "may_reach() takes words of at most max_word characters");
        return NULL;
    }
    return on_str(arg, may_reach_of);
}

#define NEED_LINE_TABLES()                                                                     \
    do {                                                                                       \
        if (!L.ready) {                                                                        \
            PyErr_SetString(PyExc_RuntimeError, "_cplausible.init_line() was not called");     \
            return NULL;                                                                       \
        }                                                                                      \
    } while (0)

static PyObject *shape_of(const Py_UCS4 *s, Py_ssize_t n) { return PyBool_FromLong(shape(s, n)); }

static PyObject *utf8_pages_of(const Py_UCS4 *s, Py_ssize_t n)
{
    return PyLong_FromUnsignedLongLong(utf8_pages(s, n));
}

static PyObject *line_pages_of(const Py_UCS4 *s, Py_ssize_t n)
{
    long long pages = line_pages(s, n);
    return pages == -2 ? NULL : PyLong_FromLongLong(pages);
}

static PyObject *py_shape(PyObject *self, PyObject *arg) { (void)self; NEED_LINE_TABLES(); return on_str(arg, shape_of); }
static PyObject *py_utf8_pages(PyObject *self, PyObject *arg) { (void)self; NEED_LINE_TABLES(); return on_str(arg, utf8_pages_of); }
static PyObject *py_line_pages(PyObject *self, PyObject *arg)
{
    (void)self;
    NEED_LINE_TABLES();
    const LineFacts *known = facts_of(arg);
    if (known != NULL && known->pages != -3)
        return PyLong_FromLongLong(known->pages);
    return on_str(arg, line_pages_of);
}

static void line_tables_free(void)
{
    facts_forget();
    if (!L.ready)
        return;
    L.ready = 0;
    for (int i = 0; i < NSETS; i++)
        map_free(&L.sets[i].astral);
    map_free(&L.lead);
    map_free(&L.cont);
}

/* init_line(held, odd, glued, touching, letters, lower, upper, any_lower, any_upper, lead,
 * cont): the line-level tables (init() must come first: the scan uses both). */
static PyObject *py_init_line(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *sets[NSETS], *lead, *cont;
    if (!PyArg_ParseTuple(args, "UUUUUUUUUO!O!:init_line", &sets[0], &sets[1], &sets[2], &sets[3],
                          &sets[4], &sets[5], &sets[6], &sets[7], &sets[8], &PyDict_Type, &lead,
                          &PyDict_Type, &cont))
        return NULL;
    line_tables_free();
    memset(&L, 0, sizeof L);
    L.ready = 1; /* from here line_tables_free() releases whatever was taken */
    int failed = map_from_dict(&L.lead, lead) < 0 || map_from_dict(&L.cont, cont) < 0;
    for (int i = 0; i < NSETS && !failed; i++)
        failed = charset_from(&L.sets[i], sets[i], 0) < 0;
    if (failed) {
        line_tables_free();
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    for (Py_UCS4 c = 0; c < 0x10000; c++)
        if (word_char_slow(c))
            L.word_bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
    for (Py_UCS4 c = 0; c < 128; c++)
        L.ascii_starts[c] = IN(ODD, c) || IN(GLUED, c) || IN(TOUCHING, c) || IN(ANY_UPPER, c)
            || IN(UPPER, c);
    Py_RETURN_NONE;
}

static PyObject *py_crc32(PyObject *self, PyObject *args)
{
    (void)self;
    Py_buffer b;
    int backward = 0;
    if (!PyArg_ParseTuple(args, "y*|p", &b, &backward))
        return NULL;
    uint32_t c = backward ? crc32_backward(b.buf, (size_t)b.len) : crc32_forward(b.buf, (size_t)b.len);
    PyBuffer_Release(&b);
    return PyLong_FromUnsignedLong(c);
}

static PyObject *py_word_key64(PyObject *self, PyObject *arg)
{
    (void)self;
    Py_buffer b;
    if (PyObject_GetBuffer(arg, &b, PyBUF_SIMPLE) < 0)
        return NULL;
    uint64_t h = word_key64(b.buf, (size_t)b.len);
    PyBuffer_Release(&b);
    return PyLong_FromUnsignedLongLong(h);
}

static int get_buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0)
        return -1;
    if (view->len % itemsize) {
        PyErr_SetString(PyExc_ValueError, "buffer of the wrong item size");
        return -1;
    }
    return 0;
}

/* Whether the word index's arrays agree with each other (so lookups stay inside them). */
static int index_consistent(void)
{
    Py_ssize_t count = T.highs.len / 4;
    const uint32_t *starts = T.starts.buf;
    const uint16_t *slots = T.slots.buf;
    Py_ssize_t nstarts = T.starts.len / 4;
    uint64_t last_bucket = ((1ULL << (T.bits - 16)) - 1) >> T.shift;
    if (T.lows.len / 2 != count || T.slots.len / 2 != count || (uint64_t)nstarts < last_bucket + 2)
        return 0;
    for (Py_ssize_t i = 0; i < nstarts; i++)
        if (starts[i] > count)
            return 0;
    for (Py_ssize_t i = 0; i < count; i++)
        if (slots[i] >= T.nonzero.len)
            return 0;
    return 1;
}

static void token_class_init(void)
{
    memset(T.token_bmp, 0, sizeof T.token_bmp);
    for (Py_UCS4 c = 0; c < 0x10000; c++)
        if (token_char_slow(c))
            T.token_bmp[c >> 3] |= (uint8_t)(1u << (c & 7));
}

static int load_tables(PyObject *marks, PyObject *not_letters, PyObject *inner, PyObject *signs,
                       PyObject *bigrams, PyObject *letters, PyObject *image_chars,
                       PyObject *images, PyObject *fit_chars, Py_buffer *fits, PyObject *bloom,
                       Py_buffer *blank, PyObject *index[5])
{
    Py_ssize_t nimage = PyUnicode_GET_LENGTH(image_chars);
    Py_ssize_t nfit = PyUnicode_GET_LENGTH(fit_chars);
    if (T.nsteps < 1 || T.nsteps > 256 || T.max_word < 0 || T.max_word > 64
        || blank->len != T.max_word + 1 || PyUnicode_GET_LENGTH(images) != nimage * T.nsteps
        || fits->len != nfit * 8 * T.nsteps || T.bits <= 16 || T.bits > 48 || T.shift < 0
        || T.shift > 32 || (bloom != Py_None && (!PyBytes_Check(bloom) || PyBytes_GET_SIZE(bloom) == 0))) {
        PyErr_SetString(PyExc_ValueError, "inconsistent plausibility tables");
        return -1;
    }
    if (charset_from(&T.marks, marks, 1) < 0 || charset_from(&T.not_letters, not_letters, 1) < 0
        || charset_from(&T.inner, inner, 0) < 0 || charset_from(&T.signs, signs, 0) < 0
        || map_from_dict(&T.bigrams, bigrams) < 0 || map_from_dict(&T.letters, letters) < 0
        || map_rows(&T.image_row, image_chars) < 0 || map_rows(&T.fit_row, fit_chars) < 0)
        return -1;
    T.images = PyUnicode_AsUCS4Copy(images);
    T.changed = PyMem_Calloc((size_t)nimage * CHANGED_WORDS + 1, sizeof(uint64_t));
    T.fits = PyMem_Malloc((size_t)fits->len + 8);
    T.blank = PyMem_Malloc((size_t)blank->len + 1);
    if (T.images == NULL || T.changed == NULL || T.fits == NULL || T.blank == NULL)
        return -1;
    for (Py_ssize_t r = 0; r < nimage; r++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(image_chars, r);
        for (Py_ssize_t j = 0; j < T.nsteps; j++)
            if (T.images[r * T.nsteps + j] != c)
                T.changed[r * CHANGED_WORDS + j / 64] |= (uint64_t)1 << (j % 64);
    }
    memcpy(T.fits, fits->buf, (size_t)fits->len);
    memcpy(T.blank, blank->buf, (size_t)blank->len);
    if (bloom != Py_None) {
        Py_INCREF(bloom);
        T.bloom = bloom;
        T.bloom_bits = (size_t)PyBytes_GET_SIZE(bloom) * 8;
    }
    Py_buffer *views[5] = {&T.highs, &T.lows, &T.slots, &T.starts, &T.nonzero};
    const Py_ssize_t sizes[5] = {4, 2, 2, 4, 1};
    for (int i = 0; i < 5; i++)
        if (get_buffer(index[i], views[i], sizes[i]) < 0)
            return -1;
    if (!index_consistent()) {
        PyErr_SetString(PyExc_ValueError, "inconsistent word index");
        return -1;
    }
    if (index_filter_build(&T.filter, T.highs.buf, T.lows.buf, T.highs.len / 4, T.bits) < 0)
        return -1; /* (py_init reports the missing memory) */
    token_class_init();
    return 0;
}

static PyObject *py_init(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *marks, *not_letters, *inner, *signs, *bigrams, *letters, *image_chars, *images;
    PyObject *fit_chars, *bloom, *index[5];
    unsigned long long every, ascii_bit;
    Py_ssize_t nsteps, max_word;
    int bits, shift;
    Py_buffer fits, blank;
    if (!PyArg_ParseTuple(args, "UUUUO!O!KKnUUUy*nOy*OOOOOii:init", &marks, &not_letters, &inner,
                          &signs, &PyDict_Type, &bigrams, &PyDict_Type, &letters, &every,
                          &ascii_bit, &nsteps, &image_chars, &images, &fit_chars, &fits,
                          &max_word, &bloom, &blank, &index[0], &index[1], &index[2], &index[3],
                          &index[4], &bits, &shift))
        return NULL;
    tables_free();
    memset(&T, 0, sizeof T);
    T.ready = 1; /* from here tables_free() releases whatever was taken */
    T.every = every;
    T.ascii_bit = ascii_bit;
    T.nsteps = nsteps;
    T.max_word = max_word;
    T.bits = bits;
    T.shift = shift;
    int status = load_tables(marks, not_letters, inner, signs, bigrams, letters, image_chars,
                             images, fit_chars, &fits, bloom, &blank, index);
    PyBuffer_Release(&fits);
    PyBuffer_Release(&blank);
    if (status < 0) {
        tables_free();
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    Py_RETURN_NONE;
}

#include "_cplausible_proof.h"
#include "_cplausible_thin.h"
#include "_cplausible_pairs.h"
#include "_cplausible_gates.h"
#include "_cplausible_utf8.h"
#include "_cplausible_utf8_quiet.h"
#include "_cplausible_layer_facts.h"
#include "_cplausible_step.h"

/* ------------------------------------------------------------------ quote signs */

/* quote_signs.sign_kinds(): the signs code pages make of another page's punctuation, with
 * the kinds of the marks each stands for (bits: 1 apostrophe, 2 dash, 4 opening, 8 closing
 * mark, 16 one that pairs with itself), sorted; tests/test_quote_signs.py compares it with
 * the Python table. */
static const struct {
    Py_UCS4 sign;
    unsigned char kinds;
} QUOTE_SIGNS[] = {
    {0x00A1, 28}, {0x00A5, 5},  {0x00AA, 12}, {0x00B4, 12}, {0x00BD, 12}, {0x00C6, 9},
    {0x00C7, 4},  {0x00D1, 4},  {0x00E4, 4},  {0x00E6, 12}, {0x00E9, 4},  {0x00EB, 12},
    {0x00EC, 12}, {0x00ED, 9},  {0x00EE, 28}, {0x00F1, 2},  {0x00F3, 2},  {0x00F4, 12},
    {0x00F6, 28}, {0x00F9, 2},  {0x00FB, 2},  {0x00FF, 9},  {0x0491, 1},  {0x2524, 1},
    {0x2557, 12},
};
#define NQUOTE_SIGNS ((int)(sizeof QUOTE_SIGNS / sizeof QUOTE_SIGNS[0]))

/* Which BMP code points are signs of QUOTE_SIGNS (one bit each), filled by quote_init:
 * the quick proof asks of every character of a non-ASCII line. */
static uint8_t QUOTE_BMP[0x10000 / 8];

static void quote_init(void)
{
    for (int row = 0; row < NQUOTE_SIGNS; row++)
        QUOTE_BMP[QUOTE_SIGNS[row].sign >> 3] |= (uint8_t)(1u << (QUOTE_SIGNS[row].sign & 7));
}

/* The row of QUOTE_SIGNS that holds c, or -1. */
static int quote_row(Py_UCS4 c)
{
    if (c >= 0x10000 || !(QUOTE_BMP[c >> 3] >> (c & 7) & 1))
        return -1;
    int lo = 0, hi = NQUOTE_SIGNS;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (QUOTE_SIGNS[mid].sign < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return QUOTE_SIGNS[lo].sign == c ? lo : -1;
}

/* quote_signs.ELISION_HEADS (between spaces), ELISION_NEXT and
 * CONTRACTION_TAILS (each with the letters that may stand before its apostrophe). */
static const char QUOTE_HEADS[] = " all bell c d dall dell j jusqu l lorsqu m n nell nessun "
                                  "presqu puisqu qu quell quest quoiqu s sant sull t tutt un v ";
static const char QUOTE_NEXT[] = "aeiouyhAEIOUYH"; /* (or any non-ASCII letter) */
static const char *const QUOTE_TAILS[][2] = {
    {"s", ""}, {"ll", ""}, {"re", ""}, {"ve", ""}, {"d", ""}, {"em", ""}, {"t", "nN"}, {"m", "I"},
};
#define NQUOTE_TAILS ((int)(sizeof QUOTE_TAILS / sizeof QUOTE_TAILS[0]))

/* s[0:len], lower-cased, in out (len + 1 bytes) when every character is ASCII: 1, else 0. */
static int ascii_lower(const Py_UCS4 *s, Py_ssize_t len, char *out)
{
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] >= 0x80)
            return 0;
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    }
    out[len] = '\0';
    return 1;
}

/* quote_signs._apostrophe_shape: the apostrophe sign at s[i], before a letter, at a word's
 * start before one or two letters, after letters before a contraction's, or after a word
 * elided before a vowel. */
static int apostrophe_shape(const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t j = i + 1;
    while (j < n && j - i <= 3 && Py_UNICODE_ISALPHA(s[j]))
        j++;
    Py_ssize_t tail = j == n || !Py_UNICODE_ISALPHA(s[j]) ? j - i - 1 : 0;
    Py_UCS4 prev = i ? s[i - 1] : ' ';
    if (!Py_UNICODE_ISALPHA(prev))
        return tail > 0 && tail <= 2 && !Py_UNICODE_ISALNUM(prev);
    Py_ssize_t k = i;
    while (k > 0 && i - k < 7 && Py_UNICODE_ISALPHA(s[k - 1]))
        k--;
    Py_ssize_t head = k == 0 || !Py_UNICODE_ISALPHA(s[k - 1]) ? i - k : 0;
    char word[10];
    if (ascii_lower(s + i + 1, tail, word)) {
        for (int t = 0; t < NQUOTE_TAILS; t++)
            if (strcmp(word, QUOTE_TAILS[t][0]) == 0
                && (QUOTE_TAILS[t][1][0] == '\0'
                    || (prev < 0x80 && strchr(QUOTE_TAILS[t][1], (int)prev) != NULL)))
                return 1;
        if (strcmp(word, "n") == 0 && head > 0 && head <= 2)
            return 1;
    }
    Py_UCS4 next = s[i + 1];
    if (head == 0 || !ascii_lower(s + k, head, word + 1))
        return 0;
    word[0] = ' ';
    word[head + 1] = ' ';
    word[head + 2] = '\0';
    return strstr(QUOTE_HEADS, word) != NULL
           && (next >= 0x80 || (next != 0 && strchr(QUOTE_NEXT, (int)next) != NULL));
}

/* quote_signs.looks_quoted: an apostrophe sign where a language writes an apostrophe; a
 * dash sign between spaces or digits; an opening sign after no letter or digit, then
 * another sign, closing, before none (or the same, when its mark pairs with itself: 16). The quick proof hands such lines on (line._looks
 * asks looks_quoted, the engine quote_signs.signs_quoted). */
static int looks_quoted(const Py_UCS4 *s, Py_ssize_t n)
{
    unsigned long opened = 0; /* bits: the table's rows of the opening signs met */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = s[i];
        if (c < 0xA1 || c >= 0x10000 || !(QUOTE_BMP[c >> 3] >> (c & 7) & 1))
            continue; /* (no sign: a compare, or a bit, for nearly every character) */
        int row = quote_row(c);
        int bits = QUOTE_SIGNS[row].kinds;
        Py_UCS4 prev = i ? s[i - 1] : ' ', next = i + 1 < n ? s[i + 1] : ' ';
        if ((bits & 1) && Py_UNICODE_ISALPHA(next) && apostrophe_shape(s, n, i))
            return 1;
        if ((bits & 2) && ((prev == ' ' && next == ' ')
                           || (Py_UNICODE_ISDIGIT(prev) && Py_UNICODE_ISDIGIT(next))))
            return 1;
        if ((bits & 8) && !Py_UNICODE_ISALNUM(next)
            && ((opened & ~(1UL << row)) || ((bits & 16) && opened)))
            return 1;
        if ((bits & 4) && !Py_UNICODE_ISALNUM(prev))
            opened |= 1UL << row;
    }
    return 0;
}

static PyObject *looks_quoted_of(const Py_UCS4 *s, Py_ssize_t n)
{
    return PyBool_FromLong(looks_quoted(s, n));
}

static PyObject *py_looks_quoted(PyObject *self, PyObject *arg)
{
    (void)self;
    const LineFacts *known = facts_of(arg);
    if (known != NULL && known->quoted >= 0)
        return PyBool_FromLong(known->quoted);
    return on_str(arg, looks_quoted_of);
}

/* (kinds by sign, ELISION_HEADS between spaces, ELISION_NEXT, CONTRACTION_TAILS): the
 * tables above, for tests/test_quote_signs.py to compare with the Python ones. */
static PyObject *py_quote_tables(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyObject *kinds = PyDict_New(), *tails = PyDict_New();
    for (int i = 0; kinds != NULL && i < NQUOTE_SIGNS; i++) {
        PyObject *key = PyUnicode_FromOrdinal((int)QUOTE_SIGNS[i].sign);
        PyObject *value = PyLong_FromLong(QUOTE_SIGNS[i].kinds);
        if (key == NULL || value == NULL || PyDict_SetItem(kinds, key, value) < 0)
            Py_CLEAR(kinds);
        Py_XDECREF(key);
        Py_XDECREF(value);
    }
    for (int t = 0; tails != NULL && t < NQUOTE_TAILS; t++) {
        PyObject *value = PyUnicode_FromString(QUOTE_TAILS[t][1]);
        if (value == NULL || PyDict_SetItemString(tails, QUOTE_TAILS[t][0], value) < 0)
            Py_CLEAR(tails);
        Py_XDECREF(value);
    }
    if (kinds == NULL || tails == NULL) {
        Py_XDECREF(kinds);
        Py_XDECREF(tails);
        return NULL;
    }
    return Py_BuildValue("(NssN)", kinds, QUOTE_HEADS, QUOTE_NEXT, tails);
}

static PyMethodDef methods[] = {
    {"init", py_init, METH_VARARGS, "Hand over the tables (textfix.repair._scan does it once)."},
    {"scan", py_scan, METH_O, "plausible._words_pass(line)."},
    {"known_word", py_known_word, METH_O, "no_repair._known(word)."},
    {"known_votes", py_known_votes, METH_VARARGS,
     "no_repair._may_name_language's votes: known tokens of at least `letters` >= need."},
    {"steps_left", py_steps_left, METH_VARARGS, "no_repair._all_fail's first pass."},
    {"changes_known_word", py_changes_known_word, METH_VARARGS,
     "no_repair._changes_known_word(text_core, cand_core) (no word boundary moved)."},
    {"init_search", py_init_search, METH_VARARGS,
     "Hand over a pattern (0: badness, 1: UTF-8 shape, 2: UTF-8 detector, with its lookbehind)."},
    {"is_bad", py_is_bad, METH_O, "ftfy.badness.BADNESS_RE.search(text) is not None."},
    {"bad_count", py_bad_count, METH_O, "ftfy.badness.badness(text): len(BADNESS_RE.findall(text))."},
    {"utf8_shape", py_utf8_shape, METH_O, "utf8.SHAPE.search(text) is not None."},
    {"init_pages", py_init_pages, METH_VARARGS, "Hand over utf8._page_bytes' masks and all pages."},
    {"alive_pages", py_alive_pages, METH_O, "utf8._alive_pages_py(text) (after init_pages)."},
    {"utf8_detected", py_utf8_detected, METH_O,
     "[m.span() for m in ftfy.chardata.UTF8_DETECTOR_RE.finditer(text)] (init_search slot 2)."},
    {"clean_line", py_clean_line, METH_O, "line.untouched's quick proof (see the C source)."},
    {"clean_document_line", py_clean_document_line, METH_O, "clean_line, a final \\r ignored."},
    {"init_behind", py_init_behind, METH_O, "Hand over the signs of gates._mac_capitals."},
    {"init_lone", py_init_lone, METH_O,
     "Hand over the signs of lone_words.lone_signs (the quick proof hands their lines on)."},
    {"lone_signs", py_lone_signs, METH_O, "lone_words.lone_signs (after init_lone)."},
    {"quick_document_line", py_quick_document_line, METH_O,
     "document.quick_line_check's answer (see the C source)."},
    {"settled_line", py_settled_line, METH_O, "line._settled's answer (see the C source)."},
    {"init_line", py_init_line, METH_VARARGS, "Hand over the line-level tables (after init)."},
    {"line_pages", py_line_pages, METH_O, "plausible._line_pages(line)."},
    {"shape", py_shape, METH_O, "plausible._Tables.shape.search(line) is not None."},
    {"utf8_pages", py_utf8_pages, METH_O, "plausible._utf8_pages(line)."},
    {"tokens", py_tokens, METH_O, "TOKEN_RE.findall(text)."},
    {"token_spans", py_token_spans, METH_O, "[m.span() for m in TOKEN_RE.finditer(text)]."},
    {"fold", py_fold, METH_O, "model._fold(text)."},
    {"bigram_mask", py_bigram_mask, METH_O, "plausible._bigram_mask(token)."},
    {"is_known", py_is_known, METH_O, "reach.is_known(folded)."},
    {"may_reach", py_may_reach, METH_O, "reach.may_reach(token), tokens of at most max_word."},
    {"becomes_word", py_becomes_word, METH_O, "reach.becomes_word(token)."},
    {"init_proof", py_init_proof, METH_VARARGS, "Hand over the character flags (after init)."},
    {"word_route", py_word_route, METH_VARARGS, "no_repair._word_route(line, core)."},
    {"shaped_steps", py_shaped_steps, METH_VARARGS, "no_repair.shaped_steps(line)."},
    THIN_ROUTE_METHODS
    {"crc32", py_crc32, METH_VARARGS, "zlib.crc32(data), or of data reversed."},
    {"word_key64", py_word_key64, METH_O, "The word index's 64-bit key of data (CRC-32 forwards, backwards)."},
    {"looks_quoted", py_looks_quoted, METH_O, "quote_signs.looks_quoted(text)."},
    {"quote_tables", py_quote_tables, METH_NOARGS,
     "quote_signs' tables as compiled: (sign_kinds(), heads, ELISION_NEXT, CONTRACTION_TAILS)."},
    {"init_accented", py_init_accented, METH_O,
     "Hand over accent_swaps._accented as one bit per BMP character (pair_shapes.py)."},
    {"pair_shapes", py_pair_shapes, METH_VARARGS,
     "pair_shapes.pair_shapes_py(text, cand): the last gate's character scans of a pair."},
    {"latin1", py_latin1, METH_O, "narrow.latin1_py(text): every character below U+0100."},
    {"init_pair_facts", py_init_pair_facts, METH_VARARGS,
     "Hand over what legacy._pair_facts calls (see _cplausible_gates.h)."},
    {"pair_facts", (PyCFunction)(void (*)(void))py_pair_facts, METH_FASTCALL,
     "legacy._pair_facts_py(text, cand) but the gates the compiled sheet leaves open (their bits"
     " handed back, shifted), or None."},
    {"init_utf8_trips", py_init_utf8_trips, METH_VARARGS,
     "Hand over the display pages' bytes and chains of legacy._utf8_round_trips."},
    {"utf8_round_trips", py_utf8_round_trips, METH_O, "legacy._utf8_round_trips_py(text)."},
    {"init_ftfy_left", py_init_ftfy_left, METH_VARARGS,
     "Hand over utf8._UNDECIDED's characters and utf8._lead_pages() (after init_pages)."},
    {"ftfy_left", py_ftfy_left, METH_O, "utf8._ftfy_left_py(text)."},
    {"init_utf8_quiet", py_init_utf8_quiet, METH_VARARGS,
     "Hand over utf8._ftfy_page_tables(), utf8._CONTINUED, _LEAD and _LAST_LEAD."},
    {"utf8_quiet", py_utf8_quiet, METH_O, "utf8._quiet_py(text)."},
    {"layer_facts", py_layer_facts, METH_O, "line._layer_facts_py(text)."},
    {"step_new", (PyCFunction)(void (*)(void))py_step_new, METH_FASTCALL | METH_KEYWORDS,
     "base.Step.__new__(cls, text, chain, confidence), without its Python frame."},
    {NULL, NULL, 0, NULL},
};

static void module_free(void *module)
{
    (void)module;
    facts_forget();
    tables_free();
    line_tables_free();
    proof_tables_free();
    utf8_trips_free();
    ftfy_left_free();
    utf8_quiet_free();
    for (int i = 0; i < NMATCHERS; i++)
        matcher_free(&M[i]);
}

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_cplausible", "The per-word part of plausible() in C.", -1, methods,
    NULL, NULL, NULL, module_free,
};

PyMODINIT_FUNC PyInit__cplausible(void)
{
    crc_init();
    fold_init();
    quote_init();
    return PyModule_Create(&module);
}

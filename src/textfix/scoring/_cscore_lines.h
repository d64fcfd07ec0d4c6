/* What legacy.arbitrate judges in ftfy's UTF-8 repair of a line, and the language a line's
 * words name, each in one compiled call.
 *
 * Included by _cscore.c after its spans code (span_widens) and Tables (line_votes_of).
 * References, which the tests compare them with: judged_after,
 * textfix.repair.legacy._judged_after_utf8_py (with spans._changed_spans_py and
 * legacy._words_changed_by); language_votes, line_language.line_language's own path
 * (prose, then model.line_votes). */

/* One changed span: old[a0:a1] became new[b0:b1]. */
typedef struct {
    Py_ssize_t a0, a1, b0, b1;
} LineSpan;

/* legacy._JUDGED_PIECE's characters: ASCII letters, and non-ASCII but for U+FFFD. */
static int judged_piece_char(Py_UCS4 c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    return c != 0xFFFD;
}

/* legacy._WORD_CHAR: no space, no ASCII punctuation (!-/ :-@ [-` {-~). */
static int judged_word_char(Py_UCS4 c)
{
    if (c < 0x80 && ((c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40)
                     || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)))
        return 0;
    return !Py_UNICODE_ISSPACE(c);
}

/* The next match of legacy._CORE_WORD (W*[^\x00-\x7f]W*, W as judged_word_char) in
 * data[*start:n], as the regex engine finds it: *start moves to where it starts, *end to
 * where it ends; 0 when there is none. From a start the run of W characters is read; a
 * non-ASCII character ending it (a non-ASCII space) takes the run after it too; a run
 * with no non-ASCII character holds no match (as _cgates' core_words). */
static int judged_core_word(int kind, const void *data, Py_ssize_t n, Py_ssize_t *start,
                            Py_ssize_t *end)
{
    for (Py_ssize_t p = *start; p < n;) {
        Py_ssize_t q = p;
        int wide = 0;
        for (; q < n && judged_word_char(PyUnicode_READ(kind, data, q)); q++)
            wide |= PyUnicode_READ(kind, data, q) >= 0x80;
        if (q < n && PyUnicode_READ(kind, data, q) >= 0x80) {
            for (q++; q < n && judged_word_char(PyUnicode_READ(kind, data, q)); q++)
                ;
        } else if (!wide) {
            p = q + 1;
            continue;
        }
        *start = p;
        *end = q;
        return 1;
    }
    return 0;
}

/* Appends span to spans (*count of them, *cap allocated); -1 when out of memory. */
static int judged_add(LineSpan **spans, Py_ssize_t *count, Py_ssize_t *cap, LineSpan span)
{
    if (*count == *cap) {
        Py_ssize_t grown = *cap ? *cap * 2 : 8;
        LineSpan *more = PyMem_Realloc(*spans, (size_t)grown * sizeof(LineSpan));
        if (more == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *spans = more;
        *cap = grown;
    }
    (*spans)[(*count)++] = span;
    return 0;
}

/* Appends text[start:end] to list; -1 on error. */
static int judged_append(PyObject *list, PyObject *text, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *piece = PyUnicode_Substring(text, start, end);
    if (piece == NULL)
        return -1;
    int failed = PyList_Append(list, piece);
    Py_DECREF(piece);
    return failed;
}

/* spans._changed_spans(old, new) into *spans (*count of them): the common prefix and
 * suffix trimmed, the differing blocks (position by position for one length, else diff's:
 * spans._differences' aligner, compiled _cgates.diff_blocks or spans._aligned), each
 * widened over equal non-ASCII non-spaces and merged with the one before when no space
 * stands between them; past max_align differing characters one unwidened span. -1 on
 * error. */
static int judged_spans(PyObject *old, PyObject *new, PyObject *diff, Py_ssize_t max_align,
                        LineSpan **spans, Py_ssize_t *count)
{
    Py_ssize_t na = PyUnicode_GET_LENGTH(old), nb = PyUnicode_GET_LENGTH(new);
    int ka = PyUnicode_KIND(old), kb = PyUnicode_KIND(new);
    const void *da = PyUnicode_DATA(old), *db = PyUnicode_DATA(new);
#define A(i) PyUnicode_READ(ka, da, (i))
#define B(i) PyUnicode_READ(kb, db, (i))
    Py_ssize_t cap = 0;
    *count = 0;
    Py_ssize_t top = na < nb ? na : nb;
    Py_ssize_t lo = 0;
    while (lo < top && A(lo) == B(lo))
        lo++;
    if (lo == top && na == nb)
        return 0; /* (the same text) */
    Py_ssize_t tail = 0;
    while (tail < top && A(na - 1 - tail) == B(nb - 1 - tail))
        tail++;
    if (tail > top - lo)
        tail = top - lo;
    Py_ssize_t hi_old = na - tail, hi_new = nb - tail;
    if ((hi_old - lo > hi_new - lo ? hi_old - lo : hi_new - lo) > max_align) {
        LineSpan whole = {lo, hi_old, lo, hi_new};
        return judged_add(spans, count, &cap, whole);
    }
    /* the differing blocks */
    LineSpan *blocks = NULL;
    Py_ssize_t nblocks = 0, bcap = 0;
    if (na == nb) {
        Py_ssize_t i = lo;
        while (i < hi_old) {
            if (A(i) == B(i)) {
                i++;
                continue;
            }
            Py_ssize_t j = i + 1;
            while (j < hi_old && A(j) != B(j))
                j++;
            LineSpan block = {i, j, i, j};
            if (judged_add(&blocks, &nblocks, &bcap, block) < 0)
                goto fail;
            i = j;
        }
    } else {
        PyObject *found = PyObject_CallFunction(diff, "OOnnn", old, new, lo, hi_old, hi_new);
        if (found == NULL)
            goto fail;
        PyObject *seq = PySequence_Fast(found, "diff: a sequence is needed");
        Py_DECREF(found);
        if (seq == NULL)
            goto fail;
        for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
            LineSpan block;
            if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "nnnn", &block.a0,
                                  &block.a1, &block.b0, &block.b1)
                || judged_add(&blocks, &nblocks, &bcap, block) < 0) {
                Py_DECREF(seq);
                goto fail;
            }
        }
        Py_DECREF(seq);
    }
    for (Py_ssize_t i = 0; i < nblocks; i++) {
        LineSpan s = blocks[i];
        if (s.a0 < 0 || s.a1 > na || s.b0 < 0 || s.b1 > nb || s.a0 > s.a1 || s.b0 > s.b1) {
            PyErr_SetString(PyExc_ValueError, "judged_after: a block out of the texts");
            goto fail;
        }
        while (s.a0 > 0 && s.b0 > 0 && span_widens(A(s.a0 - 1)) && A(s.a0 - 1) == B(s.b0 - 1)) {
            s.a0--;
            s.b0--;
        }
        while (s.a1 < na && s.b1 < nb && span_widens(A(s.a1)) && A(s.a1) == B(s.b1)) {
            s.a1++;
            s.b1++;
        }
        if (*count) {
            LineSpan *last = &(*spans)[*count - 1];
            int spaced = 0;
            for (Py_ssize_t g = last->a1; g < s.a0 && !spaced; g++)
                spaced = Py_UNICODE_ISSPACE(A(g));
            if (s.a0 <= last->a1 || !spaced) {
                if (s.a1 > last->a1)
                    last->a1 = s.a1;
                if (s.b1 > last->b1)
                    last->b1 = s.b1;
                continue;
            }
        }
        if (judged_add(spans, count, &cap, s) < 0)
            goto fail;
    }
    PyMem_Free(blocks);
    return 0;
fail:
    PyMem_Free(blocks);
    return -1;
#undef A
#undef B
}

/* legacy._judged_after_utf8(text, fixed): the words fixed changed in text (each span of
 * the fixed side widened over the letters around it; where UTF-8 was read, the span got
 * shorter, only its pieces of _JUDGED_PIECE characters with a non-ASCII character and a
 * letter), then the core words (legacy._CORE_WORD) of fixed with a letter that no span
 * touches, joined by spaces and stripped. */
static PyObject *py_judged_after(PyObject *self, PyObject *args)
{
    PyObject *text, *fixed, *diff;
    Py_ssize_t max_align;
    (void)self;
    if (!PyArg_ParseTuple(args, "UUOn:judged_after", &text, &fixed, &diff, &max_align))
        return NULL;
    LineSpan *spans = NULL;
    Py_ssize_t count = 0;
    if (judged_spans(text, fixed, diff, max_align, &spans, &count) < 0) {
        PyMem_Free(spans);
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(fixed);
    int kf = PyUnicode_KIND(fixed);
    const void *df = PyUnicode_DATA(fixed);
#define F(i) PyUnicode_READ(kf, df, (i))
    PyObject *parts = PyList_New(1), *words = PyList_New(0), *joined = NULL, *out = NULL;
    if (parts == NULL || words == NULL)
        goto done;
    for (Py_ssize_t s = 0; s < count; s++) {
        Py_ssize_t b0 = spans[s].b0, b1 = spans[s].b1;
        int decoded = b1 - b0 < spans[s].a1 - spans[s].a0;
        while (b0 > 0 && Py_UNICODE_ISALPHA(F(b0 - 1)))
            b0--;
        while (b1 < n && Py_UNICODE_ISALPHA(F(b1)))
            b1++;
        if (!decoded) {
            if (judged_append(words, fixed, b0, b1) < 0)
                goto done;
            continue;
        }
        Py_ssize_t i = b0;
        while (i < b1) {
            if (!judged_piece_char(F(i))) {
                i++;
                continue;
            }
            Py_ssize_t start = i;
            int wide = 0, alpha = 0;
            for (; i < b1 && judged_piece_char(F(i)); i++) {
                wide |= F(i) >= 0x80;
                alpha |= Py_UNICODE_ISALPHA(F(i));
            }
            if (wide && alpha && judged_append(words, fixed, start, i) < 0)
                goto done;
        }
    }
    PyObject *sep = PyUnicode_FromOrdinal(' ');
    if (sep == NULL)
        goto done;
    joined = PyUnicode_Join(sep, words);
    if (joined == NULL) {
        Py_DECREF(sep);
        goto done;
    }
    PyList_SET_ITEM(parts, 0, joined);
    joined = NULL;
    /* the core words no span touches (spans and words both run left to right) */
    Py_ssize_t k = 0, p = 0, end;
    while (judged_core_word(kf, df, n, &p, &end)) {
        while (k < count && spans[k].b1 <= p)
            k++;
        int touched = k < count && spans[k].b0 < end;
        int alpha = 0;
        for (Py_ssize_t i = p; i < end && !alpha; i++)
            alpha = Py_UNICODE_ISALPHA(F(i));
        if (!touched && alpha && judged_append(parts, fixed, p, end) < 0) {
            Py_DECREF(sep);
            goto done;
        }
        p = end;
    }
    joined = PyUnicode_Join(sep, parts);
    Py_DECREF(sep);
    if (joined != NULL)
        out = PyObject_CallMethod(joined, "strip", NULL);
done:
#undef F
    PyMem_Free(spans);
    Py_XDECREF(parts);
    Py_XDECREF(words);
    Py_XDECREF(joined);
    return out;
}

/* line_language.line_language(text) at once for a line that is its own prose (no "%",
 * "{", "<", "&" nor "://": nothing line_language.prose blanks): Tables.line_votes with the
 * language's code, (code or None, its votes, the runner-up's); None for any other line
 * (Python blanks its placeholders first). Arguments: the tables, the word lookup
 * (model.word_lookup()), vote_letters, the line. */
static PyObject *py_language_votes(PyObject *self, PyObject *args)
{
    PyObject *tables, *word_langs, *text;
    Py_ssize_t vote_letters;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!OnU:language_votes", &TablesType, &tables, &word_langs,
                          &vote_letters, &text))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '%' || c == '{' || c == '<' || c == '&')
            Py_RETURN_NONE;
        if (c == ':' && i + 2 < n && PyUnicode_READ(kind, data, i + 1) == '/'
            && PyUnicode_READ(kind, data, i + 2) == '/')
            Py_RETURN_NONE;
    }
    Tables *t = (Tables *)tables;
    WordSource source;
    word_source_set(&source, word_langs);
    Py_DECREF(source.call); /* (borrowed for the call) */
    int best;
    Py_ssize_t top, second;
    if (line_votes_of(t, text, &source, vote_letters, &best, &top, &second) < 0)
        return NULL;
    if (best < 0)
        return Py_BuildValue("(Onn)", Py_None, (Py_ssize_t)0, (Py_ssize_t)0);
    return Py_BuildValue("(Onn)", t->models[best].code_obj, top, second);
}

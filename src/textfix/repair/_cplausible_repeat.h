/* finditer of a repeated alternation after a one-class lookbehind, (?<![...])(A|B|...)+:
 * ftfy's UTF8_DETECTOR_RE (read by textfix/repair/_badness.repeated_program, which checks
 * the shape). Part of _cplausible.c, included after _cplausible_match.h. */
#ifndef _CPLAUSIBLE_REPEAT_H
#define _CPLAUSIBLE_REPEAT_H

/* Whether m's lookbehind refuses a match starting at i: the character before i is in its
 * class (at the start of the line nothing is behind, and a negative lookbehind holds). */
static int behind_refuses(const Matcher *m, const Py_UCS4 *s, Py_ssize_t i)
{
    if (m->behind < 0 || i == 0)
        return 0;
    const BadClass *c = &m->classes[m->behind];
    Py_UCS4 ch = s[i - 1];
    return class_accepts(c, map_get(&c->chars, ch, MAP_EMPTY) != MAP_EMPTY, category_bits(ch));
}

/* The start of the next match of m's pattern at or after *i (re's finditer: at each
 * position the lookbehind allows, the first alternative that matches there, then the first
 * that matches right after it while one does), its end put in *i; -1 for none. Nothing
 * follows the repeat in the pattern, so re never backtracks into it; after a match of 2+
 * characters, the search goes on at its end. */
static Py_ssize_t next_span(const Matcher *m, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t *i)
{
    while (*i < n) {
        Py_ssize_t len = first_match(m, s, n, *i);
        if (len == 0 || behind_refuses(m, s, *i)) {
            ++*i;
            continue;
        }
        Py_ssize_t start = *i;
        do
            *i += len;
        while (*i < n && (len = first_match(m, s, n, *i)) > 0);
        return start;
    }
    return -1;
}

/* [match.span() for match in pattern.finditer(line)] for m's pattern (next_span). */
static PyObject *repeated_spans(const Matcher *m, const Py_UCS4 *s, Py_ssize_t n)
{
    PyObject *out = PyList_New(0);
    Py_ssize_t end = 0, start;
    while (out != NULL && (start = next_span(m, s, n, &end)) >= 0) {
        PyObject *span = Py_BuildValue("(nn)", start, end);
        if (span == NULL || PyList_Append(out, span) < 0)
            Py_CLEAR(out);
        Py_XDECREF(span);
    }
    return out;
}

#endif /* _CPLAUSIBLE_REPEAT_H */

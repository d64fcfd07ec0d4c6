/* The facts of one line handed on between calls on the very same str object: a one-entry
 * memo, not a cache of lines. document.quick_line_check's call (quick_document_line) proves
 * or sends on the line; when it sends it on, the engine's front (_cgates.front) asks
 * lone_signs, looks_quoted and line_pages of that very object, which the proof has just
 * answered. The memo holds a reference to the line, so the object it names cannot be
 * another string (exact); each init_* forgets it (the answers read the tables).
 * Part of _cplausible.c (one compilation unit: included there, after Python.h). */
#ifndef _CPLAUSIBLE_MEMO_H
#define _CPLAUSIBLE_MEMO_H

typedef struct {
    PyObject *line;   /* (the memo's key; unused in Found) */
    int lone, quoted; /* lone_sign, looks_quoted: 0 or 1, -1 not known */
    long long pages;  /* line_pages (-1 or pages), -3 not known */
    int complete;     /* (Found: quick_document_line answered for the whole str) */
} LineFacts;

static LineFacts Facts = {NULL, -1, -1, -3, 0}; /* the memo */
static LineFacts Found = {NULL, -1, -1, -3, 0}; /* what the running clean_line found */

static void facts_forget(void)
{
    Py_CLEAR(Facts.line);
    Facts.lone = Facts.quoted = -1;
    Facts.pages = -3;
}

static void found_reset(void)
{
    Found.lone = Found.quoted = -1;
    Found.pages = -3;
    Found.complete = 0;
}

/* Keep what quick_document_line found of line (when it answered for all of it). */
static void facts_keep(PyObject *line)
{
    if (!Found.complete)
        return;
    Py_INCREF(line);
    Py_XSETREF(Facts.line, line);
    Facts.lone = Found.lone;
    Facts.quoted = Found.quoted;
    Facts.pages = Found.pages;
}

/* The memo when it is of this very object, else NULL. */
static const LineFacts *facts_of(PyObject *line)
{
    return line == Facts.line ? &Facts : NULL;
}

#endif /* _CPLAUSIBLE_MEMO_H */

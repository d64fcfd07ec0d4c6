/* The shortlist loop of textfix.repair.legacy.candidates in C (identical results): each
 * shortlisted round trip's _beaten cut, full score, named chain, word shares and every
 * rank term.  Included by _cscore.c after the Tables and Pool types (it reads both). */

/* The signs legacy._letters_to_symbols lets off where they pair up, and the script stops
 * (legacy._QUOTES, _APOSTROPHES, _SCRIPT_STOPS with each stop's first and last letter,
 * _BEFORE_STOP, _PAIRS as open and close), handed over from Python (ready 0: Python's
 * _letters_to_symbols is asked). */
#define LET_OFF_CHARS 16
typedef struct {
    Py_UCS4 quotes[LET_OFF_CHARS], apostrophes[LET_OFF_CHARS], stops[LET_OFF_CHARS];
    Py_UCS4 stop_lo[LET_OFF_CHARS], stop_hi[LET_OFF_CHARS], before[LET_OFF_CHARS];
    Py_UCS4 pairs[2 * LET_OFF_CHARS];
    Py_ssize_t n_quotes, n_apostrophes, n_stops, n_before, n_pairs;
    int ready;
} LetOff;

/* What the rank needs of a chain's first step (true, shown), set up from Python. */
typedef struct {
    double prior;       /* legacy._prior_cost of a chain starting with the step */
    uint64_t fits;      /* models m with chains.fits(true, m) */
    uint64_t lang_mask; /* legacy._lang_mask(true, None) */
    Py_ssize_t shown;   /* the display code page's number (its charset) */
    uint64_t family;    /* the models of chains.family_langs(true) */
} RankStep;

#define CHARSET_BYTES (BMP / 8)

/* The rank formula's constants (legacy's, handed over on each call). */
typedef struct {
    double word_bonus, coverage_bonus, lang_mismatch, symbol_for_letter, new_odd_case,
        lacked_letter, evidence_letters, bound_slack, freq_bonus, max_band;
} RankConstants;

/* A step object met before and its number in ``rsteps`` (the object held: while it
 * lives no other takes its address, and a tuple's value never changes). */
typedef struct {
    PyObject *step;
    Py_ssize_t row;
} SeenStep;

#define SEEN_STEPS 512 /* (a power of two: direct-mapped by address) */

typedef struct {
    PyObject_HEAD
    PyObject *steps;      /* (true, shown) -> its number in ``rsteps`` */
    SeenStep seen[SEEN_STEPS]; /* ``steps`` asked by address first (no tuple hashed) */
    RankStep *rsteps;
    Py_ssize_t n_steps;
    uint8_t *charsets;    /* per display code page: a BMP bit set of what it encodes */
    Py_ssize_t n_shown;
    PyObject *named;      /* text -> model number line_language names (-1: none) */
    PyObject *lead;       /* text -> model number of line_language's leader (-1: none) */
    PyObject *to_symbols; /* legacy._letters_to_symbols, for lost quotes and apostrophes */
    Py_UCS4 paired[16];   /* those quotes and apostrophes */
    Py_ssize_t n_paired;
    LetOff let_off;       /* ... and how _letters_to_symbols lets them off (if ready) */
    PyObject *oddity;     /* character no step changes -> its _oddity (see oddity_of) */
    PyObject *oddities;   /* ... asked once per character: {ch: that} */
    /* what legacy._lead_index's compiled count reads besides the line (lead_edge NULL:
     * ask ``lead``): its word lookup, edge, most languages, vote letters, and form_lead's
     * (endings, longest, compounding), stem and depth */
    WordSource lead_words;
    PyObject *lead_edge, *endings;
    Py_ssize_t lead_langs, vote_letters, longest, stem;
    uint64_t compounding;
    int depth;
    /* line_language's named model worked out here with lead_words' lookup (named_ready 0:
     * ``named`` is asked): its vote letters, the votes it needs and the lead over the next */
    Py_ssize_t named_letters, named_votes, named_lead;
    PyObject *prose; /* line_language.prose, for a line that is not its own prose */
    int named_ready;
    /* what the returned candidates are made of (``made``): legacy.Candidate (a tuple
     * subclass, filled in place; its score made by the Tables), legacy._line_after (for a
     * chain of no pool step) and per step its number in the pool (-1: none) */
    PyTypeObject *cand_type;
    PyObject *line_after;
    Py_ssize_t *pool_step;
    PyObject *consts; /* the last constants tuple read (its items compared by identity) */
    RankConstants k;  /* ... and its values */
    void *looks_room; /* a call's looks (see looks_take), kept between calls */
    Py_ssize_t looks_cap;
    int looks_busy;
} Ranking;


static void
Ranking_dealloc(Ranking *self)
{
    Py_XDECREF(self->steps);
    for (Py_ssize_t i = 0; i < SEEN_STEPS; i++) {
        Py_XDECREF(self->seen[i].step);
    }
    Py_XDECREF(self->named);
    Py_XDECREF(self->lead);
    Py_XDECREF(self->to_symbols);
    Py_XDECREF(self->oddity);
    Py_XDECREF(self->oddities);
    Py_XDECREF(self->lead_words.call);
    Py_XDECREF(self->lead_edge);
    Py_XDECREF(self->endings);
    Py_XDECREF(self->consts);
    Py_XDECREF(self->prose);
    Py_XDECREF(self->cand_type);
    Py_XDECREF(self->line_after);
    PyMem_Free(self->pool_step);
    PyMem_Free(self->rsteps);
    PyMem_Free(self->charsets);
    PyMem_Free(self->looks_room);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The characters of the str ``s`` into ``out`` (at most LET_OFF_CHARS), how many in *n;
 * -1 on error. */
static int
let_off_chars(PyObject *s, Py_UCS4 *out, Py_ssize_t *n)
{
    if (!PyUnicode_Check(s) || PyUnicode_GET_LENGTH(s) > LET_OFF_CHARS) {
        PyErr_SetString(PyExc_ValueError, "let_off: str of at most 16 characters");
        return -1;
    }
    *n = PyUnicode_GET_LENGTH(s);
    for (Py_ssize_t i = 0; i < *n; i++) {
        out[i] = PyUnicode_READ_CHAR(s, i);
    }
    return 0;
}

/* The LetOff of the tuple ``t`` (see Ranking_init); -1 on error. */
static int
let_off_of(PyObject *t, LetOff *lo)
{
    PyObject *quotes, *apostrophes, *stops, *ranges, *before, *pairs;
    Py_UCS4 range[2 * LET_OFF_CHARS];
    Py_ssize_t n_range;
    if (!PyArg_ParseTuple(t, "UUUUUU", &quotes, &apostrophes, &stops, &ranges, &before,
                          &pairs)) {
        return -1;
    }
    if (let_off_chars(quotes, lo->quotes, &lo->n_quotes) < 0 ||
        let_off_chars(apostrophes, lo->apostrophes, &lo->n_apostrophes) < 0 ||
        let_off_chars(stops, lo->stops, &lo->n_stops) < 0 ||
        let_off_chars(before, lo->before, &lo->n_before) < 0) {
        return -1;
    }
    if (PyUnicode_GET_LENGTH(ranges) != 2 * lo->n_stops ||
        PyUnicode_GET_LENGTH(pairs) > 2 * LET_OFF_CHARS || PyUnicode_GET_LENGTH(pairs) % 2) {
        PyErr_SetString(PyExc_ValueError, "let_off: two letters a stop, two signs a pair");
        return -1;
    }
    n_range = PyUnicode_GET_LENGTH(ranges);
    for (Py_ssize_t i = 0; i < n_range; i++) {
        range[i] = PyUnicode_READ_CHAR(ranges, i);
    }
    for (Py_ssize_t i = 0; i < lo->n_stops; i++) {
        lo->stop_lo[i] = range[2 * i];
        lo->stop_hi[i] = range[2 * i + 1];
    }
    lo->n_pairs = PyUnicode_GET_LENGTH(pairs) / 2;
    for (Py_ssize_t i = 0; i < 2 * lo->n_pairs; i++) {
        lo->pairs[i] = PyUnicode_READ_CHAR(pairs, i);
    }
    lo->ready = 1;
    return 0;
}

/* Ranking(steps, infos, charsets, named, lead, to_symbols, paired, oddity, lead_words,
 * made, named_votes=None, let_off=None): ``steps`` maps each (true, shown) step to its row of ``infos``, (prior cost, fits
 * mask, language mask, display code page number, family mask); ``charsets`` holds each
 * display code page's characters (all in the BMP); ``lead_words`` is None (``lead`` is
 * asked) or what _lead_index's compiled count reads: (word lookup, edge, most languages,
 * vote letters, (endings, longest, compounding), stem, depth); ``made`` is (Candidate,
 * _line_after, each step's pool number); ``named_votes`` is None (``named`` is asked) or
 * line_language's (VOTE_LETTERS, LINE_VOTES, LEAD, prose), counted here (with
 * ``lead_words``' lookup) over the line's prose; ``let_off`` is None (``to_symbols`` is asked of a
 * lost paired sign) or (quotes, apostrophes, script stops, each stop's first and last
 * letter, what may stand before a stop, open and close of each pair), all str. */
static int
Ranking_init(Ranking *self, PyObject *args, PyObject *kwds)
{
    PyObject *steps, *infos, *charsets, *named, *lead, *to_symbols, *paired, *oddity;
    PyObject *lead_words, *made, *cand_type, *line_after, *pool_steps, *named_votes = Py_None;
    PyObject *let_off = Py_None;
    static char *kwlist[] = {"steps",      "infos", "charsets",    "named",  "lead",
                             "to_symbols", "paired", "oddity",     "lead_words", "made",
                             "named_votes", "let_off", NULL};
    if (self->rsteps != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Ranking already initialised");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!O!OOOUOOO!|OO", kwlist, &PyDict_Type,
                                     &steps, &PyList_Type, &infos, &PyList_Type, &charsets,
                                     &named, &lead, &to_symbols, &paired, &oddity, &lead_words,
                                     &PyTuple_Type, &made, &named_votes, &let_off)) {
        return -1;
    }
    if (let_off != Py_None && let_off_of(let_off, &self->let_off) < 0) {
        return -1;
    }
    if (!PyArg_ParseTuple(made, "O!OO!", &PyType_Type, &cand_type, &line_after, &PyList_Type,
                          &pool_steps)) {
        return -1;
    }
    if (!PyType_IsSubtype((PyTypeObject *)cand_type, &PyTuple_Type) ||
        PyList_GET_SIZE(pool_steps) != PyList_GET_SIZE(infos)) {
        PyErr_SetString(PyExc_TypeError, "made: a tuple type and a pool number per step");
        return -1;
    }
    if (lead_words != Py_None) {
        PyObject *lookup, *edge, *endings;
        unsigned long long compounding;
        if (!PyArg_ParseTuple(lead_words, "OUnn(O!nK)ni", &lookup, &edge, &self->lead_langs,
                              &self->vote_letters, &PyDict_Type, &endings, &self->longest,
                              &compounding, &self->stem, &self->depth)) {
            return -1;
        }
        word_source_set(&self->lead_words, lookup);
        Py_INCREF(edge);
        self->lead_edge = edge;
        Py_INCREF(endings);
        self->endings = endings;
        self->compounding = (uint64_t)compounding;
        if (named_votes != Py_None) {
            PyObject *prose;
            if (!PyArg_ParseTuple(named_votes, "nnnO", &self->named_letters, &self->named_votes,
                                  &self->named_lead, &prose)) {
                return -1;
            }
            Py_INCREF(prose);
            Py_XSETREF(self->prose, prose);
            self->named_ready = 1;
        }
    }
    Py_ssize_t n = PyList_GET_SIZE(infos), n_shown = PyList_GET_SIZE(charsets);
    if (PyUnicode_GET_LENGTH(paired) > 16) {
        PyErr_SetString(PyExc_ValueError, "at most 16 paired signs");
        return -1;
    }
    self->rsteps = PyMem_Calloc((size_t)n + 1, sizeof(RankStep));
    self->charsets = PyMem_Calloc((size_t)n_shown * CHARSET_BYTES + 1, 1);
    self->pool_step = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    if (self->rsteps == NULL || self->charsets == NULL || self->pool_step == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        self->pool_step[i] = PyLong_AsSsize_t(PyList_GET_ITEM(pool_steps, i));
        if (self->pool_step[i] == -1 && PyErr_Occurred()) {
            return -1;
        }
        RankStep *rs = &self->rsteps[i];
        unsigned long long fits, mask, family;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(infos, i), "dKKnK", &rs->prior, &fits, &mask,
                              &rs->shown, &family)) {
            return -1;
        }
        if (rs->shown < 0 || rs->shown >= n_shown) {
            PyErr_SetString(PyExc_IndexError, "display code page out of range");
            return -1;
        }
        rs->fits = (uint64_t)fits;
        rs->lang_mask = (uint64_t)mask;
        rs->family = (uint64_t)family;
    }
    for (Py_ssize_t s = 0; s < n_shown; s++) {
        PyObject *chars = PyList_GET_ITEM(charsets, s);
        if (!PyUnicode_Check(chars)) {
            PyErr_SetString(PyExc_TypeError, "charsets are str");
            return -1;
        }
        uint8_t *bits = self->charsets + s * CHARSET_BYTES;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(chars); i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(chars, i);
            if (ch >= BMP) {
                PyErr_SetString(PyExc_ValueError, "charsets are in the BMP");
                return -1;
            }
            bits[ch >> 3] |= (uint8_t)(1 << (ch & 7));
        }
    }
    self->n_paired = PyUnicode_GET_LENGTH(paired);
    for (Py_ssize_t i = 0; i < self->n_paired; i++) {
        self->paired[i] = PyUnicode_READ_CHAR(paired, i);
    }
    self->n_steps = n;
    self->n_shown = n_shown;
    Py_INCREF(steps);
    self->steps = steps;
    Py_INCREF(named);
    self->named = named;
    Py_INCREF(lead);
    self->lead = lead;
    Py_INCREF(to_symbols);
    self->to_symbols = to_symbols;
    Py_INCREF(oddity);
    self->oddity = oddity;
    Py_INCREF(cand_type);
    self->cand_type = (PyTypeObject *)cand_type;
    Py_INCREF(line_after);
    self->line_after = line_after;
    self->oddities = PyDict_New();
    return self->oddities == NULL ? -1 : 0;
}

/* legacy._share of the words for ``mask``: the share and the evidence. */
static void
share_of(const Changed *w, uint64_t mask, double evidence_letters, double *share, double *evidence)
{
    Py_ssize_t letters = 0, known = 0;
    for (Py_ssize_t i = 0; i < w->n; i++) {
        letters += w->letters[i];
        if (w->langs[i] & mask) {
            known += w->letters[i];
        }
    }
    if (!letters) {
        *share = *evidence = 0.0;
        return;
    }
    *share = (double)known / (double)letters;
    double weight = (double)letters / evidence_letters;
    *evidence = *share * (weight < 1.0 ? weight : 1.0);
}

/* legacy._lead_band: the lowest band of the changed words ``w`` in the language of model
 * index ``lead`` (0 with none); -2 where Python must decide (a word looked up by Python). */
static int
lead_band(const Pool *pool, const Changed *w, int lead)
{
    const Words *words = pool->word_langs.words;
    int least = -1;
    for (Py_ssize_t i = 0; i < w->n; i++) {
        if (w->slots[i] == -2 || words == NULL) {
            return -2;
        }
        int band = words_slot_band(words, w->slots[i], lead);
        least = least < 0 || band < least ? band : least;
    }
    return least < 0 ? 0 : least;
}

/* legacy._beaten's first bounds: 1 if the candidate's rank is surely below ``rank``, 0 if
 * not (then the bound without the word bonus in *top, the share and evidence of its words
 * known in any language in *share and *evidence), -1 on error, -2 where Python must decide
 * (``quick``: model._quick of the candidate); legacy._changed of it in *changed. */
static int
beaten(Pool *pool, Tables *tables, PyObject *text_core, PyObject *cand, const Quick *quick,
       double rank, const RankConstants *k, Changed *w, double *top_out, double *share,
       double *evidence, Py_ssize_t *changed)
{
    double bound;
    int status = bound_of(tables, quick->joined, quick->len, quick->cost, quick->count, &bound);
    if (status != 0) {
        return status < 0 ? -1 : -2;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(text_core);
    double top = bound + k->bound_slack;
    *changed = changed_of(text_core, cand); /* (the rank reads it again) */
    top += k->coverage_bonus * (double)*changed / (double)(len > 1 ? len : 1);
    *top_out = top;
    if (top + k->word_bonus + k->freq_bonus * k->max_band < rank) {
        return 1;
    }
    if (changed_words_of(pool, text_core, cand, w) < 0) {
        return -1;
    }
    share_of(w, ~(uint64_t)0, k->evidence_letters, share, evidence);
    /* (the line's leader may give all known words full weight and a frequency bonus) */
    if (*share == 1.0) {
        return top + k->word_bonus + k->freq_bonus * k->max_band < rank;
    }
    return top + k->word_bonus * *evidence < rank;
}

/* Where ``ch`` is among the ``n`` characters of ``set`` (-1: not). */
static inline Py_ssize_t
char_at(const Py_UCS4 *set, Py_ssize_t n, Py_UCS4 ch)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (set[i] == ch) {
            return i;
        }
    }
    return -1;
}

/* legacy._script_stop_at(cand, i): cand[i] is a stop after a word of its script (past
 * what may stand before a stop), before a space or the end. */
static int
script_stop_at(const LetOff *lo, int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    Py_ssize_t s = char_at(lo->stops, lo->n_stops, PyUnicode_READ(kind, data, i));
    if (s < 0 || !(i + 1 == n || Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i + 1)))) {
        return 0;
    }
    Py_ssize_t j = i; /* (cand[:i].rstrip(_BEFORE_STOP)) */
    while (j > 0 && char_at(lo->before, lo->n_before, PyUnicode_READ(kind, data, j - 1)) >= 0) {
        j--;
    }
    if (j == 0) {
        return 0;
    }
    Py_UCS4 before = PyUnicode_READ(kind, data, j - 1);
    return lo->stop_lo[s] <= before && before <= lo->stop_hi[s];
}

/* legacy._balanced_quotes(text, cand) (as long): the only symbols the candidate adds are
 * quotation marks (stops where they stand aside), and each pair's open and close come as
 * often; -1 on error. */
static int
balanced_quotes(Pool *pool, const LetOff *lo, Pair p)
{
    int added = 0;
    for (Py_ssize_t i = 0; i < p.n; i++) {
        Py_UCS4 a = PyUnicode_READ(p.tkind, p.tdata, i), b = PyUnicode_READ(p.kind, p.data, i);
        if (a == b) {
            continue;
        }
        int fb = pool_flags(pool, b);
        if (fb < 0) {
            return -1;
        }
        if (fb & P_TOKEN || script_stop_at(lo, p.kind, p.data, p.n, i)) {
            continue;
        }
        if (char_at(lo->quotes, lo->n_quotes, b) < 0) {
            return 0;
        }
        added = 1;
    }
    for (Py_ssize_t k = 0; added && k < lo->n_pairs; k++) {
        Py_ssize_t open = 0, close = 0;
        for (Py_ssize_t i = 0; i < p.n; i++) {
            Py_UCS4 c = PyUnicode_READ(p.kind, p.data, i);
            open += c == lo->pairs[2 * k];
            close += c == lo->pairs[2 * k + 1];
        }
        added = open == close;
    }
    return added;
}

/* legacy._added_apostrophes_paired(text, cand): an even number (not none) of apostrophes
 * added, none between letters. */
static int
apostrophes_paired(const LetOff *lo, Pair p)
{
    Py_ssize_t added = 0;
    for (Py_ssize_t i = 0; i < p.n; i++) {
        Py_UCS4 a = PyUnicode_READ(p.tkind, p.tdata, i), b = PyUnicode_READ(p.kind, p.data, i);
        if (a == b || char_at(lo->apostrophes, lo->n_apostrophes, b) < 0) {
            continue;
        }
        int between = 0 < i && i < p.n - 1 &&
                      Py_UNICODE_ISALPHA(PyUnicode_READ(p.kind, p.data, i - 1)) &&
                      Py_UNICODE_ISALPHA(PyUnicode_READ(p.kind, p.data, i + 1));
        added += !between;
    }
    return added > 0 && added % 2 == 0;
}

/* legacy._script_stops_made(text, cand). */
static Py_ssize_t
script_stops_made(const LetOff *lo, Pair p)
{
    Py_ssize_t made = 0;
    for (Py_ssize_t i = 0; i < p.n; i++) {
        Py_UCS4 a = PyUnicode_READ(p.tkind, p.tdata, i), b = PyUnicode_READ(p.kind, p.data, i);
        made += a != b && Py_UNICODE_ISALPHA(a) && script_stop_at(lo, p.kind, p.data, p.n, i);
    }
    return made;
}

/* The lost letters ``lost[:n]`` without those among ``set[:n_set]``: how many are left. */
static Py_ssize_t
lost_without(Py_UCS4 *lost, Py_ssize_t n, const Py_UCS4 *set, Py_ssize_t n_set)
{
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (char_at(set, n_set, lost[i]) < 0) {
            lost[kept++] = lost[i];
        }
    }
    return kept;
}

/* legacy._letters_to_symbols of the lost letters ``lost[:n]`` (``p``: text and cand, as
 * long): the quotation marks and apostrophes that pair up let off, the script stops made
 * counted off; -1 on error. */
static Py_ssize_t
let_off_lost(Pool *pool, const LetOff *lo, Pair p, Py_UCS4 *lost, Py_ssize_t n)
{
    int any = 0;
    for (Py_ssize_t i = 0; i < n && !any; i++) {
        any = char_at(lo->quotes, lo->n_quotes, lost[i]) >= 0;
    }
    if (any) {
        int balanced = balanced_quotes(pool, lo, p);
        if (balanced < 0) {
            return -1;
        }
        n = balanced ? lost_without(lost, n, lo->quotes, lo->n_quotes) : n;
    }
    any = 0;
    for (Py_ssize_t i = 0; i < n && !any; i++) {
        any = char_at(lo->apostrophes, lo->n_apostrophes, lost[i]) >= 0;
    }
    if (any && apostrophes_paired(lo, p)) {
        n = lost_without(lost, n, lo->apostrophes, lo->n_apostrophes);
    }
    any = 0;
    for (Py_ssize_t i = 0; i < n && !any; i++) {
        any = char_at(lo->stops, lo->n_stops, lost[i]) >= 0;
    }
    return any ? n - script_stops_made(lo, p) : n;
}

/* legacy._letters_to_symbols (Python's for the rare lost quote or apostrophe where the
 * Ranking was told no LetOff); -1 on error. */
static Py_ssize_t
to_symbols(Ranking *self, Pool *pool, PyObject *text, PyObject *cand)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(cand);
    if (PyUnicode_GET_LENGTH(text) != n) {
        return 0;
    }
    Py_UCS4 *lost = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n + 1));
    if (lost == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n_lost = lost_letters(pool, text, cand, lost);
    int paired = 0;
    for (Py_ssize_t i = 0; i < n_lost; i++) {
        for (Py_ssize_t j = 0; j < self->n_paired; j++) {
            paired |= lost[i] == self->paired[j];
        }
    }
    if (n_lost > 0 && paired && self->let_off.ready) {
        Pair p = {n, PyUnicode_KIND(text), PyUnicode_KIND(cand), PyUnicode_DATA(text),
                  PyUnicode_DATA(cand)};
        n_lost = let_off_lost(pool, &self->let_off, p, lost, n_lost);
        paired = 0;
    }
    PyMem_Free(lost);
    if (n_lost < 0 || !paired) {
        return n_lost;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(self->to_symbols, text, cand, NULL);
    if (r == NULL) {
        return -1;
    }
    Py_ssize_t value = PyLong_AsSsize_t(r);
    Py_DECREF(r);
    return value;
}

/* legacy._mismatch_cost(true, cand, lp) for the step ``rs`` (``true``'s family in
 * rs->family): how far the best reading of the composed ``cand`` in a language of the family
 * whose alphabet holds all its folded letters beyond ASCII falls below ``lp``, at most
 * ``lang_mismatch``; -1 on error. */
static int
mismatch_cost(Tables *tables, const RankStep *rs, PyObject *cand, double lp,
              double lang_mismatch, double *cost)
{
    PyObject *text = composed(cand);
    if (text == NULL) {
        return -1;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    uint64_t readers = rs->family; /* (_odd_letters(text) <= the alphabet of each) */
    CharInfo spare, spare_fold;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text) && readers; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        const CharInfo *ci = ch < 0x80 ? NULL : info(tables, ch, &spare);
        if (ch >= 0x80 && ci == NULL) {
            Py_DECREF(text);
            return -1;
        }
        for (int j = 0; ci != NULL && j < ci->nfold; j++) {
            Py_UCS4 f = ci->fold[j];
            const CharInfo *fi = f < 0x80 ? NULL : info(tables, f, &spare_fold);
            if (f >= 0x80 && fi == NULL) {
                Py_DECREF(text);
                return -1;
            }
            if (fi != NULL && fi->flags & F_ALPHA) {
                readers &= fi->mask;
            }
        }
    }
    int forced[MAX_MODELS], n_forced = 0;
    for (uint64_t x = readers; x; x &= x - 1) {
        int bit = lowest_bit(x);
        forced[n_forced++] = bit;
    }
    double best = -INFINITY, found;
    int lang;
    Py_ssize_t letters;
    if (n_forced) {
        if (score_in(tables, text, forced, n_forced, &lang, &found, &letters) < 0) {
            Py_DECREF(text);
            return -1;
        }
        best = lang >= 0 && (readers >> lang & 1) ? found : best;
    }
    Py_DECREF(text);
    double over = lp - best;
    over = over > 0.0 ? over : 0.0;        /* max(0.0, lp - best) */
    *cost = over < lang_mismatch ? over : lang_mismatch; /* min(LANG_MISMATCH, ...) */
    return 0;
}

/* The per-line state of one rank call. */
typedef struct {
    Ranking *self;
    PyObject *text, *text_core;
    int named;     /* line_language's model (-1: none), -2 until asked */
    int lead;      /* line_language's leader (-1: none), -2 until asked */
    int8_t *holds; /* per display code page: -1 until asked */
} Line;

/* The RankStep of a chain's first step; NULL with no error where Python must decide. */
static const RankStep *
rank_step(Ranking *self, PyObject *chain)
{
    if (!PyTuple_Check(chain) || PyTuple_GET_SIZE(chain) < 1) {
        return NULL;
    }
    PyObject *step = PyTuple_GET_ITEM(chain, 0);
    SeenStep *seen = &self->seen[((uintptr_t)step >> 4) & (SEEN_STEPS - 1)];
    if (seen->step == step) {
        return &self->rsteps[seen->row];
    }
    PyObject *row = PyDict_GetItemWithError(self->steps, step);
    if (row == NULL) {
        return NULL;
    }
    Py_ssize_t i = PyLong_AsSsize_t(row);
    if (i < 0 || i >= self->n_steps) {
        return NULL;
    }
    Py_INCREF(step);
    Py_XSETREF(seen->step, step);
    seen->row = i;
    return &self->rsteps[i];
}

/* holds(shown): every character of the core is one the display code page encodes. */
static int
line_holds(Line *line, Py_ssize_t shown)
{
    if (line->holds[shown] < 0) {
        const uint8_t *bits = line->self->charsets + shown * CHARSET_BYTES;
        PyObject *t = line->text_core;
        Py_ssize_t n = PyUnicode_GET_LENGTH(t);
        int kind = PyUnicode_KIND(t);
        const void *data = PyUnicode_DATA(t);
        int all = 1;
        for (Py_ssize_t i = 0; i < n && all; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            all = ch < BMP && (bits[ch >> 3] >> (ch & 7) & 1);
        }
        line->holds[shown] = (int8_t)all;
    }
    return line->holds[shown];
}

/* ``*slot`` (-2 until asked) set once to the model number ``fn(text)`` gives (-1: none or
 * out of range); -1 on error, else 0. */
static int
asked_model(PyObject *fn, PyObject *text, Tables *tables, int *slot)
{
    if (*slot != -2) {
        return 0;
    }
    PyObject *r = PyObject_CallOneArg(fn, text);
    if (r == NULL) {
        return -1;
    }
    long m = PyLong_AsLong(r);
    Py_DECREF(r);
    if (m == -1 && PyErr_Occurred()) {
        return -1;
    }
    *slot = m >= 0 && m < tables->n_models ? (int)m : -1;
    return 0;
}

/* line_language.line_language's words (placeholders blanked first), counted (see
 * line_votes_of: defined after this header). */
static int line_votes_of(Tables *self, PyObject *text, const WordSource *source,
                         Py_ssize_t vote_letters, int *best_out, Py_ssize_t *top_out,
                         Py_ssize_t *second_out);

/* The line's own prose: none of what line_language.prose blanks ("%", "{", "<", "&",
 * "://"), as language_votes tests it. */
static int
own_prose(PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '%' || c == '{' || c == '<' || c == '&' ||
            (c == ':' && i + 2 < n && PyUnicode_READ(kind, data, i + 1) == '/' &&
             PyUnicode_READ(kind, data, i + 2) == '/')) {
            return 0;
        }
    }
    return 1;
}

/* line->named set once: line_language.named_index(text), counted here over the line's
 * prose (the line itself, or Python's prose of it: its Python frames cost more than the
 * count), else asked; -1 on error. */
static int
line_named(Line *line, Tables *tables)
{
    Ranking *self = line->self;
    if (line->named == -2 && self->named_ready) {
        int best;
        Py_ssize_t top, second;
        PyObject *prose = own_prose(line->text) ? Py_NewRef(line->text)
                                                : PyObject_CallOneArg(self->prose, line->text);
        if (prose == NULL) {
            return -1;
        }
        if (!PyUnicode_Check(prose)) {
            Py_DECREF(prose);
            PyErr_SetString(PyExc_TypeError, "prose: str expected");
            return -1;
        }
        int status = line_votes_of(tables, prose, &self->lead_words, self->named_letters, &best,
                                   &top, &second);
        Py_DECREF(prose);
        if (status < 0) {
            return -1;
        }
        /* (_named_model: LINE_VOTES votes and a LEAD over every other) */
        int named = best >= 0 && top >= self->named_votes && top - second >= self->named_lead;
        line->named = named && best < tables->n_models ? best : -1;
    }
    return asked_model(self->named, line->text, tables, &line->named);
}

/* named_lang(text, lang) as a model number (-1: None) where fits(true, it) can be False
 * for the step ``rs`` (else -1: line_language is worked out only when it can matter); -2
 * on error. */
static int
named_lang(Line *line, Tables *tables, int lang, const RankStep *rs)
{
    if (lang < 0) {
        return -1;
    }
    uint64_t script = tables->pool_mask[tables->models[lang].script]; /* lang's script's */
    if ((rs->fits & script) == script) {
        return -1; /* the step fits every language named_lang could name */
    }
    if (line_named(line, tables) < 0) {
        return -2;
    }
    if (line->named < 0 || tables->models[line->named].script != tables->models[lang].script) {
        return -1;
    }
    return line->named;
}

/* legacy._lead_index(text) (-1: none), worked out once per line (its compiled count here,
 * Python's where that leaves it to Python); -2 on error. */
static int
line_lead(Line *line, Tables *tables)
{
    Ranking *self = line->self;
    if (line->lead == -2 && self->lead_edge != NULL) {
        int best, status;
        Py_ssize_t top, second;
        LetterWords seen; /* (the words looked up once, handed on to form_lead_of) */
        status = lead_votes_of(tables, line->text, &self->lead_words, self->lead_edge,
                               self->lead_langs, self->vote_letters, &best, &top, &second,
                               &seen);
        if (status == 0 && top == 0) { /* no listed word votes: inflected forms may */
            status = form_lead_of(line->text, &self->lead_words, self->lead_edge,
                                  self->lead_langs, self->endings, self->longest,
                                  self->compounding, self->stem, self->depth, &seen, &best);
        }
        else if (status == 0 && top <= second) {
            best = -1; /* (_leader: a lead over every other) */
        }
        PyMem_Free(seen.spans);
        PyMem_Free(seen.masks);
        if (status < 0) {
            return -2;
        }
        if (status == 0) {
            line->lead = best >= 0 && best < tables->n_models ? best : -1;
        }
    }
    return asked_model(self->lead, line->text, tables, &line->lead) < 0 ? -2 : line->lead;
}

static int
fits_model(const RankStep *rs, int lang)
{
    return lang < 0 || (rs->fits >> lang & 1);
}

/* The chains giving a candidate, walked in order without a tuple made of them: a UTF-8
 * look's ``tuple``, or a single-byte group's steps (``first``, then ``next``: indices of
 * ``live``) in the pool's chains ``all`` (what group_chains would make). */
typedef struct {
    PyObject *tuple, *all;
    const Py_ssize_t *live, *next;
    Py_ssize_t first, count;
} Chains;

/* The walk's first place. */
static Py_ssize_t
chains_start(const Chains *c)
{
    return c->tuple != NULL ? 0 : c->first;
}

/* The chain at *at (borrowed), *at moved on; NULL past the last. */
static PyObject *
chains_next(const Chains *c, Py_ssize_t *at)
{
    if (c->tuple != NULL) {
        return *at < PyTuple_GET_SIZE(c->tuple) ? PyTuple_GET_ITEM(c->tuple, (*at)++) : NULL;
    }
    if (*at < 0) {
        return NULL;
    }
    PyObject *chain = PyTuple_GET_ITEM(c->all, c->live[*at]);
    *at = c->next[*at];
    return chain;
}

/* legacy._named_chain; NULL with no error where Python must decide. */
static PyObject *
named_chain(Line *line, const Chains *chains, int lang)
{
    Py_ssize_t at = chains_start(chains);
    PyObject *best = chains_next(chains, &at), *chain;
    const RankStep *rs = rank_step(line->self, best);
    if (rs == NULL) {
        return NULL;
    }
    int best_key = 2 * fits_model(rs, lang) + line_holds(line, rs->shown);
    while (best_key != 3 && (chain = chains_next(chains, &at)) != NULL) {
        if ((rs = rank_step(line->self, chain)) == NULL) {
            return NULL;
        }
        int key = 2 * fits_model(rs, lang) + line_holds(line, rs->shown);
        if (key > best_key) {
            best = chain;
            best_key = key;
        }
    }
    return best;
}

/* One pool entry as candidates() looks at it. */
typedef struct {
    Py_ssize_t oddness, order;
    PyObject *made;   /* the step's table, or the candidate core (borrowed) */
    PyObject *chains; /* a UTF-8 one's chains giving it (borrowed; NULL: see group) */
    Py_ssize_t group; /* a single-byte round trip's group of steps (see chains_of) */
    Py_ssize_t step;  /* ... and the step whose table ``made`` is (-1: a UTF-8 one) */
    PyObject *cand;   /* the candidate core (owned; NULL until made) */
    Quick quick;      /* its model._quick (its joined tokens owned) */
    double q;         /* -quick logprob */
    int utf8;         /* a UTF-8 round trip */
} Look;

/* The chains giving ``look`` (see Chains). */
static Chains
chains_of(const Pool *pool, const Groups *groups, const Py_ssize_t *live, const Look *look)
{
    if (look->utf8) {
        return (Chains){look->chains, NULL, NULL, NULL, 0, PyTuple_GET_SIZE(look->chains)};
    }
    return (Chains){NULL, pool->chains, live, groups->next, groups->firsts[look->group],
                    groups->counts[look->group]};
}

/* Room for ``n`` looks (each set whole by pool_looks): the Ranking's own room (grown as
 * needed: no allocation per line) unless a call in progress holds it; NULL on error. */
static Look *
looks_take(Ranking *self, Py_ssize_t n)
{
    size_t size = sizeof(Look) * (size_t)(n + 1);
    Look *looks;
    if (self->looks_busy) {
        looks = PyMem_Malloc(size);
    }
    else {
        if (self->looks_cap < n + 1) {
            PyMem_Free(self->looks_room);
            self->looks_room = PyMem_Malloc(size);
            self->looks_cap = self->looks_room == NULL ? 0 : n + 1;
        }
        looks = self->looks_room;
        self->looks_busy = looks != NULL;
    }
    if (looks == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return looks;
}

/* Gives back what looks_take gave (NULL: nothing). */
static void
looks_give(Ranking *self, Look *looks)
{
    if (looks == self->looks_room) {
        self->looks_busy = looks != NULL ? 0 : self->looks_busy;
    }
    else {
        PyMem_Free(looks);
    }
}

static int
by_oddness(const void *a, const void *b)
{
    const Look *x = a, *y = b;
    if (x->oddness != y->oddness) {
        return x->oddness < y->oddness ? -1 : 1;
    }
    return (x->order > y->order) - (x->order < y->order);
}

static int
by_quick(const void *a, const void *b)
{
    const Look *x = a, *y = b;
    if (x->q < y->q) {
        return -1;
    }
    if (x->q > y->q) {
        return 1;
    }
    return (x->order > y->order) - (x->order < y->order);
}

/* Puts the looks in the order of ``idx`` (a permutation: looks[i] becomes the look at
 * idx[i]) in place, cycle by cycle (``idx`` is used up); 0. */
static int
permute_looks(Look *looks, Py_ssize_t *idx, Py_ssize_t n)
{
    for (Py_ssize_t s = 0; s < n; s++) {
        if (idx[s] == s) {
            continue;
        }
        Look first = looks[s];
        Py_ssize_t j = s;
        while (idx[j] != s) {
            Py_ssize_t from = idx[j];
            looks[j] = looks[from];
            idx[j] = j; /* (in place) */
            j = from;
        }
        looks[j] = first;
        idx[j] = j;
    }
    return 0;
}

/* Sorts the looks by (oddness, order) as by_oddness does: the looks come in order of
 * ``order``, so a stable count by oddness does it (no comparisons); -1 on error. */
static int
sort_by_oddness(Look *looks, Py_ssize_t n)
{
    Py_ssize_t most = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (looks[i].oddness < 0 || (i && looks[i].order <= looks[i - 1].order)) {
            qsort(looks, (size_t)n, sizeof(Look), by_oddness); /* (not the usual shape) */
            return 0;
        }
        most = looks[i].oddness > most ? looks[i].oddness : most;
    }
    Py_ssize_t *starts = PyMem_Calloc((size_t)(most + 2), sizeof(Py_ssize_t));
    Py_ssize_t *idx = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n + 1));
    int status = -1;
    if (starts == NULL || idx == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        starts[looks[i].oddness + 1]++;
    }
    for (Py_ssize_t v = 0; v <= most; v++) {
        starts[v + 1] += starts[v];
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        idx[starts[looks[i].oddness]++] = i;
    }
    status = permute_looks(looks, idx, n);
done:
    PyMem_Free(starts);
    PyMem_Free(idx);
    return status;
}

#define QUICK_FIRST 16 /* the most looks first_by_quick selects in one pass */

/* Puts the first ``k`` of the looks in their places in the sort by (q, order) (by_quick),
 * the others after them in no particular order (only the first ``k`` are ranked): one pass
 * keeping the best ``k`` in order (by_quick is a total order: (q, order) differ), then
 * each look moved once. */
static void
first_by_quick(Look *looks, Py_ssize_t n, Py_ssize_t k)
{
    k = k < n ? k : n;
    if (k <= 0) {
        return;
    }
    if (k > QUICK_FIRST) { /* (not the usual shortlist: a selection, k passes) */
        for (Py_ssize_t s = 0; s < k; s++) {
            Py_ssize_t least = s;
            for (Py_ssize_t i = s + 1; i < n; i++) {
                least = by_quick(&looks[i], &looks[least]) < 0 ? i : least;
            }
            Look look = looks[s];
            looks[s] = looks[least];
            looks[least] = look;
        }
        return;
    }
    Py_ssize_t top[QUICK_FIRST], kept = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (kept == k && by_quick(&looks[i], &looks[top[k - 1]]) >= 0) {
            continue;
        }
        Py_ssize_t j = kept < k ? kept++ : k - 1; /* (the last kept falls out when full) */
        while (j > 0 && by_quick(&looks[i], &looks[top[j - 1]]) < 0) {
            top[j] = top[j - 1];
            j--;
        }
        top[j] = i;
    }
    Py_ssize_t s = 0; /* (kept == k: k <= n) */
    while (s < k && top[s] == s) {
        s++;
    }
    if (s == k) {
        return; /* (already in place) */
    }
    /* the chosen aside, the others packed at the end (from the back: a look is written at
     * or after where it was read), then the chosen in front */
    Look chosen_looks[QUICK_FIRST];
    for (Py_ssize_t t = 0; t < k; t++) {
        chosen_looks[t] = looks[top[t]];
        looks[top[t]].order = -1; /* (a mark: order is never negative) */
    }
    Py_ssize_t w = n - 1;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (looks[i].order != -1) {
            looks[w--] = looks[i];
        }
    }
    for (Py_ssize_t t = 0; t < k; t++) {
        looks[t] = chosen_looks[t];
    }
}

/* legacy._cand_core: the candidate core of ``look`` (made once); -1 on error. */
static int
make_cand(Pool *pool, PyObject *text_core, Look *look)
{
    if (look->cand != NULL) {
        return 0;
    }
    if (PyUnicode_Check(look->made)) {
        Py_INCREF(look->made);
        look->cand = look->made;
        return 0;
    }
    look->cand = look->step >= 0 ? translate_step(pool, text_core, look->step)
                                 : translate_with(pool, text_core, look->made);
    return look->cand == NULL ? -1 : 0;
}

#define FOUND_LOCAL 8 /* a shortlist this short is ranked on the stack */

/* One ranked round trip: legacy._Ranked's numbers, its chain (borrowed) and language. */
typedef struct {
    double rank, lp, known, evidence;
    PyObject *chain;
    int lang;
    Py_ssize_t letters, changed;
} Found;

/* legacy._line_after(text, chain): the whole line through the chain's first step (the
 * pool's translation of a single-byte step, Python's for any other). */
static PyObject *
line_after(Ranking *self, Pool *pool, PyObject *text, PyObject *chain)
{
    const RankStep *rs = rank_step(self, chain);
    Py_ssize_t j = rs == NULL ? -1 : self->pool_step[rs - self->rsteps];
    if (j >= 0 && j < pool->n_steps) {
        return translate_step(pool, text, j);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_CallFunctionObjArgs(self->line_after, text, chain, NULL);
}

/* The Candidate of ``f``: Candidate(line after, chain, TextScore(lang, lp, plausibility,
 * letters), known, evidence, changed, rank); NULL on error. */
static PyObject *
candidate_of(Ranking *self, Pool *pool, Tables *tables, PyObject *text, const Found *f)
{
    PyObject *after = line_after(self, pool, text, f->chain);
    PyObject *score = after == NULL ? NULL : text_score(tables, f->lang, f->lp, f->letters);
    if (score == NULL) {
        Py_XDECREF(after);
        return NULL;
    }
    Py_INCREF(f->chain);
    PyObject *items[7] = {after,
                          f->chain,
                          score,
                          PyFloat_FromDouble(f->known),
                          PyFloat_FromDouble(f->evidence),
                          PyLong_FromSsize_t(f->changed),
                          PyFloat_FromDouble(f->rank)};
    return packed(self->cand_type, items, 7);
}

/* The loop of candidates() over the sorted shortlist: what it ranks into ``out`` (room
 * for ``n``) in shortlist order, how many in *n_out; 0, 1 where Python must decide, -1 on
 * error. */
/* The rank terms known before a candidate's full score: the letters it turns into symbols
 * (*lost), its capitals after small letters (*odd) and the letters it reads (*reads, -1
 * for a core of another length than ``text_core``); -1 on error. */
static int
known_terms(Ranking *self, Pool *pool, Tables *tables, PyObject *text_core, PyObject *cand,
            Py_ssize_t *lost, Py_ssize_t *odd, Py_ssize_t *reads)
{
    *lost = to_symbols(self, pool, text_core, cand);
    if (*lost < 0 || odd_cases(tables, cand, odd) < 0) {
        return -1;
    }
    *reads = -1;
    if (PyUnicode_GET_LENGTH(cand) == PyUnicode_GET_LENGTH(text_core)) {
        *reads = reads_of(pool, cand);
        if (*reads < 0) {
            return -1;
        }
    }
    return 0;
}

/* legacy._certain_cost: what the rank subtracts from a candidate given by ``chains``
 * whatever its full score (``lost``, ``odd_gain`` and ``lacking`` as there); -1 on error
 * (a chain whose step Python must name is taken to fit and hold: a smaller cost). */
static int
certain_cost(Line *line, const Chains *chains, int lead, Py_ssize_t lost,
             Py_ssize_t odd_gain, Py_ssize_t lacking, Py_ssize_t most, const RankConstants *k,
             double *cost)
{
    double c = k->symbol_for_letter * (double)lost + k->new_odd_case * (double)odd_gain;
    c += k->lacked_letter * (double)lacking / (double)(most + 1);
    int fit = lead < 0, held = 0;
    Py_ssize_t at = chains_start(chains);
    PyObject *chain;
    while (!(fit && held) && (chain = chains_next(chains, &at)) != NULL) {
        const RankStep *rs = rank_step(line->self, chain);
        if (rs == NULL) {
            if (PyErr_Occurred()) {
                return -1;
            }
            fit = held = 1;
            break;
        }
        fit = fit || fits_model(rs, lead);
        held = held || line_holds(line, rs->shown);
    }
    if (!fit) {
        c += k->lang_mismatch;
    }
    if (!held) {
        c += k->lang_mismatch;
    }
    *cost = c;
    return 0;
}

#define HOLDS_LOCAL 256

static void
holds_free(Line *line, int8_t *local)
{
    if (line->holds != local) {
        PyMem_Free(line->holds);
    }
}

static int
rank_loop(Ranking *self, Pool *pool, Tables *tables, PyObject *text, PyObject *text_core,
          const Groups *groups, const Py_ssize_t *live, const Look *looks, Py_ssize_t n,
          Py_ssize_t most, int best_only, const RankConstants *k, Found *out, Py_ssize_t *n_out)
{
    int8_t holds_local[HOLDS_LOCAL]; /* (the usual few dozen display code pages) */
    Line line = {self, text, text_core, -2, -2,
                 local_or_alloc(holds_local, HOLDS_LOCAL, (size_t)self->n_shown + 1, 1)};
    Changed w = {0, 0, NULL, NULL, 0, NULL};
    Py_ssize_t n_found = 0;
    if (line.holds == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(line.holds, 0xff, (size_t)self->n_shown + 1);
    Py_ssize_t len_core = PyUnicode_GET_LENGTH(text_core), odd_before, odd;
    double top = -INFINITY;
    if (odd_cases(tables, text_core, &odd_before) < 0) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *cand = looks[i].cand;
        const Chains chains = chains_of(pool, groups, live, &looks[i]);
        w.n = 0; /* (its room kept for the next candidate's words) */
        w.done = 0;
        Py_ssize_t lost = 0, r = -1, same = PyUnicode_GET_LENGTH(cand) == len_core;
        int terms = 0; /* (lost, odd and r worked out) */
        Py_ssize_t changed = -1; /* (until worked out) */
        if (best_only && n_found) {
            double bound, share = 0.0, evidence = 0.0, certain;
            int cut = beaten(pool, tables, text_core, cand, &looks[i].quick, top, k, &w, &bound,
                             &share, &evidence, &changed);
            if (cut == -1) {
                goto fail;
            }
            if (cut == -2) {
                goto python;
            }
            if (cut) {
                continue;
            }
            /* legacy._beaten's last bound: the leader's bonus as it can be, less the terms
             * known before the full score */
            int lead = line_lead(&line, tables);
            if (lead == -2 || known_terms(self, pool, tables, text_core, cand, &lost, &odd, &r) < 0) {
                goto fail;
            }
            terms = 1;
            Py_ssize_t gain = odd > odd_before ? odd - odd_before : 0;
            Py_ssize_t lacking = same && most > r ? most - r : 0;
            if (certain_cost(&line, &chains, lead, lost, gain, lacking, most, k,
                             &certain) < 0) {
                goto fail;
            }
            double in_lead = 0.0, unused;
            if (share == 1.0 && lead >= 0) {
                share_of(&w, (uint64_t)1 << lead, k->evidence_letters, &in_lead, &unused);
            }
            if (in_lead == 1.0) {
                int band = lead_band(pool, &w, lead);
                bound += k->word_bonus + k->freq_bonus * (band == -2 ? k->max_band : (double)band);
            }
            else {
                bound += k->word_bonus * evidence;
            }
            if (bound - certain < top) {
                continue;
            }
        }
        int lang;
        double lp;
        Py_ssize_t letters;
        if (composed_score_of(tables, cand, &lang, &lp, &letters) < 0) {
            goto fail;
        }
        if (!letters) {
            continue;
        }
        Py_ssize_t at = chains_start(&chains);
        PyObject *chain = chains.count == 1 ? chains_next(&chains, &at)
                                            : named_chain(&line, &chains, lang);
        const RankStep *rs = chain ? rank_step(self, chain) : NULL;
        if (rs == NULL) {
            if (PyErr_Occurred()) {
                goto fail;
            }
            goto python;
        }
        uint64_t mask = rs->lang_mask | (lang >= 0 ? (uint64_t)1 << lang : 0);
        if (changed_words_of(pool, text_core, cand, &w) < 0) {
            goto fail;
        }
        double known, evidence;
        share_of(&w, mask, k->evidence_letters, &known, &evidence);
        changed = changed < 0 ? changed_of(text_core, cand) : changed;
        double rank = lp + k->word_bonus * evidence - rs->prior / (double)(letters + 1);
        rank += k->coverage_bonus * (double)changed / (double)(len_core > 1 ? len_core : 1);
        if (!fits_model(rs, lang)) {
            /* (at most lang_mismatch: less where a language of the family reads it nearly as
             * well) */
            double c;
            if (mismatch_cost(tables, rs, cand, lp, k->lang_mismatch, &c) < 0) {
                goto fail;
            }
            rank -= c;
        }
        int named = named_lang(&line, tables, lang, rs);
        if (named == -2) {
            goto fail;
        }
        if (!fits_model(rs, named)) {
            rank -= k->lang_mismatch;
        }
        if (!line_holds(&line, rs->shown)) {
            rank -= k->lang_mismatch;
        }
        int lead = line_lead(&line, tables);
        if (lead == -2) {
            goto fail;
        }
        if (lead >= 0) {
            int fit = 0; /* any chain giving the candidate fits the leader */
            Py_ssize_t at = chains_start(&chains);
            PyObject *c;
            while (!fit && (c = chains_next(&chains, &at)) != NULL) {
                const RankStep *cs = rank_step(self, c);
                if (cs == NULL) {
                    if (PyErr_Occurred()) {
                        goto fail;
                    }
                    goto python;
                }
                fit = fits_model(cs, lead);
            }
            if (!fit) {
                rank -= k->lang_mismatch;
            }
            double in_lead, unused;
            share_of(&w, (uint64_t)1 << lead, k->evidence_letters, &in_lead, &unused);
            if (in_lead == 1.0) {
                rank += k->word_bonus * (1.0 - evidence);
                int band = lead_band(pool, &w, lead);
                if (band == -2) {
                    goto python;
                }
                rank += k->freq_bonus * (double)band;
            }
        }
        if (!terms && known_terms(self, pool, tables, text_core, cand, &lost, &odd, &r) < 0) {
            goto fail;
        }
        rank -= k->symbol_for_letter * (double)lost;
        rank -= k->new_odd_case * (double)(odd > odd_before ? odd - odd_before : 0);
        if (same) {
            rank -= k->lacked_letter * (double)(most > r ? most - r : 0) / (double)(most + 1);
        }
        out[n_found++] = (Found){rank, lp, known, evidence, chain, lang, letters, changed};
        top = top >= rank ? top : rank; /* max(top, rank) */
    }
    changed_free(&w);
    holds_free(&line, holds_local);
    *n_out = n_found;
    return 0;
python:
    changed_free(&w);
    holds_free(&line, holds_local);
    return 1;
fail:
    changed_free(&w);
    holds_free(&line, holds_local);
    return -1;
}

/* found.sort(key=lambda c: -c[0]) (stable, best first), for the few found. */
static void
sort_found(Found *found, Py_ssize_t n)
{
    for (Py_ssize_t i = 1; i < n; i++) {
        Found item = found[i];
        Py_ssize_t j = i;
        while (j > 0 && -item.rank < -found[j - 1].rank) {
            found[j] = found[j - 1];
            j--;
        }
        found[j] = item;
    }
}

#define ODDITIES_KEPT 65536 /* characters whose _oddity is kept (as CHAR_TABLE_SIZE) */

/* The _oddity of the characters no step changes, as legacy._pool_of folds them in: letter
 * masks ANDed into *both, odd characters with a number ORed into ``odd``, those with none
 * gathered (once each) into ``unnumbered``; -1 on error. */
static int
oddity_of(Ranking *self, const Py_UCS4 *chars, Py_ssize_t n, uint64_t *both, uint64_t *odd,
          Py_UCS4 *unnumbered, Py_ssize_t *n_unnumbered)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PyLong_FromUnsignedLong(chars[i]);
        if (key == NULL) {
            return -1;
        }
        PyObject *found = PyDict_GetItemWithError(self->oddities, key);
        Py_XINCREF(found);
        if (found == NULL && !PyErr_Occurred()) {
            PyObject *ch = PyUnicode_FromOrdinal((int)chars[i]);
            found = ch ? PyObject_CallOneArg(self->oddity, ch) : NULL;
            Py_XDECREF(ch);
            if (found != NULL && PyDict_GET_SIZE(self->oddities) < ODDITIES_KEPT &&
                PyDict_SetItem(self->oddities, key, found) < 0) {
                Py_CLEAR(found);
            }
        }
        Py_DECREF(key);
        PyObject *mask, *bits, *extra;
        uint64_t words[ODD_WORDS];
        if (found == NULL || !PyArg_ParseTuple(found, "OOU", &mask, &bits, &extra) ||
            odd_words(bits, words) < 0) {
            Py_XDECREF(found);
            return -1;
        }
        *both &= (uint64_t)PyLong_AsUnsignedLongLongMask(mask);
        for (int w = 0; w < ODD_WORDS; w++) {
            odd[w] |= words[w];
        }
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(extra); j++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(extra, j);
            Py_ssize_t k = 0;
            while (k < *n_unnumbered && unnumbered[k] != c) {
                k++;
            }
            if (k == *n_unnumbered) {
                unnumbered[(*n_unnumbered)++] = c;
            }
        }
        Py_DECREF(found);
        if (PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}


#define PLACED_ODDNESS 64 /* entries of a lesser oddness are placed as they are made */

/* legacy._pool_of's entries of a line as Looks (its single-byte round trips from its
 * distinct non-ASCII characters, then ``utf8``'s (oddness, candidate core, chains)), sorted
 * as sorted() sorts the entries. How many, -1
 * on error, -2 where Python must decide. */
static Py_ssize_t
pool_looks(Ranking *self, Pool *pool, PyObject *text_core, PyObject *utf8, Groups *groups_out,
           Py_ssize_t **live_out, Look **out)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text_core), n_chars = 0, n_rows = 0, n_other = 0;
    Py_ssize_t n_live = 0, n_unnumbered = 0, n = 0;
    int kind = PyUnicode_KIND(text_core);
    const void *data = PyUnicode_DATA(text_core);
    Py_UCS4 *chars = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(2 * len + 1));
    Py_ssize_t *rows = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(len + 1));
    Py_ssize_t *live = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(pool->n_steps + 1));
    Groups groups = {0, NULL, NULL, NULL, NULL, NULL};
    Look *looks = NULL;
    if (chars == NULL || rows == NULL || live == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    /* the distinct non-ASCII characters (each once), ascending: each put in its place among
     * those seen (a line has few distinct ones, however long) */
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch <= 0x7f) {
            continue;
        }
        Py_ssize_t lo = 0, hi = n_chars;
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2;
            if (chars[mid] < ch) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
        if (lo < n_chars && chars[lo] == ch) {
            continue;
        }
        memmove(chars + lo + 1, chars + lo, sizeof(Py_UCS4) * (size_t)(n_chars - lo));
        chars[lo] = ch;
        n_chars++;
    }
    n_live = live_steps(pool, PyUnicode_4BYTE_KIND, chars, n_chars, live);
    if (n_live < 0) {
        goto fail;
    }
    if (n_live > 0) {
        /* the changeable characters as rows; the others (after them in ``chars``) */
        Py_UCS4 *other = chars + len;
        for (Py_ssize_t i = 0; i < n_chars; i++) {
            int row = chars[i] < BMP ? pool->row_of[chars[i]] : -1;
            if (row >= 0) {
                rows[n_rows++] = row;
            }
            else {
                other[n_other++] = chars[i];
            }
        }
        uint64_t both = ~(uint64_t)0, odd[ODD_WORDS] = {0};
        /* (the odd characters of no image: at most MAX_FOLD per other character) */
        Py_UCS4 *unnumbered = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(MAX_FOLD * n_other + 1));
        if (unnumbered == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
        int status = oddity_of(self, other, n_other, &both, odd, unnumbered, &n_unnumbered);
        PyMem_Free(unnumbered);
        if (status < 0 || group_steps(pool, rows, n_rows, live, n_live, both, odd, n_unnumbered,
                                      &groups) < 0) {
            goto fail;
        }
    }
    /* Each entry put where the sort by (oddness, order) puts it: the entries come in order
     * of ``order``, so counting them by oddness places them (no Look moved after; other
     * oddnesses are sorted after) */
    Py_ssize_t n_utf8 = PyList_GET_SIZE(utf8), starts[PLACED_ODDNESS + 1] = {0};
    int placed = 1;
    for (Py_ssize_t g = 0; g < groups.n_groups; g++) {
        Py_ssize_t odd = groups.oddness[g];
        placed = placed && odd >= 0 && odd < PLACED_ODDNESS;
        starts[placed ? odd + 1 : 0]++;
    }
    for (Py_ssize_t i = 0; i < n_utf8; i++) {
        PyObject *e = PyList_GET_ITEM(utf8, i);
        if (!PyTuple_Check(e) || PyTuple_GET_SIZE(e) != 3 ||
            !PyUnicode_Check(PyTuple_GET_ITEM(e, 1)) || !PyTuple_Check(PyTuple_GET_ITEM(e, 2)) ||
            PyTuple_GET_SIZE(PyTuple_GET_ITEM(e, 2)) < 1) {
            n = -2;
            goto done;
        }
        Py_ssize_t odd = PyLong_AsSsize_t(PyTuple_GET_ITEM(e, 0));
        if (odd == -1 && PyErr_Occurred()) {
            goto fail;
        }
        placed = placed && odd >= 0 && odd < PLACED_ODDNESS;
        starts[placed ? odd + 1 : 0]++;
    }
    for (Py_ssize_t v = 0; placed && v < PLACED_ODDNESS; v++) {
        starts[v + 1] += starts[v];
    }
    looks = looks_take(self, groups.n_groups + n_utf8);
    if (looks == NULL) {
        goto fail;
    }
    for (Py_ssize_t g = 0; g < groups.n_groups; g++, n++) {
        /* (its chains walked where ranked: chains_of; only the fields read before they are
         * set written: a line has dozens of groups, most never looked at) */
        Look *look = &looks[placed ? starts[groups.oddness[g]]++ : n];
        look->oddness = groups.oddness[g];
        look->order = g;
        look->step = live[groups.firsts[g]];
        look->made = PyTuple_GET_ITEM(pool->tables, look->step);
        look->chains = NULL;
        look->group = g;
        look->cand = NULL;
        look->quick.owned = 0;
        look->utf8 = 0;
    }
    for (Py_ssize_t i = 0; i < n_utf8; i++, n++) {
        PyObject *e = PyList_GET_ITEM(utf8, i);
        Py_ssize_t odd = PyLong_AsSsize_t(PyTuple_GET_ITEM(e, 0)); /* (read above) */
        looks[placed ? starts[odd]++ : n] = (Look){.oddness = odd,
                                                   .order = groups.n_groups + i,
                                                   .made = PyTuple_GET_ITEM(e, 1),
                                                   .chains = PyTuple_GET_ITEM(e, 2),
                                                   .step = -1,
                                                   .utf8 = 1};
    }
    if (!placed && sort_by_oddness(looks, n) < 0) {
        goto fail;
    }
    goto done;
fail:
    looks_give(self, looks);
    looks = NULL;
    n = -1;
done:
    PyMem_Free(chars);
    PyMem_Free(rows);
    *groups_out = groups; /* (the caller's to free, with live) */
    *live_out = live;
    *out = looks;
    return n;
}

/* legacy._with_known_words over the sorted looks, in place: how many are kept (their cores
 * made where not single-byte, the others' let go); -1 on error.  A single-byte round
 * trip's core is read from a buffer (its str made only once ranked). */
static Py_ssize_t
with_known_words(Pool *pool, PyObject *text_core, Look *looks, Py_ssize_t n,
                 Py_ssize_t quick_pool, double strong_known)
{
    Py_ssize_t kept = 0, least = -1, len = PyUnicode_GET_LENGTH(text_core);
    Py_UCS4 local[STEP_LOCAL];
    Py_UCS4 *buf = len < STEP_LOCAL ? local : PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(len + 1));
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Look look = looks[i];
        if (!look.utf8 && least >= 0 && (look.oddness > least + 1 || kept >= quick_pool)) {
            continue;
        }
        int keep = 1;
        Pair p = {len, PyUnicode_KIND(text_core), PyUnicode_4BYTE_KIND, PyUnicode_DATA(text_core),
                  buf};
        if (look.cand == NULL && look.step >= 0) {
            translate_into(pool, text_core, look.step, buf); /* (as long as text_core) */
            keep = has_known_words(pool, p, NULL, strong_known);
        }
        else if (make_cand(pool, text_core, &look) < 0) {
            keep = -1;
        }
        else if (PyUnicode_GET_LENGTH(look.cand) == len) {
            keep = pair_of(text_core, look.cand, &p) < 0
                       ? -1
                       : has_known_words(pool, p, look.cand, strong_known);
        }
        if (keep < 0) {
            Py_XDECREF(look.cand);
            kept = -1;
            break;
        }
        if (!keep) {
            Py_CLEAR(look.cand);
            continue;
        }
        if (least < 0) {
            least = look.oddness;
        }
        looks[kept++] = look;
    }
    if (buf != local) {
        PyMem_Free(buf);
    }
    return kept;
}

/* legacy._chosen over the sorted looks, in place: how many are chosen (the cores of the
 * others let go). */
static Py_ssize_t
chosen(Look *looks, Py_ssize_t n, Py_ssize_t quick_pool)
{
    Py_ssize_t head = n < quick_pool ? n : quick_pool, cut = 0;
    while (cut < head && looks[cut].oddness <= looks[0].oddness + 1) {
        cut++;
    }
    Py_ssize_t m = cut;
    for (Py_ssize_t i = cut; i < n; i++) {
        if (looks[i].utf8) {
            Look look = looks[i];
            looks[i].cand = NULL; /* (moved: owned by its new place) */
            looks[m++] = look;
        }
        else {
            Py_CLEAR(looks[i].cand);
        }
    }
    return m;
}

/* What every single-byte candidate of a line shares (first_look): the core's characters,
 * the positions some step changes (with their rows), and over the other positions whether
 * one holds a Latin combining accent and how many read as letters (legacy._reads). */
typedef struct {
    Py_UCS4 *base;
    Py_ssize_t *at, *rows, n_at, reads;
    int accent;
} Shared;

/* The Shared of ``text_core`` (its arrays PyMem-allocated: shared_free); -1 on error. */
static int
shared_of(Pool *pool, PyObject *text_core, Shared *sh)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text_core);
    int kind = PyUnicode_KIND(text_core);
    const void *data = PyUnicode_DATA(text_core);
    sh->base = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(len + 1));
    sh->at = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(2 * len + 1));
    sh->rows = sh->at == NULL ? NULL : sh->at + len;
    sh->n_at = sh->reads = 0;
    sh->accent = 0;
    if (sh->base == NULL || sh->at == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int row = ch < BMP ? pool->row_of[ch] : -1;
        sh->base[i] = ch;
        if (row >= 0) {
            sh->at[sh->n_at] = i;
            sh->rows[sh->n_at++] = row;
            continue;
        }
        int flags = pool_flags(pool, ch);
        if (flags < 0) {
            return -1;
        }
        sh->reads += (flags & P_READS) != 0;
        sh->accent |= ch >= 0x300 && ch <= 0x36f;
    }
    return 0;
}

static void
shared_free(Shared *sh)
{
    PyMem_Free(sh->base);
    PyMem_Free(sh->at);
}

/* translate_into of the line ``sh`` is of through step ``j`` (the shared characters
 * copied, the changed ones patched), and reads_data of the result in *reads: 1 if the
 * result holds a Latin combining accent, else 0; -1 on error. */
static int
shared_into(Pool *pool, const Shared *sh, Py_ssize_t len, Py_ssize_t j, Py_UCS4 *out,
            Py_ssize_t *reads)
{
    memcpy(out, sh->base, sizeof(Py_UCS4) * (size_t)len);
    const Py_UCS4 *image = pool->image + j;
    int accent = sh->accent;
    Py_ssize_t count = sh->reads;
    for (Py_ssize_t k = 0; k < sh->n_at; k++) {
        Py_UCS4 c = image[sh->rows[k] * pool->n_steps];
        int flags = pool_flags(pool, c);
        if (flags < 0) {
            return -1;
        }
        out[sh->at[k]] = c;
        accent |= c >= 0x300 && c <= 0x36f;
        count += (flags & P_READS) != 0;
    }
    *reads = count;
    return accent;
}

/* One character's flags counted as text_shapes_of(all=0) counts them, given its
 * neighbours' (``run`` and ``run_glued``: the run of signs ending before it). */
static inline __attribute__((always_inline)) void
quick_shape(Shapes *sh, uint32_t prev, uint32_t cur, uint32_t next, Py_ssize_t *run,
            int *run_glued)
{
    if (!(cur & QUICK_SHAPE_FLAGS)) {
        *run = 0;
        return;
    }
    sh->common += (cur & F_COMMON) != 0;
    sh->non_ascii += (cur & F_NONASCII) != 0;
    sh->glued += (cur & F_GLUE) && (prev & F_LETTER) && (next & F_LETTER);
    if (cur & F_RUNSIGN) {
        *run_glued = *run ? *run_glued : (prev & F_LETTER) != 0;
        (*run)++;
        sh->glued += *run >= 2 && *run_glued && (next & F_LETTER) && (next & F_LOWER);
    }
    else {
        *run = 0;
    }
}

/* pysum_add of a sum started (its first item as 0.0 + x, as the first step makes it). */
static inline __attribute__((always_inline)) void
pysum_more(PySum *s, double x)
{
#if PY_VERSION_HEX >= 0x030C0000
    pysum_add(s, x);
#else
    s->f += x;
#endif
}

/* One folded character ``c`` (of flags ``fl``) put after the joined tokens ``joined[:*k]``
 * as quick_kind's join puts it (a space closes a token), each bigram added to the sum as
 * its second character is put: 0, or 1 at a character of a script not modelled. */
static inline __attribute__((always_inline)) int
quick_put(const Tables *self, Py_UCS4 *joined, Py_ssize_t *k, int *in_token,
          Py_ssize_t *n_tokens, Py_ssize_t *non_ascii, PySum *sum, Py_UCS4 c, uint32_t fl)
{
    if (fl & F_OTHER) {
        return 1; /* (tokens of it are left out: quick_kind's filter) */
    }
    if (!(fl & F_TOKEN)) {
        if (*in_token) {
            *in_token = 0;
            c = ' ';
        }
        else {
            return 0;
        }
    }
    else if (!*in_token) {
        *in_token = 1;
        (*n_tokens)++;
    }
    const Entry *e = find_entry(self, bigram_key(joined[*k - 1], c));
    pysum_more(sum, e ? e->pooled : self->pooled_floor);
    *non_ascii += c > 0x7f;
    joined[(*k)++] = c;
    return 0;
}

/* quick_data of a single-byte candidate core ``data[:n]`` (its joined tokens in ``room``,
 * which holds 2 * MAX_FOLD * n + 2 characters): fold, split, shapes, join and sum in one
 * pass (no folded copy, no token list); quick_data itself (the same numbers) for a text
 * with a character of a script not modelled or a character not in the table. */
static int
quick_single(Tables *self, const Py_UCS4 *data, Py_ssize_t n, Quick *q, Py_UCS4 *room,
             Py_ssize_t room_size)
{
    CharInfo spare, spare_fold;
    Shapes sh = {0, 0, 0, 0, 0, 0};
    /* (started: 0.0 + x is x's first sum, as pysum_add's first step makes it) */
    PySum sum = {0.0, 0.0, 1};
    Py_ssize_t k = 1, n_tokens = 0, non_ascii = 0, run = 0;
    int in_token = 0, run_glued = 0;
    uint32_t prev = 0, cur = 0;
    if (room == NULL || room_size < 2 * MAX_FOLD * n + 2) {
        goto general;
    }
    room[0] = ' ';
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = data[i];
        if (ch >= BMP || !(self->bmp[ch].flags & F_KNOWN)) {
            goto general;
        }
        const CharInfo *ci = &self->bmp[ch];
        /* (the shapes of the character before, now that its next is known) */
        if (i > 0) {
            quick_shape(&sh, prev, cur, ci->flags, &run, &run_glued);
        }
        prev = cur;
        cur = ci->flags;
        if (ch < 0x80) {
            Py_UCS4 c = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
            const CharInfo *fi = c == ch ? ci : info(self, c, &spare_fold);
            if (fi == NULL) {
                goto general;
            }
            if (quick_put(self, room, &k, &in_token, &n_tokens, &non_ascii, &sum, c,
                          fi->flags)) {
                goto general;
            }
            continue;
        }
        for (int j = 0; j < ci->nfold; j++) {
            Py_UCS4 c = ci->fold[j];
            const CharInfo *fi = c == ch ? ci : info(self, c, &spare_fold);
            if (fi == NULL || quick_put(self, room, &k, &in_token, &n_tokens, &non_ascii, &sum,
                                        c, fi->flags)) {
                goto general;
            }
        }
    }
    if (n > 0) {
        quick_shape(&sh, prev, cur, 0, &run, &run_glued);
    }
    (void)spare;
    memset(q, 0, sizeof(*q));
    if (n_tokens == 0) {
        q->value = !sh.non_ascii ? 0.0 : NO_LETTERS;
        return 0;
    }
    if (in_token) { /* (the last token closed) */
        quick_put(self, room, &k, &in_token, &n_tokens, &non_ascii, &sum, ' ', 0);
    }
    Py_ssize_t count;
    double cost = symbols(&sh, non_ascii, &count);
    cost += GLUED_SYMBOL * (double)sh.glued;
    Py_ssize_t denominator = k - 1 + count;
    if (denominator == 0) {
        return 1; /* (as quick_kind: Python raises ZeroDivisionError) */
    }
    q->value = (pysum_result(&sum) + cost) / (double)denominator;
    q->cost = cost;
    q->count = count;
    q->joined = room;
    q->owned = 0;
    q->len = k;
    return 0;
general:
    return quick_data(self, PyUnicode_4BYTE_KIND, data, n, q, room, room_size);
}

/* legacy._first_look over the chosen looks: their quick logprobs (the first ``shortlist``
 * of them put in order) and the most letters a core as long as ``text_core`` reads in
 * *most; -1 on error, -2 where Python must decide.
 * The single-byte candidate cores are read from a buffer (made as str only when ranked),
 * patched from what they share. */
static int
first_look(Pool *pool, Tables *tables, PyObject *text_core, Look *looks, Py_ssize_t n,
           Py_ssize_t shortlist, Py_ssize_t *most, Py_UCS4 **rooms)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text_core);
    /* each look's joined tokens in its own room of one block (*rooms: the caller's to
     * free once the looks are done with), where they fit (those of a core no longer than
     * ``text_core``: MAX_FOLD characters a character, a space after each) */
    Py_ssize_t room = 2 * MAX_FOLD * len + 2;
    Py_UCS4 *buf = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(len + 1 + n * room));
    Shared sh = {NULL, NULL, NULL, 0, 0, 0};
    *rooms = buf;
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int status = 0, shared = 0;
    *most = 0;
    for (Py_ssize_t i = 0; i < n && status == 0; i++) {
        Look *look = &looks[i];
        Py_ssize_t size = len, r = -1; /* (r: the reads, where known) */
        int accent = 1;
        if (look->cand == NULL && look->step >= 0) {
            if (!shared && (shared = 1, shared_of(pool, text_core, &sh) < 0)) {
                status = -1;
                break;
            }
            accent = shared_into(pool, &sh, len, look->step, buf, &r);
            if (accent < 0) {
                status = -1;
                break;
            }
        }
        Py_UCS4 *joined = buf + len + 1 + i * room;
        if (!accent) {
            status = quick_single(tables, buf, size, &look->quick, joined, room);
        }
        else {
            PyObject *text; /* the str quick reads (composed) */
            if (make_cand(pool, text_core, look) < 0 || (text = composed(look->cand)) == NULL) {
                status = -1;
                break;
            }
            status = quick_data(tables, PyUnicode_KIND(text), PyUnicode_DATA(text),
                                PyUnicode_GET_LENGTH(text), &look->quick, joined, room);
            Py_DECREF(text);
            size = PyUnicode_GET_LENGTH(look->cand);
            r = -1;
            if (status == 0 && size == len) {
                r = reads_data(pool, PyUnicode_KIND(look->cand), PyUnicode_DATA(look->cand),
                               size);
                status = r < 0 ? -1 : 0;
            }
        }
        if (status != 0) {
            status = status < 0 ? -1 : -2;
            break;
        }
        look->q = -look->quick.value;
        if (size == len) {
            *most = r > *most ? r : *most;
        }
    }
    shared_free(&sh);
    if (status == 0) {
        first_by_quick(looks, n, shortlist);
    }
    return status;
}

/* The rank's constants of the tuple ``consts`` into *k: read again only where an item is
 * not the object read last time (the same float objects come on every call); -1 on error. */
static int
rank_constants(Ranking *self, PyObject *consts, RankConstants *k)
{
    Py_ssize_t n = PyTuple_GET_SIZE(consts), same = 0;
    if (self->consts != NULL && PyTuple_GET_SIZE(self->consts) == n) {
        while (same < n && PyTuple_GET_ITEM(self->consts, same) == PyTuple_GET_ITEM(consts, same)) {
            same++;
        }
    }
    if (self->consts != NULL && same == n) {
        *k = self->k;
        return 0;
    }
    if (!PyArg_ParseTuple(consts, "dddddddddd", &k->word_bonus, &k->coverage_bonus,
                          &k->lang_mismatch, &k->symbol_for_letter, &k->new_odd_case,
                          &k->lacked_letter, &k->evidence_letters, &k->bound_slack,
                          &k->freq_bonus, &k->max_band)) {
        return -1;
    }
    Py_INCREF(consts); /* (kept: its items stay those objects) */
    Py_XDECREF(self->consts);
    self->consts = consts;
    self->k = *k;
    return 0;
}

/* candidates(pool, tables, text, text_core, utf8, needs_words, best_only, constants,
 * limits): legacy.candidates, its [Candidate, ...] best first (the best alone with
 * ``best_only``), given the line's UTF-8 round trips as (oddness, candidate core, chains);
 * None where Python must decide.  ``limits`` are (QUICK_POOL, SHORTLIST, STRONG_KNOWN). */
static PyObject *
Ranking_candidates(Ranking *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *pool_obj, *tables_obj, *text, *text_core, *utf8, *consts, *limits;
    int needs_words, best_only;
    Py_ssize_t quick_pool, shortlist;
    double strong_known;
    RankConstants k;
    /* (the arguments read by hand: a format string is parsed again on every call) */
    if (nargs != 9) {
        PyErr_SetString(PyExc_TypeError, "candidates takes 9 arguments");
        return NULL;
    }
    pool_obj = args[0], tables_obj = args[1], text = args[2], text_core = args[3];
    utf8 = args[4], consts = args[7], limits = args[8];
    if (!PyObject_TypeCheck(pool_obj, &PoolType) || !PyObject_TypeCheck(tables_obj, &TablesType) ||
        !PyUnicode_Check(text) || !PyUnicode_Check(text_core) || !PyList_Check(utf8) ||
        !PyTuple_Check(consts) || !PyTuple_Check(limits) || PyTuple_GET_SIZE(limits) != 3) {
        PyErr_SetString(PyExc_TypeError,
                        "candidates(Pool, Tables, str, str, list, bool, bool, tuple, (n, n, d))");
        return NULL;
    }
    if ((needs_words = PyObject_IsTrue(args[5])) < 0 ||
        (best_only = PyObject_IsTrue(args[6])) < 0) {
        return NULL;
    }
    quick_pool = PyLong_AsSsize_t(PyTuple_GET_ITEM(limits, 0));
    shortlist = PyLong_AsSsize_t(PyTuple_GET_ITEM(limits, 1));
    strong_known = PyFloat_AsDouble(PyTuple_GET_ITEM(limits, 2));
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (rank_constants(self, consts, &k) < 0) {
        return NULL;
    }
    Pool *pool = (Pool *)pool_obj;
    Tables *tables = (Tables *)tables_obj;
    PyObject *result = NULL;
    Look *looks = NULL;
    Groups groups = {0, NULL, NULL, NULL, NULL, NULL};
    Py_ssize_t *live = NULL;
    Py_ssize_t made = pool_looks(self, pool, text_core, utf8, &groups, &live, &looks), n = made;
    Py_ssize_t most = 0;
    Py_UCS4 *rooms = NULL; /* (first_look's) */
    int status = n < 0 ? (int)n : 0;
    if (status == 0 && needs_words) {
        n = with_known_words(pool, text_core, looks, n, quick_pool, strong_known);
        status = n < 0 ? -1 : 0;
    }
    if (status == 0 && n == 0) {
        result = PyList_New(0);
        goto done;
    }
    if (status == 0) {
        n = chosen(looks, n, quick_pool);
        status = first_look(pool, tables, text_core, looks, n, shortlist, &most, &rooms);
    }
    Py_ssize_t ranked = n < shortlist ? n : shortlist;
    for (Py_ssize_t i = 0; status == 0 && i < ranked; i++) {
        status = make_cand(pool, text_core, &looks[i]);
    }
    if (status == 0) {
        /* (the Candidates made only for what is returned: the best alone with best_only) */
        Found local[FOUND_LOCAL];
        Found *found = ranked <= FOUND_LOCAL ? local : PyMem_Malloc(sizeof(Found) * (size_t)ranked);
        Py_ssize_t n_found = 0;
        status = found == NULL ? (PyErr_NoMemory(), -1)
                               : rank_loop(self, pool, tables, text, text_core, &groups, live,
                                           looks, ranked, most, best_only, &k, found, &n_found);
        if (status == 0) {
            sort_found(found, n_found);
            n_found = best_only && n_found > 1 ? 1 : n_found;
            result = PyList_New(n_found);
            for (Py_ssize_t i = 0; result != NULL && i < n_found; i++) {
                PyObject *cand = candidate_of(self, pool, tables, text, &found[i]);
                if (cand == NULL) {
                    Py_CLEAR(result);
                    break;
                }
                PyList_SET_ITEM(result, i, cand);
            }
        }
        else if (status == 1) {
            result = Py_None;
            Py_INCREF(result);
        }
        if (found != local) {
            PyMem_Free(found);
        }
    }
    else if (status == -2) {
        result = Py_None;
        Py_INCREF(result);
    }
done:
    for (Py_ssize_t i = 0; i < made; i++) {
        Py_XDECREF(looks[i].cand);
        if (looks[i].quick.owned) {
            PyMem_Free(looks[i].quick.joined);
        }
    }
    PyMem_Free(rooms);
    looks_give(self, looks);
    groups_free(&groups);
    PyMem_Free(live);
    return result;
}

static PyMethodDef Ranking_methods[] = {
    {"candidates", (PyCFunction)(void (*)(void))Ranking_candidates, METH_FASTCALL,
     "legacy.candidates' Candidates (ranked, best first), or None for Python."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RankingType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "textfix.scoring._cscore.Ranking",
    .tp_basicsize = sizeof(Ranking),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "What repair.legacy's rank formula needs of each chain step, handed over once.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Ranking_init,
    .tp_dealloc = (destructor)Ranking_dealloc,
    .tp_methods = Ranking_methods,
};

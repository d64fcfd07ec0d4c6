/* legacy._pair_facts(text, cand) in one call where the compiled gate sheet answers every
 * gate it is asked (nearly every garbled line's best round trip): the sheet's answers, then
 * the pair's own refusals (no repaired word of two letters, symbols made, a listing,
 * capitals put inside words). The functions it reads are the compiled ones the Python body
 * calls, handed over once by init_pair_facts (gate_sheet.sheet, _cgates.symbols,
 * _cscore.listed_run, the scorer's Tables.odd_cases): what it saves is the Python frames
 * and calls between them (about half of the gate list's cost on a short line).
 * The pure-Python reference: legacy._pair_facts_py; tests/test_pair_facts.py compares them.
 *
 * Gates the sheet leaves open are read from the accept sheet where gate_sheet.read_sheet
 * reads them there (its _ACCEPTED_AS pairs, handed over as `accepted`).
 *
 * A gate the sheet leaves open (and the accept sheet does not answer) is handed back as
 * its bit `open_shift` places up (init_pair_facts): the caller asks its Python body alone,
 * and every other fact is answered here (the open gates' answers change none of them).
 *
 * pair_facts(text, cand) is None (the Python body answers) without init_pair_facts, where
 * the sheet is None, where a symbol count is None (beyond the BMP) or the candidate has
 * more symbols (the quotation marks' balance is asked in Python). */

#define PF_MAX_ACCEPTED 8

static PyObject *PF_SHEET, *PF_ACCEPT_SHEET, *PF_SYMBOLS, *PF_LISTED_RUN, *PF_ODD_CASES,
    *PF_LISTED_LEN;
static unsigned long long PF_GATES, PF_NO_WORD, PF_LISTED, PF_ODD_MADE, PF_ACCEPTED_OPEN;
static int PF_KNOWN, PF_LONGEST, PF_ACCEPT_KNOWN, PF_N_ACCEPTED, PF_OPEN_SHIFT;
static int PF_ACCEPTED_GATE[PF_MAX_ACCEPTED], PF_ACCEPTED_BIT[PF_MAX_ACCEPTED];

static PyObject *py_init_pair_facts(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *sheet, *accept_sheet, *accepted, *symbols, *listed_run, *odd_cases, *listed_len;
    unsigned long long gates, no_word, listed, odd_made;
    int known, longest, accept_known, open_shift;
    if (!PyArg_ParseTuple(args, "OOOOOOOKiiiKKKi:init_pair_facts", &sheet, &accept_sheet,
                          &accepted, &symbols, &listed_run, &odd_cases, &listed_len, &gates,
                          &known, &longest, &accept_known, &no_word, &listed, &odd_made,
                          &open_shift))
        return NULL;
    if (known < 0 || known > 63 || longest < 0 || longest > 63 || accept_known < 0
        || accept_known > 55 || open_shift < 1 || open_shift > 63
        /* (the open gates' bits above every fact, and none shifted out) */
        || (gates | no_word | listed | odd_made) >> open_shift != 0
        || (gates << open_shift) >> open_shift != gates) {
        PyErr_SetString(PyExc_ValueError, "init_pair_facts: shifts of 0 to 63, open bits apart");
        return NULL;
    }
    PyObject *pairs = PySequence_Fast(accepted, "init_pair_facts: (gate, bit) pairs");
    if (pairs == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(pairs);
    if (n > PF_MAX_ACCEPTED) {
        Py_DECREF(pairs);
        PyErr_SetString(PyExc_ValueError, "init_pair_facts: too many accepted pairs");
        return NULL;
    }
    unsigned long long open = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int gate, bit;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(pairs, i), "ii", &gate, &bit)
            || gate < 0 || gate > 63 || bit < 0 || bit > 7) {
            Py_DECREF(pairs);
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "init_pair_facts: a gate of 0 to 63, a bit of 0 to 7");
            return NULL;
        }
        PF_ACCEPTED_GATE[i] = gate;
        PF_ACCEPTED_BIT[i] = bit;
        open |= 1ULL << gate;
    }
    Py_DECREF(pairs);
    PF_N_ACCEPTED = (int)n;
    PF_ACCEPTED_OPEN = open;
    PF_ACCEPT_KNOWN = accept_known;
    Py_XSETREF(PF_ACCEPT_SHEET, Py_NewRef(accept_sheet));
    Py_XSETREF(PF_SHEET, Py_NewRef(sheet));
    Py_XSETREF(PF_SYMBOLS, Py_NewRef(symbols));
    Py_XSETREF(PF_LISTED_RUN, Py_NewRef(listed_run));
    Py_XSETREF(PF_ODD_CASES, Py_NewRef(odd_cases));
    Py_XSETREF(PF_LISTED_LEN, Py_NewRef(listed_len));
    PF_GATES = gates;
    PF_KNOWN = known;
    PF_LONGEST = longest;
    PF_NO_WORD = no_word;
    PF_LISTED = listed;
    PF_ODD_MADE = odd_made;
    PF_OPEN_SHIFT = open_shift;
    Py_RETURN_NONE;
}

/* A count one of the handed-over functions returns for arg (and a second one, or NULL):
 * -1 with an error set, -2 for None. */
static long long pf_count(PyObject *func, PyObject *arg)
{
    PyObject *found = PyObject_CallOneArg(func, arg);
    if (found == NULL)
        return -1;
    if (found == Py_None) {
        Py_DECREF(found);
        return -2;
    }
    long long n = PyLong_AsLongLong(found);
    Py_DECREF(found);
    return n == -1 && PyErr_Occurred() ? -1 : n;
}

/* The bits one of the sheets (func) answers for the pair args: 1 with *bits set, 0 for
 * None, -1 with an error set. */
static int pf_sheet_bits(PyObject *func, PyObject *const *args, unsigned long long *bits)
{
    PyObject *found = PyObject_Vectorcall(func, args, 2, NULL);
    if (found == NULL)
        return -1;
    if (found == Py_None) {
        Py_DECREF(found);
        return 0;
    }
    *bits = PyLong_AsUnsignedLongLong(found);
    Py_DECREF(found);
    return *bits == (unsigned long long)-1 && PyErr_Occurred() ? -1 : 1;
}

static PyObject *py_pair_facts(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "pair_facts(text, cand): two str");
        return NULL;
    }
    if (PF_SHEET == NULL)
        Py_RETURN_NONE;
    PyObject *text = args[0], *cand = args[1];
    unsigned long long bits, more;
    int answered = pf_sheet_bits(PF_SHEET, args, &bits);
    if (answered <= 0)
        return answered < 0 ? NULL : Py_NewRef(Py_None);
    unsigned long long known = bits >> PF_KNOWN & PF_GATES, facts = bits & known;
    unsigned long long left = PF_GATES & ~known;
    if (left & PF_ACCEPTED_OPEN) {
        /* (read_sheet's second lookup: the accept sheet; None leaves those gates open) */
        answered = pf_sheet_bits(PF_ACCEPT_SHEET, args, &more);
        if (answered < 0)
            return NULL;
        for (int i = 0; answered && i < PF_N_ACCEPTED; i++) {
            int gate = PF_ACCEPTED_GATE[i], bit = PF_ACCEPTED_BIT[i];
            if ((left >> gate & 1) && (more >> (PF_ACCEPT_KNOWN + bit) & 1)) {
                facts |= (more >> bit & 1) << gate;
                left ^= 1ULL << gate;
            }
        }
    }
    facts |= left << PF_OPEN_SHIFT; /* (the gates left open: their Python bodies answer) */
    if (bits >> PF_LONGEST < 2)
        facts |= PF_NO_WORD;
    long long made = pf_count(PF_SYMBOLS, cand);
    if (made == -1)
        return NULL;
    long long had = made == -2 ? -2 : pf_count(PF_SYMBOLS, text);
    if (had == -1)
        return NULL;
    if (made == -2 || had == -2 || made > had)
        Py_RETURN_NONE;
    PyObject *run_args[3] = {text, cand, PF_LISTED_LEN};
    PyObject *run = PyObject_Vectorcall(PF_LISTED_RUN, run_args, 3, NULL);
    if (run == NULL)
        return NULL;
    int listed = PyObject_IsTrue(run);
    Py_DECREF(run);
    if (listed < 0)
        return NULL;
    if (listed)
        facts |= PF_LISTED;
    long long odd_after = pf_count(PF_ODD_CASES, cand);
    if (odd_after == -1)
        return NULL;
    long long odd_before = pf_count(PF_ODD_CASES, text);
    if (odd_before == -1)
        return NULL;
    if (odd_after == -2 || odd_before == -2)
        Py_RETURN_NONE;
    if (odd_after > odd_before)
        facts |= PF_ODD_MADE;
    return PyLong_FromUnsignedLongLong(facts);
}

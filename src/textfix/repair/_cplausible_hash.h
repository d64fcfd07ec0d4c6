/* CRC-32 (zlib's), the hash of the Bloom filter and (forwards and backwards) of the word index.
 * Part of _cplausible.c (one compilation unit: included there, after Python.h). */
#ifndef _CPLAUSIBLE_HASH_H
#define _CPLAUSIBLE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ CRC-32 (zlib's) */

/* crc_table[0] is zlib's byte table; crc_table[k] advances a byte k more zero bytes, so that
 * eight bytes are folded in at once (slicing-by-8: the same CRC, about half the
 * instructions on the word keys, 8-20 bytes, that the filter and the index hash). */
static uint32_t crc_table[8][256];

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[0][n] = c;
    }
    for (int k = 1; k < 8; k++)
        for (uint32_t n = 0; n < 256; n++)
            crc_table[k][n] = crc_table[k - 1][n] >> 8 ^ crc_table[0][crc_table[k - 1][n] & 0xFF];
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CRC_SLICES 1
/* The CRC state c after the eight bytes of v (v's low byte first). */
static inline uint32_t crc_eight(uint32_t c, uint64_t v)
{
    uint32_t lo = c ^ (uint32_t)v, hi = (uint32_t)(v >> 32);
    return crc_table[7][lo & 0xFF] ^ crc_table[6][lo >> 8 & 0xFF] ^ crc_table[5][lo >> 16 & 0xFF]
           ^ crc_table[4][lo >> 24] ^ crc_table[3][hi & 0xFF] ^ crc_table[2][hi >> 8 & 0xFF]
           ^ crc_table[1][hi >> 16 & 0xFF] ^ crc_table[0][hi >> 24];
}
#else
#define CRC_SLICES 0
#endif

static uint32_t crc32_forward(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    size_t i = 0;
#if CRC_SLICES
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        c = crc_eight(c, v);
    }
#endif
    for (; i < n; i++)
        c = crc_table[0][(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* CRC-32 of the bytes read back to front (the Bloom filter's second position). */
static uint32_t crc32_backward(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
#if CRC_SLICES
    for (; n >= 8; n -= 8) { /* (the last eight bytes, last first: byte-swapped) */
        uint64_t v;
        memcpy(&v, p + n - 8, 8);
        c = crc_eight(c, __builtin_bswap64(v));
    }
#endif
    while (n > 0)
        c = crc_table[0][(c ^ p[--n]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* The word index's 64-bit key of a word's bytes (_wordindex.word_key before its top bits are
 * kept): MurmurHash3's finaliser (_wordindex.mix64) of the CRC-32 of the bytes (high half)
 * and of the bytes reversed (low half). */
static uint64_t word_key64(const uint8_t *p, size_t n)
{
    uint64_t v = (uint64_t)crc32_forward(p, n) << 32 | crc32_backward(p, n);
    v ^= v >> 33;
    v *= 0xFF51AFD7ED558CCDULL;
    v ^= v >> 33;
    v *= 0xC4CEB9FE1A85EC53ULL;
    return v ^ (v >> 33);
}

/* The entry of key (high, low) among the sorted highs from lo on (bisect_left up to hi,
 * then the run of equal highs): its slot, or -1 when the key is not listed. */
static long index_find(const uint32_t *highs, const uint16_t *lows, const uint16_t *slots,
                       ptrdiff_t count, ptrdiff_t lo, ptrdiff_t hi, uint32_t high, uint16_t low)
{
    while (lo < hi) { /* bisect_left */
        ptrdiff_t mid = (lo + hi) / 2;
        if (highs[mid] < high)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (ptrdiff_t i = lo; i < count && highs[i] == high; i++)
        if (lows[i] == low)
            return slots[i];
    return -1;
}

/* The word index's entry for the bytes of a word (WordIndex._lookup's search): the key's
 * high bits pick a bucket of the sorted highs, bisected; the entry with the same low bits
 * gives its slot. Returns the slot, or -1 when the word is not listed. */
static long index_slot(const uint32_t *highs, const uint16_t *lows, const uint16_t *slots,
                       const uint32_t *starts, ptrdiff_t count, int bits, int shift,
                       const uint8_t *p, size_t n)
{
    uint64_t key = word_key64(p, n) >> (64 - bits);
    uint32_t high = (uint32_t)(key >> 16);
    uint32_t bucket = high >> shift;
    return index_find(highs, lows, slots, count, starts[bucket], starts[bucket + 1], high,
                      (uint16_t)(key & 0xFFFF));
}

/* ------------------------------------------------------------------ the index's filter */

/* Most words looked up on a garbled line (candidate decodes) are not shipped, and each step
 * of index_slot's bisect (~100 keys a bucket, 6.7 MB of highs) is a dependent cache miss.
 * The filter answers the same with fewer misses: a presence bitmap of the keys' top
 * ``pbits`` bits (8-16 bits per key: 2 MB for 1.68M keys, ~10% set; a clear bit proves
 * "not listed" with one miss: ~60% of the lookups on garbled lines), then a finer bucket
 * table (~13 keys a bucket: 512 KB) so the bisect stays in one or two cache lines. Built
 * once from the sorted keys (~5 ms) by each module that looks words up (_cscore's Words,
 * _cplausible's tables: 2.5 MB each, two .so files with no shared state). A 4 MB bitmap
 * (~5% set) measured no faster. */
typedef struct {
    uint64_t *present; /* NULL: no filter (index_slot as it is) */
    uint32_t *starts;  /* (1 << fbits) + 1 first positions of each run of highs >> fshift */
    int pshift, fshift;
} IndexFilter;

static inline void index_filter_free(IndexFilter *f)
{
    PyMem_Free(f->present);
    PyMem_Free(f->starts);
    f->present = NULL;
    f->starts = NULL;
}

/* The smallest b in [lo, hi] with 2**b >= want. */
static inline int index_log2(uint64_t want, int lo, int hi)
{
    int b = lo;
    while (b < hi && ((uint64_t)1 << b) < want)
        b++;
    return b;
}

/* Builds f for the index (highs sorted: else f stays empty and lookups go unfiltered);
 * -1 when out of memory. */
static inline int index_filter_build(IndexFilter *f, const uint32_t *highs, const uint16_t *lows,
                                     ptrdiff_t count, int bits)
{
    f->present = NULL;
    f->starts = NULL;
    for (ptrdiff_t i = 1; i < count; i++)
        if (highs[i - 1] > highs[i])
            return 0;
    int pbits = index_log2(8 * (uint64_t)count, 6, bits < 32 ? bits : 32);
    int fbits = index_log2((uint64_t)count / 16, 0, bits - 16 < 24 ? bits - 16 : 24);
    f->pshift = bits - pbits;
    f->fshift = bits - 16 - fbits;
    size_t nbuckets = (size_t)1 << fbits;
    f->present = PyMem_Calloc(((size_t)1 << pbits) / 64 + 1, sizeof(uint64_t));
    f->starts = PyMem_Malloc((nbuckets + 1) * sizeof(uint32_t));
    if (f->present == NULL || f->starts == NULL) {
        index_filter_free(f);
        return -1;
    }
    ptrdiff_t at = 0;
    for (size_t b = 0; b <= nbuckets; b++) { /* bisect_left(highs, b << fshift) */
        while (at < count && (uint64_t)(highs[at] >> f->fshift) < b)
            at++;
        f->starts[b] = (uint32_t)at;
    }
    for (ptrdiff_t i = 0; i < count; i++) {
        uint64_t top = ((uint64_t)highs[i] << 16 | lows[i]) >> f->pshift;
        f->present[top >> 6] |= (uint64_t)1 << (top & 63);
    }
    return 0;
}

/* index_slot through the filter f (the same answer, fewer cache misses). */
static inline long index_slot_filtered(const IndexFilter *f, const uint32_t *highs,
                                       const uint16_t *lows, const uint16_t *slots,
                                       const uint32_t *starts, ptrdiff_t count, int bits,
                                       int shift, const uint8_t *p, size_t n)
{
    if (f->present == NULL)
        return index_slot(highs, lows, slots, starts, count, bits, shift, p, n);
    uint64_t key = word_key64(p, n) >> (64 - bits);
    uint64_t top = key >> f->pshift;
    if (!(f->present[top >> 6] >> (top & 63) & 1))
        return -1;
    uint32_t high = (uint32_t)(key >> 16);
    uint32_t bucket = high >> f->fshift;
    return index_find(highs, lows, slots, count, f->starts[bucket], f->starts[bucket + 1], high,
                      (uint16_t)(key & 0xFFFF));
}

#endif /* _CPLAUSIBLE_HASH_H */

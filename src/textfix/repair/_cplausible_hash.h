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

/* The word index's entry for the bytes of a word (WordIndex._lookup's search): the key's
 * high bits pick a bucket of the sorted highs, bisected; the entry with the same low bits
 * gives its slot. Returns the slot, or -1 when the word is not listed. */
static long index_slot(const uint32_t *highs, const uint16_t *lows, const uint16_t *slots,
                       const uint32_t *starts, ptrdiff_t count, int bits, int shift,
                       const uint8_t *p, size_t n)
{
    uint64_t key = word_key64(p, n) >> (64 - bits);
    uint32_t high = (uint32_t)(key >> 16);
    uint16_t low = (uint16_t)(key & 0xFFFF);
    uint32_t bucket = high >> shift;
    ptrdiff_t lo = starts[bucket], hi = starts[bucket + 1];
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

#endif /* _CPLAUSIBLE_HASH_H */

/* CRC-32 (zlib's) and BLAKE2b-64 (RFC 7693), the hashes of the Bloom filter and word index.
 * Part of _cplausible.c (one compilation unit: included there, after Python.h). */
#ifndef _CPLAUSIBLE_HASH_H
#define _CPLAUSIBLE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ CRC-32 (zlib's) */

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32_forward(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* CRC-32 of the bytes read back to front (the Bloom filter's second position). */
static uint32_t crc32_backward(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    while (n > 0)
        c = crc_table[(c ^ p[--n]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ------------------------------------------------------------------ BLAKE2b (RFC 7693) */

static const uint64_t blake2b_iv[8] = {
    0x6A09E667F3BCC908ULL, 0xBB67AE8584CAA73BULL, 0x3C6EF372FE94F82BULL,
    0xA54FF53A5F1D36F1ULL, 0x510E527FADE682D1ULL, 0x9B05688C2B3E6C1FULL,
    0x1F83D9ABFB41BD6BULL, 0x5BE0CD19137E2179ULL,
};

static const uint8_t blake2b_sigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static uint64_t load64_le(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

#define B2_G(a, b, c, d, x, y)                                                                 \
    do {                                                                                       \
        v[a] = v[a] + v[b] + (x);                                                              \
        v[d] = rotr64(v[d] ^ v[a], 32);                                                        \
        v[c] = v[c] + v[d];                                                                    \
        v[b] = rotr64(v[b] ^ v[c], 24);                                                        \
        v[a] = v[a] + v[b] + (y);                                                              \
        v[d] = rotr64(v[d] ^ v[a], 16);                                                        \
        v[c] = v[c] + v[d];                                                                    \
        v[b] = rotr64(v[b] ^ v[c], 63);                                                        \
    } while (0)

static void blake2b_compress(uint64_t h[8], const uint8_t block[128], uint64_t t, int last)
{
    uint64_t v[16], m[16];
    for (int i = 0; i < 16; i++)
        m[i] = load64_le(block + 8 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = h[i];
        v[i + 8] = blake2b_iv[i];
    }
    v[12] ^= t; /* the high word of the 128-bit counter stays 0: inputs are short */
    if (last)
        v[14] = ~v[14];
    /* Rounds written out: constant message indices let the compiler keep v in registers. */
#define B2_ROUND(r)                                                                            \
    do {                                                                                       \
        const uint8_t *s = blake2b_sigma[r];                                                   \
        B2_G(0, 4, 8, 12, m[s[0]], m[s[1]]);                                                   \
        B2_G(1, 5, 9, 13, m[s[2]], m[s[3]]);                                                   \
        B2_G(2, 6, 10, 14, m[s[4]], m[s[5]]);                                                  \
        B2_G(3, 7, 11, 15, m[s[6]], m[s[7]]);                                                  \
        B2_G(0, 5, 10, 15, m[s[8]], m[s[9]]);                                                  \
        B2_G(1, 6, 11, 12, m[s[10]], m[s[11]]);                                                \
        B2_G(2, 7, 8, 13, m[s[12]], m[s[13]]);                                                 \
        B2_G(3, 4, 9, 14, m[s[14]], m[s[15]]);                                                 \
    } while (0)
    B2_ROUND(0);
    B2_ROUND(1);
    B2_ROUND(2);
    B2_ROUND(3);
    B2_ROUND(4);
    B2_ROUND(5);
    B2_ROUND(6);
    B2_ROUND(7);
    B2_ROUND(8);
    B2_ROUND(9);
    B2_ROUND(10);
    B2_ROUND(11);
#undef B2_ROUND
    for (int i = 0; i < 8; i++)
        h[i] ^= v[i] ^ v[i + 8];
}

/* BLAKE2b with an 8-byte digest and no key; the digest read as a big-endian integer
 * (hashlib.blake2b(data, digest_size=8).digest() -> int.from_bytes(..., "big")). */
static uint64_t blake2b_64(const uint8_t *p, size_t n)
{
    uint64_t h[8];
    uint8_t block[128];
    uint64_t t = 0;
    memcpy(h, blake2b_iv, sizeof h);
    h[0] ^= 0x01010000ULL ^ 8u;
    while (n > 128) {
        t += 128;
        blake2b_compress(h, p, t, 0);
        p += 128;
        n -= 128;
    }
    memset(block, 0, sizeof block);
    if (n > 0)
        memcpy(block, p, n);
    t += n;
    blake2b_compress(h, block, t, 1);
    uint64_t out = 0;
    for (int i = 0; i < 8; i++)
        out = out << 8 | ((h[0] >> (8 * i)) & 0xFF);
    return out;
}

/* The word index's entry for the bytes of a word (WordIndex._lookup's search): the key's
 * high bits pick a bucket of the sorted highs, bisected; the entry with the same low bits
 * gives its slot. Returns the slot, or -1 when the word is not listed. */
static long index_slot(const uint32_t *highs, const uint16_t *lows, const uint16_t *slots,
                       const uint32_t *starts, ptrdiff_t count, int bits, int shift,
                       const uint8_t *p, size_t n)
{
    uint64_t key = blake2b_64(p, n) >> (64 - bits);
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

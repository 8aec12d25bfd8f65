/* DEFLATE (RFC 1951) engines without Python objects, used by the deflate and zlib modules.
 *
 * Inflate pulls compressed bytes through a callback and produces output on demand, so a
 * caller can read a stream in small pieces: its state keeps the current block's Huffman
 * tables, a pending back-reference and a ring window of 2^wbits bytes (the only large
 * allocation). Malformed input makes mt_inflate_read raise ValueError; it never reads or
 * writes outside its buffers.
 *
 * Deflate compresses with LZ77 over a window of 2^wbits bytes (hash chains) and codes the
 * result with the fixed Huffman codes of RFC 1951, streaming: bytes go in as written and
 * complete codes come out through a callback. */
#ifndef MT_DEFLATE_H
#define MT_DEFLATE_H

#include "obj.h"

typedef int (*mt_inflate_src_t)(void *ctx); /* next input byte or -1 at the end */
typedef void (*mt_deflate_sink_t)(void *ctx, const uint8_t *p, size_t n);

typedef struct {
    uint16_t count[16];   /* codes of each length */
    uint16_t symbol[288]; /* symbols by code */
} mt_huff_t;

typedef struct {
    mt_inflate_src_t src;
    void *ctx;
    uint32_t bitbuf;
    int bitcnt;
    uint8_t *window;                  /* ring of window_size bytes (GC heap) */
    uint32_t window_size, wpos, have; /* have: bytes of history available (<= window_size) */
    uint8_t state;                    /* ST_* in deflate.c */
    bool last_block;
    uint32_t stored_left; /* bytes left in a stored block */
    uint32_t copy_len, copy_dist;
    mt_huff_t lencode, distcode;
    uint32_t total_out;
    bool too_far; /* the error raised was a distance beyond the window */
} mt_inflate_t;

/* window_bits 8..15 */
void mt_inflate_init(mt_inflate_t *s, int window_bits, mt_inflate_src_t src, void *ctx);
/* up to n bytes into out; 0 at the end of the deflate stream */
size_t mt_inflate_read(mt_inflate_t *s, uint8_t *out, size_t n);
/* the next whole byte after the stream's end (trailers): drops any partial byte */
int mt_inflate_byte(mt_inflate_t *s);

typedef struct {
    mt_deflate_sink_t sink;
    void *ctx;
    uint8_t *buf;              /* 2 * window: history + lookahead */
    uint16_t *head;            /* hash -> last position + 1 */
    uint16_t *prev;            /* position -> previous position with the same hash + 1 */
    uint32_t window, len, pos; /* buf holds len bytes; pos = next byte to code */
    uint32_t bitbuf;
    int bitcnt;
    bool started;
} mt_deflate_t;

void mt_deflate_init(mt_deflate_t *s, int window_bits, mt_deflate_sink_t sink, void *ctx);
void mt_deflate_write(mt_deflate_t *s, const uint8_t *p, size_t n);
void mt_deflate_finish(mt_deflate_t *s); /* codes the rest and the end of the stream */

uint32_t mt_adler32(uint32_t adler, const uint8_t *p, size_t n);

#endif

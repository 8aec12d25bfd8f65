/* DEFLATE engines: see deflate.h. */
#include "deflate.h"

enum { ST_HEADER, ST_STORED, ST_CODES, ST_DONE };

static const uint16_t len_base[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                      15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                      67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

MT_NORETURN static void bad(const char *why) {
    mt_raise_value_error(why);
}

/* ---- inflate */

static uint32_t getbits(mt_inflate_t *s, int n) {
    while (s->bitcnt < n) {
        int b = s->src(s->ctx);
        if (b < 0) bad("truncated deflate stream");
        s->bitbuf |= (uint32_t)b << s->bitcnt;
        s->bitcnt += 8;
    }
    uint32_t v = s->bitbuf & ((1u << n) - 1);
    s->bitbuf >>= n;
    s->bitcnt -= n;
    return v;
}

/* canonical Huffman table from code lengths; incomplete codes are allowed (a code that
 * is not in the table is an error when met), over-subscribed ones are not */
static void huff_build(mt_huff_t *h, const uint8_t *lens, int n) {
    uint16_t offs[16];
    memset(h->count, 0, sizeof(h->count));
    for (int i = 0; i < n; i++) h->count[lens[i]]++;
    h->count[0] = 0;
    int left = 1;
    for (int len = 1; len < 16; len++) {
        left = left * 2 - h->count[len];
        if (left < 0) bad("invalid Huffman code lengths");
    }
    offs[1] = 0;
    for (int len = 1; len < 15; len++) offs[len + 1] = offs[len] + h->count[len];
    for (int i = 0; i < n; i++)
        if (lens[i]) h->symbol[offs[lens[i]]++] = (uint16_t)i;
}

static int huff_decode(mt_inflate_t *s, const mt_huff_t *h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; len++) {
        code |= (int)getbits(s, 1);
        int count = h->count[len];
        if (code - count < first) return h->symbol[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    bad("invalid Huffman code");
}

static void fixed_tables(mt_inflate_t *s) {
    uint8_t lens[288];
    memset(lens, 8, 144);
    memset(lens + 144, 9, 112);
    memset(lens + 256, 7, 24);
    memset(lens + 280, 8, 8);
    huff_build(&s->lencode, lens, 288);
    memset(lens, 5, 30);
    huff_build(&s->distcode, lens, 30);
}

static void dynamic_tables(mt_inflate_t *s) {
    static const uint8_t order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                      11, 4,  12, 3, 13, 2, 14, 1, 15};
    int nlen = (int)getbits(s, 5) + 257, ndist = (int)getbits(s, 5) + 1,
        ncode = (int)getbits(s, 4) + 4;
    if (nlen > 286 || ndist > 30) bad("invalid dynamic block header");
    uint8_t lens[286 + 30];
    memset(lens, 0, 19);
    for (int i = 0; i < ncode; i++) lens[order[i]] = (uint8_t)getbits(s, 3);
    mt_huff_t *lencode = &s->lencode; /* reused for the code-length code */
    huff_build(lencode, lens, 19);
    for (int i = 0; i < nlen + ndist;) {
        int sym = huff_decode(s, lencode), rep = 0;
        uint8_t val = 0;
        if (sym < 16) {
            lens[i++] = (uint8_t)sym;
            continue;
        }
        if (sym == 16) {
            if (i == 0) bad("invalid repeat in code lengths");
            val = lens[i - 1];
            rep = 3 + (int)getbits(s, 2);
        } else {
            rep = sym == 17 ? 3 + (int)getbits(s, 3) : 11 + (int)getbits(s, 7);
        }
        if (i + rep > nlen + ndist) bad("too many code lengths");
        while (rep--) lens[i++] = val;
    }
    if (lens[256] == 0) bad("no end-of-block code");
    huff_build(&s->lencode, lens, nlen);
    huff_build(&s->distcode, lens + nlen, ndist);
}

void mt_inflate_init(mt_inflate_t *s, int window_bits, mt_inflate_src_t src, void *ctx) {
    memset(s, 0, sizeof(*s));
    s->src = src;
    s->ctx = ctx;
    s->window_size = 1u << window_bits;
    s->window = mt_alloc(s->window_size);
    s->state = ST_HEADER;
}

static void emit(mt_inflate_t *s, uint8_t *out, size_t *k, uint8_t b) {
    out[(*k)++] = b;
    s->window[s->wpos] = b;
    s->wpos = (s->wpos + 1) & (s->window_size - 1);
    if (s->have < s->window_size) s->have++;
    s->total_out++;
}

static void block_header(mt_inflate_t *s) {
    if (s->last_block) {
        s->state = ST_DONE;
        return;
    }
    s->last_block = getbits(s, 1);
    uint32_t type = getbits(s, 2);
    if (type == 0) {
        s->bitbuf = 0, s->bitcnt = 0; /* to the byte boundary */
        uint32_t len = getbits(s, 16), nlen = getbits(s, 16);
        if ((len ^ 0xffff) != nlen) bad("invalid stored block lengths");
        s->stored_left = len;
        s->state = ST_STORED;
    } else if (type == 1) {
        fixed_tables(s);
        s->state = ST_CODES;
    } else if (type == 2) {
        dynamic_tables(s);
        s->state = ST_CODES;
    } else {
        bad("invalid block type");
    }
}

/* one literal or back-reference of a Huffman block */
static void code_step(mt_inflate_t *s, uint8_t *out, size_t *k) {
    int sym = huff_decode(s, &s->lencode);
    if (sym < 256) {
        emit(s, out, k, (uint8_t)sym);
        return;
    }
    if (sym == 256) {
        s->state = ST_HEADER;
        return;
    }
    sym -= 257;
    if (sym >= 29) bad("invalid literal/length code");
    uint32_t len = len_base[sym] + getbits(s, len_extra[sym]);
    int dsym = huff_decode(s, &s->distcode);
    if (dsym >= 30) bad("invalid distance code");
    uint32_t dist = dist_base[dsym] + getbits(s, dist_extra[dsym]);
    if (dist > s->have) {
        s->too_far = s->have == s->window_size; /* a bigger window might have had it */
        bad("invalid distance too far back");
    }
    s->copy_len = len;
    s->copy_dist = dist;
}

size_t mt_inflate_read(mt_inflate_t *s, uint8_t *out, size_t n) {
    size_t k = 0;
    while (k < n) {
        if (s->copy_len) {
            uint32_t from = (s->wpos - s->copy_dist) & (s->window_size - 1);
            emit(s, out, &k, s->window[from]);
            s->copy_len--;
            continue;
        }
        switch (s->state) {
        case ST_HEADER: block_header(s); break;
        case ST_STORED:
            if (s->stored_left == 0)
                s->state = ST_HEADER;
            else {
                emit(s, out, &k, (uint8_t)getbits(s, 8));
                s->stored_left--;
            }
            break;
        case ST_CODES: code_step(s, out, &k); break;
        default: return k;
        }
    }
    return k;
}

int mt_inflate_byte(mt_inflate_t *s) {
    s->bitbuf >>= s->bitcnt & 7;
    s->bitcnt -= s->bitcnt & 7;
    if (s->bitcnt >= 8) {
        int b = (int)(s->bitbuf & 0xff);
        s->bitbuf >>= 8;
        s->bitcnt -= 8;
        return b;
    }
    return s->src(s->ctx);
}

/* ---- deflate (fixed Huffman codes) */

#define MIN_MATCH 3
#define MAX_MATCH 258
#define HASH_BITS 10
#define MAX_CHAIN 32

static void put_bits(mt_deflate_t *s, uint32_t v, int n) {
    s->bitbuf |= v << s->bitcnt;
    s->bitcnt += n;
    while (s->bitcnt >= 8) {
        uint8_t b = (uint8_t)s->bitbuf;
        s->sink(s->ctx, &b, 1);
        s->bitbuf >>= 8;
        s->bitcnt -= 8;
    }
}

/* Huffman codes go most significant bit first */
static void put_code(mt_deflate_t *s, uint32_t code, int n) {
    uint32_t r = 0;
    for (int i = 0; i < n; i++) r |= ((code >> i) & 1) << (n - 1 - i);
    put_bits(s, r, n);
}

static void put_symbol(mt_deflate_t *s, int sym) {
    if (sym < 144)
        put_code(s, 0x30 + (uint32_t)sym, 8);
    else if (sym < 256)
        put_code(s, 0x190 + (uint32_t)(sym - 144), 9);
    else if (sym < 280)
        put_code(s, (uint32_t)(sym - 256), 7);
    else
        put_code(s, 0xc0 + (uint32_t)(sym - 280), 8);
}

static void put_match(mt_deflate_t *s, uint32_t len, uint32_t dist) {
    int i = 28;
    while (len_base[i] > len) i--;
    put_symbol(s, 257 + i);
    put_bits(s, len - len_base[i], len_extra[i]);
    int d = 29;
    while (dist_base[d] > dist) d--;
    put_code(s, (uint32_t)d, 5);
    put_bits(s, dist - dist_base[d], dist_extra[d]);
}

void mt_deflate_init(mt_deflate_t *s, int window_bits, mt_deflate_sink_t sink, void *ctx) {
    memset(s, 0, sizeof(*s));
    s->sink = sink;
    s->ctx = ctx;
    s->window = 1u << window_bits;
    s->buf = mt_alloc(2 * s->window);
    s->head = mt_alloc(sizeof(uint16_t) << HASH_BITS);
    s->prev = mt_alloc(sizeof(uint16_t) * 2 * s->window);
}

static uint32_t hash3(const uint8_t *p) {
    return ((uint32_t)p[0] << 10 ^ (uint32_t)p[1] << 5 ^ p[2]) & ((1u << HASH_BITS) - 1);
}

static void insert(mt_deflate_t *s, uint32_t p) {
    if (p + MIN_MATCH > s->len) return;
    uint32_t h = hash3(s->buf + p);
    s->prev[p] = s->head[h];
    s->head[h] = (uint16_t)(p + 1);
}

/* longest match for position p within the window; 0 if shorter than MIN_MATCH */
static uint32_t longest(mt_deflate_t *s, uint32_t p, uint32_t *dist) {
    uint32_t best = 0, max = s->len - p < MAX_MATCH ? s->len - p : MAX_MATCH;
    if (max < MIN_MATCH) return 0;
    uint32_t cand = s->head[hash3(s->buf + p)];
    for (int chain = 0; cand && chain < MAX_CHAIN; chain++, cand = s->prev[cand - 1]) {
        uint32_t c = cand - 1;
        if (c >= p || p - c > s->window) break;
        uint32_t k = 0;
        while (k < max && s->buf[c + k] == s->buf[p + k]) k++;
        if (k > best) {
            best = k;
            *dist = p - c;
            if (k == max) break;
        }
    }
    return best >= MIN_MATCH ? best : 0;
}

/* code positions while enough lookahead remains (all of them when finishing) */
static void code_pending(mt_deflate_t *s, bool finish) {
    uint32_t limit = finish ? s->len : (s->len > MAX_MATCH ? s->len - MAX_MATCH : 0);
    while (s->pos < limit) {
        uint32_t dist = 0, len = longest(s, s->pos, &dist);
        if (len) {
            put_match(s, len, dist);
            for (uint32_t i = 0; i < len; i++) insert(s, s->pos + i);
            s->pos += len;
        } else {
            put_symbol(s, s->buf[s->pos]);
            insert(s, s->pos++);
        }
    }
}

/* drop the older half of the buffer; positions in the tables move down by window */
static void slide(mt_deflate_t *s) {
    uint32_t w = s->window;
    memmove(s->buf, s->buf + w, s->len - w);
    s->len -= w;
    s->pos -= w;
    for (uint32_t i = 0; i < (1u << HASH_BITS); i++)
        s->head[i] = s->head[i] > w ? (uint16_t)(s->head[i] - w) : 0;
    for (uint32_t i = 0; i < w; i++) {
        uint16_t v = s->prev[i + w];
        s->prev[i] = v > w ? (uint16_t)(v - w) : 0;
    }
}

void mt_deflate_write(mt_deflate_t *s, const uint8_t *p, size_t n) {
    if (!s->started) {
        put_bits(s, 1, 1); /* BFINAL: the stream is one fixed-Huffman block */
        put_bits(s, 1, 2); /* BTYPE = 01 */
        s->started = true;
    }
    while (n > 0) {
        uint32_t room = 2 * s->window - s->len;
        uint32_t k = n < room ? (uint32_t)n : room;
        memcpy(s->buf + s->len, p, k);
        s->len += k, p += k, n -= k;
        code_pending(s, false);
        if (s->len == 2 * s->window && s->pos >= s->window) slide(s);
    }
}

void mt_deflate_finish(mt_deflate_t *s) {
    mt_deflate_write(s, NULL, 0);
    code_pending(s, true);
    put_symbol(s, 256);
    if (s->bitcnt) put_bits(s, 0, 8 - s->bitcnt);
}

uint32_t mt_adler32(uint32_t adler, const uint8_t *p, size_t n) {
    uint32_t a = adler & 0xffff, b = adler >> 16;
    while (n > 0) {
        size_t k = n < 3800 ? n : 3800; /* keeps b below 2^32 between reductions */
        n -= k;
        while (k--) {
            a += *p++;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    return b << 16 | a;
}

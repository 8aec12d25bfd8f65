/* hashlib: sha256, sha1 and md5 with update/digest/hexdigest/copy.
 * The three are Merkle-Damgard hashes over 64-byte blocks; they share the buffering and
 * padding code and differ in the compression function and the length's byte order. */
#include "obj.h"

typedef struct hash_alg_s hash_alg_t;

typedef struct {
    mt_obj_base_t base;
    const hash_alg_t *alg;
    uint64_t total; /* bytes hashed */
    uint32_t state[8];
    uint8_t block[64];
} hash_obj_t;

struct hash_alg_s {
    mt_qstr_t name;
    uint8_t digest_size; /* bytes */
    uint8_t n_state;     /* words of chaining state */
    bool big_endian;     /* sha: big-endian words and length; md5: little */
    const uint32_t *iv;
    void (*compress)(uint32_t *state, const uint8_t *block);
};

#define ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static uint32_t load_be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint32_t load_le(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- SHA-256 (FIPS 180-4) */
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
static const uint32_t sha256_iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

static void sha256_compress(uint32_t *s, const uint8_t *block) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) w[i] = load_be(block + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) +
                      sha256_k[i] + w[i];
        uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    s[0] += a, s[1] += b, s[2] += c, s[3] += d, s[4] += e, s[5] += f, s[6] += g, s[7] += h;
}

/* ---- SHA-1 (FIPS 180-4) */
static const uint32_t sha1_iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

static void sha1_compress(uint32_t *s, const uint8_t *block) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) w[i] = load_be(block + 4 * i);
    for (int i = 16; i < 80; i++) w[i] = ROTL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20)
            f = (b & c) | (~b & d), k = 0x5a827999;
        else if (i < 40)
            f = b ^ c ^ d, k = 0x6ed9eba1;
        else if (i < 60)
            f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
        else
            f = b ^ c ^ d, k = 0xca62c1d6;
        uint32_t t = ROTL(a, 5) + f + e + k + w[i];
        e = d, d = c, c = ROTL(b, 30), b = a, a = t;
    }
    s[0] += a, s[1] += b, s[2] += c, s[3] += d, s[4] += e;
}

/* ---- MD5 (RFC 1321) */
static const uint32_t md5_iv[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
static const uint8_t md5_r[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                  5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

static void md5_compress(uint32_t *s, const uint8_t *block) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) m[i] = load_le(block + 4 * i);
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16)
            f = (b & c) | (~b & d), g = i;
        else if (i < 32)
            f = (d & b) | (~d & c), g = (5 * i + 1) & 15;
        else if (i < 48)
            f = b ^ c ^ d, g = (3 * i + 5) & 15;
        else
            f = c ^ (b | ~d), g = (7 * i) & 15;
        uint32_t t = d;
        d = c, c = b;
        b = b + ROTL(a + f + md5_k[i] + m[g], md5_r[i]);
        a = t;
    }
    s[0] += a, s[1] += b, s[2] += c, s[3] += d;
}

static const hash_alg_t alg_sha256 = {MT_QSTR_sha256, 32, 8, true, sha256_iv, sha256_compress};
static const hash_alg_t alg_sha1 = {MT_QSTR_sha1, 20, 5, true, sha1_iv, sha1_compress};
static const hash_alg_t alg_md5 = {MT_QSTR_md5, 16, 4, false, md5_iv, md5_compress};

/* ---- the shared object */

static void hash_feed(hash_obj_t *h, const uint8_t *p, size_t n) {
    size_t fill = (size_t)(h->total & 63);
    h->total += n;
    if (fill) {
        size_t k = 64 - fill < n ? 64 - fill : n;
        memcpy(h->block + fill, p, k);
        p += k, n -= k;
        if (fill + k < 64) return;
        h->alg->compress(h->state, h->block);
    }
    for (; n >= 64; p += 64, n -= 64) h->alg->compress(h->state, p);
    memcpy(h->block, p, n);
}

static mt_obj_t hash_update(mt_obj_t self, mt_obj_t data) {
    mt_buffer_info_t buf;
    mt_get_buffer_raise(data, &buf, MT_BUFFER_READ);
    hash_feed(MT_OBJ_TO_PTR(self), buf.buf, buf.len);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(hash_update_obj, hash_update);

/* pad a copy so that digest() can be called again after more updates */
static void hash_final(const hash_obj_t *h, uint8_t *out) {
    hash_obj_t t = *h;
    uint64_t bits = t.total * 8;
    uint8_t pad[72] = {0x80};
    size_t fill = (size_t)(t.total & 63);
    size_t padlen = (fill < 56 ? 56 : 120) - fill;
    for (int i = 0; i < 8; i++)
        pad[padlen + i] = (uint8_t)(t.alg->big_endian ? bits >> (56 - 8 * i) : bits >> (8 * i));
    hash_feed(&t, pad, padlen + 8);
    for (int i = 0; i < t.alg->digest_size / 4; i++) {
        uint32_t w = t.state[i];
        for (int j = 0; j < 4; j++)
            out[4 * i + j] = (uint8_t)(t.alg->big_endian ? w >> (24 - 8 * j) : w >> (8 * j));
    }
}

static mt_obj_t hash_digest(mt_obj_t self) {
    const hash_obj_t *h = MT_OBJ_TO_PTR(self);
    uint8_t out[32];
    hash_final(h, out);
    return mt_bytes_new(out, h->alg->digest_size);
}
static MT_DEFINE_FUN_1(hash_digest_obj, hash_digest);

static mt_obj_t hash_hexdigest(mt_obj_t self) {
    const hash_obj_t *h = MT_OBJ_TO_PTR(self);
    uint8_t out[32];
    char hex[64];
    hash_final(h, out);
    for (int i = 0; i < h->alg->digest_size; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return mt_str_new(hex, 2 * (size_t)h->alg->digest_size);
}
static MT_DEFINE_FUN_1(hash_hexdigest_obj, hash_hexdigest);

static mt_obj_t hash_copy(mt_obj_t self) {
    hash_obj_t *h = mt_new_obj(hash_obj_t);
    *h = *(hash_obj_t *)MT_OBJ_TO_PTR(self);
    return MT_OBJ_FROM_PTR(h);
}
static MT_DEFINE_FUN_1(hash_copy_obj, hash_copy);

static void hash_attr(mt_obj_t self, mt_qstr_t attr, mt_obj_t *dest) {
    const hash_obj_t *h = MT_OBJ_TO_PTR(self);
    if (dest[0] != MT_NULL) return;
    if (attr == MT_QSTR_digest_size)
        dest[0] = MT_NEW_SMALL_INT(h->alg->digest_size);
    else if (attr == MT_QSTR_block_size)
        dest[0] = MT_NEW_SMALL_INT(64);
    else if (attr == MT_QSTR_name)
        dest[0] = MT_NEW_QSTR(h->alg->name);
}

static const mt_map_elem_t hash_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_update), MT_ROM_PTR(&hash_update_obj)},
    {MT_ROM_QSTR(MT_QSTR_digest), MT_ROM_PTR(&hash_digest_obj)},
    {MT_ROM_QSTR(MT_QSTR_hexdigest), MT_ROM_PTR(&hash_hexdigest_obj)},
    {MT_ROM_QSTR(MT_QSTR_copy), MT_ROM_PTR(&hash_copy_obj)},
};
static MT_DEFINE_CONST_MAP(hash_locals, hash_locals_table);

static mt_obj_t hash_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args);

#define HASH_TYPE(var, qname)                                                                      \
    static const mt_type_t var = {                                                                 \
        .base = {&mt_type_type},                                                                   \
        .name = qname,                                                                             \
        .make_new = hash_make_new,                                                                 \
        .attr = hash_attr,                                                                         \
        .locals = &hash_locals,                                                                    \
    };
HASH_TYPE(type_sha256, MT_QSTR_sha256)
HASH_TYPE(type_sha1, MT_QSTR_sha1)
HASH_TYPE(type_md5, MT_QSTR_md5)

static mt_obj_t hash_make_new(const mt_type_t *type, size_t n, size_t n_kw, const mt_obj_t *args) {
    mt_arg_check_num(n, n_kw, 0, 1, false);
    hash_obj_t *h = mt_new_obj(hash_obj_t);
    h->base.type = type;
    h->alg = type == &type_sha256 ? &alg_sha256 : type == &type_sha1 ? &alg_sha1 : &alg_md5;
    memcpy(h->state, h->alg->iv, h->alg->n_state * sizeof(uint32_t));
    if (n == 1) hash_update(MT_OBJ_FROM_PTR(h), args[0]);
    return MT_OBJ_FROM_PTR(h);
}

static const mt_map_elem_t hashlib_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_hashlib)},
    {MT_ROM_QSTR(MT_QSTR_sha256), MT_ROM_PTR(&type_sha256)},
    {MT_ROM_QSTR(MT_QSTR_sha1), MT_ROM_PTR(&type_sha1)},
    {MT_ROM_QSTR(MT_QSTR_md5), MT_ROM_PTR(&type_md5)},
};
MT_DEFINE_MODULE(mt_module_hashlib, hashlib_table);

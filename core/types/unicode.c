/* Unicode character classes and case mapping: compact const tables (limits in unicode.h). */
#include "unicode.h"

#define MT_ARRAY_N(a) (sizeof(a) / sizeof((a)[0]))

#define S             MT_CC_SPACE
#define D             (MT_CC_DIGIT | MT_CC_XDIGIT)
#define U             MT_CC_UPPER
#define UX            (MT_CC_UPPER | MT_CC_XDIGIT)
#define L             MT_CC_LOWER
#define LX            (MT_CC_LOWER | MT_CC_XDIGIT)
#define P             MT_CC_PUNCT
const uint8_t mt_ascii_class[128] = {
    0, 0,  0,  0,  0,  0,  0,  0, 0, S, S, S, S, S, 0, 0, /* 0x00 */
    0, 0,  0,  0,  0,  0,  0,  0, 0, 0, 0, 0, S, S, S, S, /* 0x10 */
    S, P,  P,  P,  P,  P,  P,  P, P, P, P, P, P, P, P, P, /* 0x20 */
    D, D,  D,  D,  D,  D,  D,  D, D, D, P, P, P, P, P, P, /* 0x30 */
    P, UX, UX, UX, UX, UX, UX, U, U, U, U, U, U, U, U, U, /* 0x40 */
    U, U,  U,  U,  U,  U,  U,  U, U, U, U, P, P, P, P, P, /* 0x50 */
    P, LX, LX, LX, LX, LX, LX, L, L, L, L, L, L, L, L, L, /* 0x60 */
    L, L,  L,  L,  L,  L,  L,  L, L, L, L, P, P, P, P, 0, /* 0x70 */
};
#undef S
#undef D
#undef U
#undef UX
#undef L
#undef LX
#undef P

/* ---- range tables ------------------------------------------------------------------------ */
typedef struct {
    uint32_t lo, hi;
} urange_t;

static bool in_ranges(const urange_t *r, size_t n, uint32_t c) {
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (c < r[m].lo) {
            b = m;
        } else if (c > r[m].hi) {
            a = m + 1;
        } else {
            return true;
        }
    }
    return false;
}
#define IN(table, c) in_ranges(table, sizeof(table) / sizeof(table[0]), c)

static const urange_t space_ranges[] = {
    {0x09, 0x0d},     {0x1c, 0x20},     {0x85, 0x85},     {0xa0, 0xa0},     {0x1680, 0x1680},
    {0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000},
};

/* letters (approximate outside the main alphabets) */
static const urange_t alpha_ranges[] = {
    {0x41, 0x5a},       {0x61, 0x7a},     {0xaa, 0xaa},     {0xb5, 0xb5},     {0xba, 0xba},
    {0xc0, 0xd6},       {0xd8, 0xf6},     {0xf8, 0x2c1},    {0x2c6, 0x2d1},   {0x2e0, 0x2e4},
    {0x2ec, 0x2ec},     {0x2ee, 0x2ee},   {0x370, 0x374},   {0x376, 0x377},   {0x37a, 0x37d},
    {0x37f, 0x37f},     {0x386, 0x386},   {0x388, 0x38a},   {0x38c, 0x38c},   {0x38e, 0x3a1},
    {0x3a3, 0x3f5},     {0x3f7, 0x481},   {0x48a, 0x52f},   {0x531, 0x556},   {0x559, 0x559},
    {0x560, 0x588},     {0x5d0, 0x5ea},   {0x5ef, 0x5f2},   {0x620, 0x64a},   {0x66e, 0x66f},
    {0x671, 0x6d3},     {0x6d5, 0x6d5},   {0x6e5, 0x6e6},   {0x6ee, 0x6ef},   {0x6fa, 0x6fc},
    {0x6ff, 0x6ff},     {0x904, 0x939},   {0x93d, 0x93d},   {0x950, 0x950},   {0x958, 0x961},
    {0x971, 0x980},     {0xe01, 0xe30},   {0xe32, 0xe33},   {0xe40, 0xe46},   {0x10a0, 0x10c5},
    {0x10d0, 0x10fa},   {0x10fc, 0x1248}, {0x13a0, 0x13f5}, {0x13f8, 0x13fd}, {0x1c90, 0x1cba},
    {0x1cbd, 0x1cbf},   {0x1d00, 0x1dbf}, {0x1e00, 0x1f15}, {0x1f18, 0x1f1d}, {0x1f20, 0x1f45},
    {0x1f48, 0x1f4d},   {0x1f50, 0x1f57}, {0x1f59, 0x1f59}, {0x1f5b, 0x1f5b}, {0x1f5d, 0x1f5d},
    {0x1f5f, 0x1f7d},   {0x1f80, 0x1fb4}, {0x1fb6, 0x1fbc}, {0x1fbe, 0x1fbe}, {0x1fc2, 0x1fc4},
    {0x1fc6, 0x1fcc},   {0x1fd0, 0x1fd3}, {0x1fd6, 0x1fdb}, {0x1fe0, 0x1fec}, {0x1ff2, 0x1ff4},
    {0x1ff6, 0x1ffc},   {0x2071, 0x2071}, {0x207f, 0x207f}, {0x2090, 0x209c}, {0x2102, 0x2102},
    {0x2107, 0x2107},   {0x210a, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211d}, {0x2124, 0x2124},
    {0x2126, 0x2126},   {0x2128, 0x2128}, {0x212a, 0x212d}, {0x212f, 0x2139}, {0x213c, 0x213f},
    {0x2145, 0x2149},   {0x214e, 0x214e}, {0x2183, 0x2184}, {0x2c00, 0x2ce4}, {0x2d00, 0x2d25},
    {0x3005, 0x3006},   {0x3031, 0x3035}, {0x303b, 0x303c}, {0x3041, 0x3096}, {0x309d, 0x309f},
    {0x30a1, 0x30fa},   {0x30fc, 0x30ff}, {0x3105, 0x312f}, {0x3131, 0x318e}, {0x31a0, 0x31bf},
    {0x31f0, 0x31ff},   {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa48c}, {0xa640, 0xa66e},
    {0xa680, 0xa69d},   {0xa722, 0xa788}, {0xab70, 0xabbf}, {0xac00, 0xd7a3}, {0xf900, 0xfa6d},
    {0xfb00, 0xfb06},   {0xff21, 0xff3a}, {0xff41, 0xff5a}, {0xff66, 0xffbe}, {0x10400, 0x1044f},
    {0x20000, 0x2a6df},
};

/* Nd: decimal digits; each range starts at a digit zero (the math digits repeat) */
static const urange_t decimal_ranges[] = {
    {0x30, 0x39},     {0x660, 0x669},   {0x6f0, 0x6f9},     {0x7c0, 0x7c9},     {0x966, 0x96f},
    {0x9e6, 0x9ef},   {0xa66, 0xa6f},   {0xae6, 0xaef},     {0xb66, 0xb6f},     {0xbe6, 0xbef},
    {0xc66, 0xc6f},   {0xce6, 0xcef},   {0xd66, 0xd6f},     {0xde6, 0xdef},     {0xe50, 0xe59},
    {0xed0, 0xed9},   {0xf20, 0xf29},   {0x1040, 0x1049},   {0x1090, 0x1099},   {0x17e0, 0x17e9},
    {0x1810, 0x1819}, {0x1946, 0x194f}, {0x19d0, 0x19d9},   {0xa620, 0xa629},   {0xa8d0, 0xa8d9},
    {0xa900, 0xa909}, {0xff10, 0xff19}, {0x104a0, 0x104a9}, {0x1d7ce, 0x1d7ff},
};

/* digits that are not decimal */
static const urange_t digit_ranges[] = {
    {0xb2, 0xb3},     {0xb9, 0xb9},     {0x1369, 0x1371}, {0x2070, 0x2070}, {0x2074, 0x2079},
    {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247c}, {0x2488, 0x2490}, {0x24ea, 0x24ea},
    {0x24f5, 0x24fd}, {0x24ff, 0x24ff}, {0x2776, 0x277e}, {0x2780, 0x2788}, {0x278a, 0x2792},
};

/* numerics that are not digits */
static const urange_t numeric_ranges[] = {
    {0xbc, 0xbe},     {0x2150, 0x2182}, {0x2185, 0x2189}, {0x2469, 0x2473}, {0x247d, 0x2487},
    {0x2491, 0x249b}, {0x24eb, 0x24f4}, {0x24fe, 0x24fe}, {0x277f, 0x277f}, {0x2789, 0x2789},
    {0x2793, 0x2793}, {0x3007, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303a}, {0x3192, 0x3195},
    {0x3220, 0x3229}, {0x3248, 0x324f}, {0x3251, 0x325f}, {0x3280, 0x3289}, {0x32b1, 0x32bf},
    {0x4e00, 0x4e00}, {0x4e03, 0x4e03}, {0x4e07, 0x4e07}, {0x4e09, 0x4e09}, {0x4e5d, 0x4e5d},
    {0x4e8c, 0x4e8c}, {0x4e94, 0x4e94}, {0x5104, 0x5104}, {0x516b, 0x516b}, {0x516d, 0x516d},
    {0x5341, 0x5341}, {0x5343, 0x5343}, {0x56db, 0x56db}, {0x767e, 0x767e}, {0x96f6, 0x96f6},
};

/* not printable: controls, separators other than ' ', format characters, private use,
 * surrogates, noncharacters */
static const urange_t unprintable_ranges[] = {
    {0x00, 0x1f},       {0x7f, 0xa0},        {0xad, 0xad},       {0x378, 0x379},
    {0x380, 0x383},     {0x38b, 0x38b},      {0x38d, 0x38d},     {0x3a2, 0x3a2},
    {0x600, 0x605},     {0x61c, 0x61c},      {0x6dd, 0x6dd},     {0x70f, 0x70f},
    {0x1680, 0x1680},   {0x180e, 0x180e},    {0x2000, 0x200f},   {0x2028, 0x202f},
    {0x205f, 0x206f},   {0x3000, 0x3000},    {0xd7fc, 0xf8ff},   {0xfeff, 0xfeff},
    {0xfff0, 0xfffb},   {0xfffe, 0xffff},    {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},
    {0xe0000, 0xe0fff}, {0xf0000, 0x10ffff},
};

/* combining marks (Mn/Mc, main blocks): identifier continuation */
static const urange_t combining_ranges[] = {
    {0x300, 0x36f},   {0x483, 0x487},   {0x591, 0x5bd},   {0x5bf, 0x5bf},   {0x5c1, 0x5c2},
    {0x5c4, 0x5c5},   {0x5c7, 0x5c7},   {0x610, 0x61a},   {0x64b, 0x65f},   {0x670, 0x670},
    {0x6d6, 0x6dc},   {0x6df, 0x6e4},   {0x900, 0x903},   {0x93a, 0x93c},   {0x93e, 0x94f},
    {0x951, 0x957},   {0x962, 0x963},   {0xe31, 0xe31},   {0xe34, 0xe3a},   {0xe47, 0xe4e},
    {0x1ab0, 0x1aff}, {0x1dc0, 0x1dff}, {0x20d0, 0x20f0}, {0x3099, 0x309a}, {0xfe00, 0xfe0f},
    {0xfe20, 0xfe2f},
};

bool mt_unichar_isspace(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_SPACE) != 0;
    return IN(space_ranges, c);
}

bool mt_unichar_isalpha(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_ALPHA) != 0;
    return IN(alpha_ranges, c);
}

bool mt_unichar_isdecimal(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_DIGIT) != 0;
    return IN(decimal_ranges, c);
}

bool mt_unichar_isdigit(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_DIGIT) != 0;
    return IN(decimal_ranges, c) || IN(digit_ranges, c);
}

bool mt_unichar_isnumeric(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_DIGIT) != 0;
    return mt_unichar_isdigit(c) || IN(numeric_ranges, c);
}

bool mt_unichar_isprintable(uint32_t c) {
    if (c < 128) return c >= 0x20 && c < 0x7f;
    return !IN(unprintable_ranges, c);
}

bool mt_unichar_iscombining(uint32_t c) {
    return c >= 0x300 && IN(combining_ranges, c);
}

bool mt_unichar_isidstart(uint32_t c) {
    if (c < 128) return c == '_' || (mt_ascii_class[c] & MT_CC_ALPHA) != 0;
    return mt_unichar_isalpha(c) || (c >= 0x2160 && c <= 0x2188);
}

bool mt_unichar_isidcont(uint32_t c) {
    if (c < 128) return c == '_' || (mt_ascii_class[c] & MT_CC_ALNUM) != 0;
    return mt_unichar_isidstart(c) || mt_unichar_isdecimal(c) || mt_unichar_iscombining(c) ||
           c == 0xb7 || c == 0x203f || c == 0x2040;
}

int mt_unichar_decimal_value(uint32_t c) {
    if (c < 128) return (c >= '0' && c <= '9') ? (int)(c - '0') : -1;
    size_t n = sizeof(decimal_ranges) / sizeof(decimal_ranges[0]);
    for (size_t i = 0; i < n; i++) {
        if (c >= decimal_ranges[i].lo && c <= decimal_ranges[i].hi) {
            return (int)((c - decimal_ranges[i].lo) % 10);
        }
    }
    return -1;
}

/* ---- case mapping ------------------------------------------------------------------------
 * One table of upper -> lower mappings, sorted by lo. An entry maps [lo, hi] either by a
 * fixed offset (ALT == 0: c + delta) or as alternating pairs (ALT: upper at even distance
 * from lo, its lower case the next code point). The table is a bijection; the lower ->
 * upper direction searches it backwards. Irregular one-way mappings are special cases. */
typedef struct {
    uint32_t lo : 21;
    uint32_t alt : 1;
    uint16_t len; /* hi - lo */
    int32_t delta;
} casemap_t;

#define OFS(lo, hi, d)                                                                             \
    { lo, 0, (hi) - (lo), d }
#define ALT(lo, hi)                                                                                \
    { lo, 1, (hi) - (lo), 1 }
static const casemap_t case_table[] = {
    OFS(0x41, 0x5a, 32),
    OFS(0xc0, 0xd6, 32),
    OFS(0xd8, 0xde, 32),
    ALT(0x100, 0x12f),
    ALT(0x132, 0x137),
    ALT(0x139, 0x148),
    ALT(0x14a, 0x177),
    OFS(0x178, 0x178, 0xff - 0x178),
    ALT(0x179, 0x17e),
    OFS(0x181, 0x181, 0x253 - 0x181),
    ALT(0x182, 0x185),
    OFS(0x186, 0x186, 0x254 - 0x186),
    ALT(0x187, 0x188),
    OFS(0x189, 0x18a, 205),
    ALT(0x18b, 0x18c),
    OFS(0x18e, 0x18e, 0x1dd - 0x18e),
    OFS(0x18f, 0x18f, 0x259 - 0x18f),
    OFS(0x190, 0x190, 0x25b - 0x190),
    ALT(0x191, 0x192),
    OFS(0x193, 0x193, 0x260 - 0x193),
    OFS(0x194, 0x194, 0x263 - 0x194),
    OFS(0x196, 0x196, 0x269 - 0x196),
    OFS(0x197, 0x197, 0x268 - 0x197),
    ALT(0x198, 0x199),
    OFS(0x19c, 0x19c, 0x26f - 0x19c),
    OFS(0x19d, 0x19d, 0x272 - 0x19d),
    OFS(0x19f, 0x19f, 0x275 - 0x19f),
    ALT(0x1a0, 0x1a5),
    ALT(0x1a7, 0x1a8),
    OFS(0x1a9, 0x1a9, 0x283 - 0x1a9),
    ALT(0x1ac, 0x1ad),
    OFS(0x1ae, 0x1ae, 0x288 - 0x1ae),
    ALT(0x1af, 0x1b0),
    OFS(0x1b1, 0x1b2, 217),
    ALT(0x1b3, 0x1b6),
    OFS(0x1b7, 0x1b7, 0x292 - 0x1b7),
    ALT(0x1b8, 0x1b9),
    ALT(0x1bc, 0x1bd),
    OFS(0x1c4, 0x1c4, 2),
    OFS(0x1c7, 0x1c7, 2),
    OFS(0x1ca, 0x1ca, 2),
    ALT(0x1cd, 0x1dc),
    ALT(0x1de, 0x1ef),
    OFS(0x1f1, 0x1f1, 2),
    ALT(0x1f4, 0x1f5),
    OFS(0x1f6, 0x1f6, 0x195 - 0x1f6),
    OFS(0x1f7, 0x1f7, 0x1bf - 0x1f7),
    ALT(0x1f8, 0x21f),
    OFS(0x220, 0x220, 0x19e - 0x220),
    ALT(0x222, 0x233),
    OFS(0x23a, 0x23a, 0x2c65 - 0x23a),
    OFS(0x23d, 0x23d, 0x19a - 0x23d),
    OFS(0x243, 0x243, 0x180 - 0x243),
    OFS(0x244, 0x244, 0x289 - 0x244),
    OFS(0x245, 0x245, 0x28c - 0x245),
    ALT(0x246, 0x24f),
    ALT(0x370, 0x373),
    ALT(0x376, 0x377),
    OFS(0x386, 0x386, 0x3ac - 0x386),
    OFS(0x388, 0x38a, 37),
    OFS(0x38c, 0x38c, 64),
    OFS(0x38e, 0x38f, 63),
    OFS(0x391, 0x3a1, 32),
    OFS(0x3a3, 0x3ab, 32),
    OFS(0x3cf, 0x3cf, 8),
    ALT(0x3d8, 0x3ef),
    OFS(0x400, 0x40f, 80),
    OFS(0x410, 0x42f, 32),
    ALT(0x460, 0x481),
    ALT(0x48a, 0x4bf),
    OFS(0x4c0, 0x4c0, 15),
    ALT(0x4c1, 0x4ce),
    ALT(0x4d0, 0x52f),
    OFS(0x531, 0x556, 48),
    OFS(0x10a0, 0x10c5, 7264),
    OFS(0x13a0, 0x13ef, 0xab70 - 0x13a0),
    OFS(0x13f0, 0x13f5, 8),
    OFS(0x1c90, 0x1cba, -3008),
    OFS(0x1cbd, 0x1cbf, -3008),
    ALT(0x1e00, 0x1e95),
    ALT(0x1ea0, 0x1eff),
    OFS(0x1f08, 0x1f0f, -8),
    OFS(0x1f18, 0x1f1d, -8),
    OFS(0x1f28, 0x1f2f, -8),
    OFS(0x1f38, 0x1f3f, -8),
    OFS(0x1f48, 0x1f4d, -8),
    OFS(0x1f68, 0x1f6f, -8),
    OFS(0x2160, 0x216f, 16),
    OFS(0x24b6, 0x24cf, 26),
    OFS(0x2c00, 0x2c2f, 48),
    ALT(0x2c80, 0x2ce3),
    ALT(0xa640, 0xa66d),
    ALT(0xa680, 0xa69b),
    ALT(0xa722, 0xa72f),
    ALT(0xa732, 0xa76f),
    ALT(0xa779, 0xa77c),
    ALT(0xa77e, 0xa787),
    OFS(0xff21, 0xff3a, 32),
    OFS(0x10400, 0x10427, 40),
};
#undef OFS
#undef ALT
#define N_CASE (sizeof(case_table) / sizeof(case_table[0]))

/* lower case of an upper-case c, or c */
static uint32_t table_lower(uint32_t c) {
    size_t a = 0, b = N_CASE;
    while (a < b) {
        size_t m = (a + b) / 2;
        const casemap_t *e = &case_table[m];
        if (c < e->lo) {
            b = m;
        } else if (c > e->lo + e->len) {
            a = m + 1;
        } else if (e->alt) {
            return ((c - e->lo) & 1) ? c : c + 1;
        } else {
            return (uint32_t)((int32_t)c + e->delta);
        }
    }
    return c;
}

/* upper case of a lower-case c, or c (linear: the images are not sorted) */
static uint32_t table_upper(uint32_t c) {
    for (size_t i = 0; i < N_CASE; i++) {
        const casemap_t *e = &case_table[i];
        if (e->alt) {
            if (c > e->lo && c <= e->lo + e->len && ((c - e->lo) & 1)) return c - 1;
        } else {
            uint32_t u = (uint32_t)((int32_t)c - e->delta);
            if (u >= e->lo && u <= e->lo + e->len) return u;
        }
    }
    return c;
}

/* one-way simple upper-case mappings of lower-case letters */
static const uint16_t extra_upper[][2] = {
    {0xb5, 0x39c},  {0x131, 0x49},  {0x17f, 0x53},  {0x1c5, 0x1c4},   {0x1c8, 0x1c7},
    {0x1c9, 0x1c7}, {0x1cb, 0x1ca}, {0x1cc, 0x1ca}, {0x1f2, 0x1f1},   {0x1f3, 0x1f1},
    {0x3c2, 0x3a3}, {0x3d0, 0x392}, {0x3d1, 0x398}, {0x3d5, 0x3a6},   {0x3d6, 0x3a0},
    {0x3f0, 0x39a}, {0x3f1, 0x3a1}, {0x3f5, 0x395}, {0x1e9b, 0x1e60},
};

uint32_t mt_unichar_toupper(uint32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c < 0x100) {
        if ((c >= 0xe0 && c <= 0xfe && c != 0xf7)) return c - 32;
        if (c == 0xff) return 0x178;
        if (c != 0xb5) return c;
    }
    for (size_t i = 0; i < MT_ARRAY_N(extra_upper); i++) {
        if (extra_upper[i][0] == c) return extra_upper[i][1];
    }
    return table_upper(c);
}

uint32_t mt_unichar_tolower(uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c < 0x100) return (c >= 0xc0 && c <= 0xde && c != 0xd7) ? c + 32 : c;
    if (c == 0x130) return 'i';
    if (c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2) return c + 1;
    if (c == 0x1e9e) return 0xdf;
    return table_lower(c);
}

bool mt_unichar_isupper(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_UPPER) != 0;
    if (mt_unichar_istitle(c)) return false;
    return mt_unichar_tolower(c) != c || (c >= 0x2160 && c <= 0x216f) || c == 0x3d2 || c == 0x3d3 ||
           c == 0x3d4;
}

bool mt_unichar_islower(uint32_t c) {
    if (c < 128) return (mt_ascii_class[c] & MT_CC_LOWER) != 0;
    if (mt_unichar_istitle(c)) return false;
    if (c == 0xaa || c == 0xba || c == 0xdf || c == 0x138 || c == 0x149 || c == 0x18d ||
        (c >= 0x2b0 && c <= 0x2b8) || (c >= 0x1d00 && c <= 0x1dbf) ||
        (c >= 0xfb00 && c <= 0xfb06)) {
        return true;
    }
    return mt_unichar_toupper(c) != c;
}

bool mt_unichar_istitle(uint32_t c) {
    return c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2 || (c >= 0x1f88 && c <= 0x1f8f) ||
           (c >= 0x1f98 && c <= 0x1f9f) || (c >= 0x1fa8 && c <= 0x1faf) || c == 0x1fbc ||
           c == 0x1fcc || c == 0x1ffc;
}

bool mt_unichar_iscased(uint32_t c) {
    return mt_unichar_isupper(c) || mt_unichar_islower(c) || mt_unichar_istitle(c);
}

/* full mappings that expand to several code points: {c, kind, n, out...} */
typedef struct {
    uint16_t c;
    uint8_t kind;
    uint8_t n;
    uint16_t out[3];
} special_case_t;

static const special_case_t special_cases[] = {
    {0xdf, MT_CASE_UPPER, 2, {'S', 'S'}},        {0xdf, MT_CASE_TITLE, 2, {'S', 's'}},
    {0xdf, MT_CASE_FOLD, 2, {'s', 's'}},         {0x130, MT_CASE_LOWER, 2, {'i', 0x307}},
    {0x130, MT_CASE_FOLD, 2, {'i', 0x307}},      {0x149, MT_CASE_UPPER, 2, {0x2bc, 'N'}},
    {0x149, MT_CASE_TITLE, 2, {0x2bc, 'N'}},     {0x149, MT_CASE_FOLD, 2, {0x2bc, 'n'}},
    {0x1f0, MT_CASE_UPPER, 2, {'J', 0x30c}},     {0x1f0, MT_CASE_TITLE, 2, {'J', 0x30c}},
    {0x1c4, MT_CASE_TITLE, 1, {0x1c5}},          {0x1c5, MT_CASE_TITLE, 1, {0x1c5}},
    {0x1c6, MT_CASE_TITLE, 1, {0x1c5}},          {0x1c7, MT_CASE_TITLE, 1, {0x1c8}},
    {0x1c8, MT_CASE_TITLE, 1, {0x1c8}},          {0x1c9, MT_CASE_TITLE, 1, {0x1c8}},
    {0x1ca, MT_CASE_TITLE, 1, {0x1cb}},          {0x1cb, MT_CASE_TITLE, 1, {0x1cb}},
    {0x1cc, MT_CASE_TITLE, 1, {0x1cb}},          {0x1f1, MT_CASE_TITLE, 1, {0x1f2}},
    {0x1f2, MT_CASE_TITLE, 1, {0x1f2}},          {0x1f3, MT_CASE_TITLE, 1, {0x1f2}},
    {0xfb00, MT_CASE_UPPER, 2, {'F', 'F'}},      {0xfb00, MT_CASE_TITLE, 2, {'F', 'f'}},
    {0xfb01, MT_CASE_UPPER, 2, {'F', 'I'}},      {0xfb01, MT_CASE_TITLE, 2, {'F', 'i'}},
    {0xfb02, MT_CASE_UPPER, 2, {'F', 'L'}},      {0xfb02, MT_CASE_TITLE, 2, {'F', 'l'}},
    {0xfb03, MT_CASE_UPPER, 3, {'F', 'F', 'I'}}, {0xfb03, MT_CASE_TITLE, 3, {'F', 'f', 'i'}},
    {0xfb04, MT_CASE_UPPER, 3, {'F', 'F', 'L'}}, {0xfb04, MT_CASE_TITLE, 3, {'F', 'f', 'l'}},
    {0xfb05, MT_CASE_UPPER, 2, {'S', 'T'}},      {0xfb05, MT_CASE_TITLE, 2, {'S', 't'}},
    {0xfb06, MT_CASE_UPPER, 2, {'S', 'T'}},      {0xfb06, MT_CASE_TITLE, 2, {'S', 't'}},
    {0xfb00, MT_CASE_FOLD, 2, {'f', 'f'}},       {0xfb01, MT_CASE_FOLD, 2, {'f', 'i'}},
    {0xfb02, MT_CASE_FOLD, 2, {'f', 'l'}},       {0xfb03, MT_CASE_FOLD, 3, {'f', 'f', 'i'}},
    {0xfb04, MT_CASE_FOLD, 3, {'f', 'f', 'l'}},  {0xfb05, MT_CASE_FOLD, 2, {'s', 't'}},
    {0xfb06, MT_CASE_FOLD, 2, {'s', 't'}},       {0x1e9e, MT_CASE_FOLD, 2, {'s', 's'}},
};

/* case folding where it differs from tolower */
static const uint16_t extra_fold[][2] = {
    {0xb5, 0x3bc},  {0x17f, 's'},   {0x3c2, 0x3c3},   {0x3d0, 0x3b2},
    {0x3d1, 0x3b8}, {0x3d5, 0x3c6}, {0x3d6, 0x3c0},   {0x3f0, 0x3ba},
    {0x3f1, 0x3c1}, {0x3f5, 0x3b5}, {0x1e9b, 0x1e61},
};

size_t mt_unichar_case_full(uint32_t c, mt_case_t kind, uint32_t out[3]) {
    if (c < 128) {
        out[0] = (kind == MT_CASE_UPPER || kind == MT_CASE_TITLE) ? mt_unichar_toupper(c)
                                                                  : mt_unichar_tolower(c);
        return 1;
    }
    if (c == 0xdf || c == 0x130 || c == 0x149 || c == 0x1f0 || (c >= 0x1c4 && c <= 0x1cc) ||
        (c >= 0x1f1 && c <= 0x1f3) || (c >= 0xfb00 && c <= 0xfb06) || c == 0x1e9e) {
        for (size_t i = 0; i < MT_ARRAY_N(special_cases); i++) {
            const special_case_t *e = &special_cases[i];
            if (e->c == c && e->kind == kind) {
                for (size_t j = 0; j < e->n; j++) out[j] = e->out[j];
                return e->n;
            }
        }
    }
    switch (kind) {
    case MT_CASE_UPPER:
    case MT_CASE_TITLE: out[0] = mt_unichar_toupper(c); break;
    case MT_CASE_LOWER: out[0] = mt_unichar_tolower(c); break;
    default:
        for (size_t i = 0; i < MT_ARRAY_N(extra_fold); i++) {
            if (extra_fold[i][0] == c) {
                out[0] = extra_fold[i][1];
                return 1;
            }
        }
        out[0] = mt_unichar_tolower(c);
        break;
    }
    return 1;
}

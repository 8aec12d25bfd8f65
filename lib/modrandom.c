/* random: seed getrandbits random randint randrange uniform choice (MicroPython's set).
 * The generator is xoshiro128** (32-bit state words: fast on the lx106). seed(n) with the
 * same n gives the same sequence on every port; the sequences are Mote's own, documented
 * in docs/ and not CPython's (CPython uses the Mersenne Twister). seed() / seed(None)
 * seeds from the clock. The state is a static (not a GC object): 16 bytes of RAM. */
#include "hal.h"
#include "obj.h"

static uint32_t state[4] = {0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x6a09e667};

static uint32_t rotl(uint32_t x, int k) {
    return (x << k) | (x >> (32 - k));
}

static uint32_t next32(void) {
    uint32_t r = rotl(state[1] * 5, 7) * 9, t = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return r;
}

/* splitmix32 expands a seed into the four state words */
static void seed_u64(uint64_t s) {
    for (int i = 0; i < 4; i++) {
        s += 0x9e3779b97f4a7c15ull;
        uint32_t z = (uint32_t)s ^ (uint32_t)(s >> 32);
        z = (z ^ (z >> 16)) * 0x85ebca6b;
        z = (z ^ (z >> 13)) * 0xc2b2ae35;
        state[i] = z ^ (z >> 16);
    }
}

static mt_obj_t random_seed(size_t n, const mt_obj_t *args) {
    if (n == 0 || args[0] == MT_NONE)
        seed_u64(mt_hal_time_ns() ^ mt_hal_ticks_cpu());
    else
        seed_u64((uint64_t)mt_hash(args[0]));
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(random_seed_obj, 0, 1, random_seed);

/* an int of k random bits (any k >= 0) */
static mt_obj_t randbits(mt_int_t k) {
    mt_obj_t r = MT_NEW_SMALL_INT(0);
    int shift = 0;
    while (k > 0) {
        int take = k > 30 ? 30 : (int)k;
        mt_obj_t part = MT_NEW_SMALL_INT(next32() >> (32 - take));
        r = mt_binary_op(MT_BINOP_OR, r,
                         mt_binary_op(MT_BINOP_LSHIFT, part, MT_NEW_SMALL_INT(shift)));
        shift += take;
        k -= take;
    }
    return r;
}

static mt_obj_t random_getrandbits(mt_obj_t k) {
    mt_int_t n = mt_obj_get_int(k);
    if (n < 0) mt_raise_value_error("number of bits must be non-negative");
    return randbits(n);
}
static MT_DEFINE_FUN_1(random_getrandbits_obj, random_getrandbits);

/* uniform int in [0, n) by rejection: no modulo bias */
static mt_obj_t below(mt_obj_t n) {
    mt_obj_t m = mt_binary_op(MT_BINOP_SUB, n, MT_NEW_SMALL_INT(1));
    mt_int_t bits = 0;
    for (mt_obj_t t = m; mt_is_true(t); t = mt_binary_op(MT_BINOP_RSHIFT, t, MT_NEW_SMALL_INT(1)))
        bits++;
    for (;;) {
        mt_obj_t r = randbits(bits);
        if (mt_is_true(mt_binary_op(MT_BINOP_LT, r, n))) return r;
    }
}

static mt_obj_t random_randrange(size_t n, const mt_obj_t *args) {
    mt_obj_t start = n == 1 ? MT_NEW_SMALL_INT(0) : args[0];
    mt_obj_t stop = n == 1 ? args[0] : args[1];
    mt_obj_t step = n == 3 ? args[2] : MT_NEW_SMALL_INT(1);
    mt_obj_get_index(start), mt_obj_get_index(stop);
    if (!mt_is_true(step)) mt_raise_value_error("zero step for randrange()");
    mt_obj_t width = mt_binary_op(MT_BINOP_SUB, stop, start);
    /* number of values: ceil(width / step) */
    mt_obj_t count = mt_unary_op(
        MT_UNOP_NEG, mt_binary_op(MT_BINOP_FLOORDIV, mt_unary_op(MT_UNOP_NEG, width), step));
    if (!mt_is_true(mt_binary_op(MT_BINOP_GT, count, MT_NEW_SMALL_INT(0))))
        mt_raise_value_error("empty range for randrange()");
    return mt_binary_op(MT_BINOP_ADD, start, mt_binary_op(MT_BINOP_MUL, below(count), step));
}
static MT_DEFINE_FUN_VAR(random_randrange_obj, 1, 3, random_randrange);

static mt_obj_t random_randint(mt_obj_t a, mt_obj_t b) {
    mt_obj_t args[2] = {a, mt_binary_op(MT_BINOP_ADD, b, MT_NEW_SMALL_INT(1))};
    return random_randrange(2, args);
}
static MT_DEFINE_FUN_2(random_randint_obj, random_randint);

static double unit(void) { /* 53 random bits in [0, 1) */
    uint64_t hi = next32() >> 5, lo = next32() >> 6;
    return (double)(hi * 67108864u + lo) / 9007199254740992.0;
}

static mt_obj_t random_random(void) {
    return mt_float_new((mt_float_t)unit());
}
static MT_DEFINE_FUN_0(random_random_obj, random_random);

static mt_obj_t random_uniform(mt_obj_t a, mt_obj_t b) {
    double lo = (double)mt_obj_get_float(a), hi = (double)mt_obj_get_float(b);
    return mt_float_new((mt_float_t)(lo + (hi - lo) * unit()));
}
static MT_DEFINE_FUN_2(random_uniform_obj, random_uniform);

static mt_obj_t random_choice(mt_obj_t seq) {
    mt_obj_t n = mt_len_maybe(seq);
    if (n == MT_NULL) mt_raise_type_error("object has no len()");
    if (!mt_is_true(n)) mt_raise_msg(&mt_type_IndexError, "Cannot choose from an empty sequence");
    return mt_subscr(seq, below(n), MT_SENTINEL);
}
static MT_DEFINE_FUN_1(random_choice_obj, random_choice);

static mt_obj_t random_shuffle(mt_obj_t list) {
    size_t n;
    mt_obj_t *items;
    mt_list_get(list, &n, &items);
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)mt_obj_get_int(below(MT_NEW_SMALL_INT(i)));
        mt_obj_t t = items[i - 1];
        items[i - 1] = items[j];
        items[j] = t;
    }
    return MT_NONE;
}
static MT_DEFINE_FUN_1(random_shuffle_obj, random_shuffle);

static const mt_map_elem_t random_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_random)},
    {MT_ROM_QSTR(MT_QSTR_seed), MT_ROM_PTR(&random_seed_obj)},
    {MT_ROM_QSTR(MT_QSTR_getrandbits), MT_ROM_PTR(&random_getrandbits_obj)},
    {MT_ROM_QSTR(MT_QSTR_random), MT_ROM_PTR(&random_random_obj)},
    {MT_ROM_QSTR(MT_QSTR_randint), MT_ROM_PTR(&random_randint_obj)},
    {MT_ROM_QSTR(MT_QSTR_randrange), MT_ROM_PTR(&random_randrange_obj)},
    {MT_ROM_QSTR(MT_QSTR_uniform), MT_ROM_PTR(&random_uniform_obj)},
    {MT_ROM_QSTR(MT_QSTR_choice), MT_ROM_PTR(&random_choice_obj)},
    {MT_ROM_QSTR(MT_QSTR_shuffle), MT_ROM_PTR(&random_shuffle_obj)},
};
MT_DEFINE_MODULE(mt_module_random, random_table);

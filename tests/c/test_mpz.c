/* Unit test of the arbitrary-precision integers (core/types/mpz.c): known values and
 * algebraic identities over pseudo-random operands. Prints "N passed, N failed". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "state.h"
#include "types/mpz.h"

static int n_pass, n_fail;

static void check(bool ok, const char *what, int line) {
    if (ok) {
        n_pass++;
    } else {
        n_fail++;
        printf("FAIL line %d: %s\n", line, what);
    }
}
#define CHECK(c) check((c), #c, __LINE__)

/* ---- helpers over objects (small ints or mpz) ---- */

static mt_mpz_buf_t bufs[8];
static int next_buf;

static const mt_mpz_t *Z(mt_obj_t o) {
    next_buf = (next_buf + 1) % 8;
    return mt_mpz_of(o, &bufs[next_buf]);
}

static mt_obj_t parse(const char *s, int base) {
    bool neg = *s == '-';
    mt_obj_t r = mt_mpz_parse_digits(s + neg, strlen(s + neg), base);
    return neg ? mt_mpz_neg(Z(r)) : r;
}

static char strbuf[4096];

static const char *fmt(mt_obj_t o, int base) {
    mt_vstr_t v;
    mt_vstr_init(&v, 16);
    mt_mpz_format(&v, Z(o), base, false);
    size_t n = v.len < sizeof(strbuf) - 1 ? v.len : sizeof(strbuf) - 1;
    memcpy(strbuf, v.buf, n);
    strbuf[n] = 0;
    mt_vstr_clear(&v);
    return strbuf;
}

static bool eq(mt_obj_t a, mt_obj_t b) {
    return mt_mpz_cmp(Z(a), Z(b)) == 0;
}

static mt_obj_t I(long long v) {
    return mt_mpz_from_ll(v);
}

static uint32_t seed = 12345;
static uint32_t rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

/* a pseudo-random int of up to `words` 24-bit chunks, random sign */
static mt_obj_t random_int(int words) {
    mt_obj_t r = I(0);
    int n = (int)(rnd() % (uint32_t)(words + 1));
    for (int i = 0; i < n; i++) {
        uint32_t w = rnd() & 0xffffff;
        if (rnd() % 5 == 0) {
            w = rnd() % 2 ? 0xffffff : 0;
        }
        r = mt_mpz_add(Z(mt_mpz_shl(Z(r), 24)), Z(I(w)));
    }
    return rnd() % 2 ? mt_mpz_neg(Z(r)) : r;
}

/* ---- tests ---- */

static void test_known_values(void) {
    mt_obj_t f = I(1);
    for (int i = 2; i <= 50; i++) {
        f = mt_mpz_mul(Z(f), Z(I(i)));
    }
    CHECK(strcmp(fmt(f, 10), "30414093201713378043612608166064768844377641568960512000000000000") ==
          0);
    mt_obj_t p = mt_mpz_pow(Z(I(2)), Z(I(100)));
    CHECK(strcmp(fmt(p, 10), "1267650600228229401496703205376") == 0);
    CHECK(strcmp(fmt(p, 16), "10000000000000000000000000") == 0);
    CHECK(mt_mpz_bit_length(Z(p)) == 101);
    CHECK(strcmp(fmt(mt_mpz_sub(Z(p), Z(I(1))), 2),
                 "1111111111111111111111111111111111111111111111111111111111111111111111111111111"
                 "111111111111111111111") == 0);
    CHECK(strcmp(fmt(mt_mpz_neg(Z(p)), 36), "-3ewfdnca0n6ld1ggvfgg") == 0);
    CHECK(eq(parse("-1267650600228229401496703205376", 10), mt_mpz_neg(Z(p))));
    CHECK(eq(parse("zzzzzzzzzzzzzzzzzzzz", 36),
             mt_mpz_sub(Z(mt_mpz_pow(Z(I(36)), Z(I(20)))), Z(I(1)))));
    /* small results come back as small ints */
    CHECK(MT_IS_SMALL_INT(mt_mpz_sub(Z(p), Z(p))));
    CHECK(MT_IS_SMALL_INT(mt_mpz_shr(Z(p), 90)));
    CHECK(!MT_IS_SMALL_INT(p));
}

static void test_division(void) {
    mt_obj_t q, r;
    mt_obj_t big = parse("123456789012345678901234567890123456789", 10);
    mt_mpz_divmod(Z(big), Z(I(-7)), &q, &r);
    CHECK(strcmp(fmt(q, 10), "-17636684144620811271604938270017636685") == 0);
    CHECK(eq(r, I(-6)));
    mt_mpz_divmod(Z(mt_mpz_neg(Z(big))), Z(parse("98765432109876543210", 10)), &q, &r);
    CHECK(strcmp(fmt(q, 10), "-1249999988609375001") == 0);
    CHECK(strcmp(fmt(r, 10), "83468364218346836421") == 0);
    for (int i = 0; i < 400; i++) {
        mt_obj_t a = random_int(12), b = random_int(6);
        if (mt_mpz_cmp(Z(b), Z(I(0))) == 0) {
            continue;
        }
        mt_mpz_divmod(Z(a), Z(b), &q, &r);
        /* a == q*b + r, r has b's sign and |r| < |b| */
        CHECK(eq(a, mt_mpz_add(Z(mt_mpz_mul(Z(q), Z(b))), Z(r))));
        CHECK(mt_mpz_cmp_mag(Z(r), Z(b)) < 0);
        CHECK(Z(r)->len == 0 || Z(r)->neg == Z(b)->neg);
    }
}

static void test_identities(void) {
    for (int i = 0; i < 300; i++) {
        mt_obj_t a = random_int(8), b = random_int(8), c = random_int(4);
        CHECK(eq(mt_mpz_sub(Z(mt_mpz_add(Z(a), Z(b))), Z(b)), a));
        CHECK(eq(mt_mpz_mul(Z(a), Z(mt_mpz_add(Z(b), Z(c)))),
                 mt_mpz_add(Z(mt_mpz_mul(Z(a), Z(b))), Z(mt_mpz_mul(Z(a), Z(c))))));
        /* a ^ b == (a | b) - (a & b);  ~a == -a - 1;  a & ~a == 0 */
        CHECK(eq(mt_mpz_xor(Z(a), Z(b)),
                 mt_mpz_sub(Z(mt_mpz_or(Z(a), Z(b))), Z(mt_mpz_and(Z(a), Z(b))))));
        CHECK(eq(mt_mpz_invert(Z(a)), mt_mpz_sub(Z(mt_mpz_neg(Z(a))), Z(I(1)))));
        CHECK(eq(mt_mpz_and(Z(a), Z(mt_mpz_invert(Z(a)))), I(0)));
        /* shifts are floor multiplication/division by powers of two */
        size_t n = rnd() % 100;
        mt_obj_t p2 = mt_mpz_shl(Z(I(1)), n), q;
        CHECK(eq(mt_mpz_shl(Z(a), n), mt_mpz_mul(Z(a), Z(p2))));
        mt_mpz_divmod(Z(a), Z(p2), &q, NULL);
        CHECK(eq(mt_mpz_shr(Z(a), n), q));
        /* string round trips in every base */
        int base = 2 + (int)(rnd() % 35);
        mt_vstr_t v;
        mt_vstr_init(&v, 16);
        mt_mpz_format(&v, Z(a), base, rnd() % 2);
        mt_vstr_add_byte(&v, 0);
        CHECK(eq(parse(v.buf, base), a));
        mt_vstr_clear(&v);
    }
}

static void test_pow(void) {
    CHECK(eq(mt_mpz_pow(Z(I(-3)), Z(I(3))), I(-27)));
    CHECK(eq(mt_mpz_pow(Z(I(0)), Z(I(0))), I(1)));
    mt_obj_t m = parse("1000000007", 10);
    CHECK(eq(mt_mpz_powmod(Z(I(2)), Z(I(1000)), Z(m)), parse("688423210", 10)));
    CHECK(eq(mt_mpz_powmod(Z(I(-2)), Z(I(3)), Z(I(5))), I(2)));
    CHECK(eq(mt_mpz_powmod(Z(I(2)), Z(I(3)), Z(I(-5))), I(-2)));
    mt_obj_t big = mt_mpz_pow(Z(I(7)), Z(I(300)));
    mt_obj_t mod = mt_mpz_pow(Z(I(10)), Z(I(30)));
    mt_obj_t r;
    mt_mpz_divmod(Z(big), Z(mod), NULL, &r);
    CHECK(eq(mt_mpz_powmod(Z(I(7)), Z(I(300)), Z(mod)), r));
}

static void test_floats(void) {
    mt_float_t f;
    CHECK(mt_mpz_to_float(Z(mt_mpz_pow(Z(I(2)), Z(I(100)))), &f) && f == ldexp(1, 100));
    /* 2**53 + 1 rounds to even (2**53); 2**53 + 3 rounds up */
    mt_obj_t t53 = mt_mpz_shl(Z(I(1)), 53);
    CHECK(mt_mpz_to_float(Z(mt_mpz_add(Z(t53), Z(I(1)))), &f) && f == ldexp(1, 53));
    CHECK(mt_mpz_to_float(Z(mt_mpz_add(Z(t53), Z(I(3)))), &f) && f == ldexp(1, 53) + 4);
    CHECK(!mt_mpz_to_float(Z(mt_mpz_shl(Z(I(1)), 1024)), &f));
    CHECK(mt_mpz_truediv(Z(I(1)), Z(I(3)), &f) && f == 1.0 / 3);
    mt_obj_t big = mt_mpz_pow(Z(I(10)), Z(I(400)));
    CHECK(mt_mpz_truediv(Z(big), Z(mt_mpz_mul(Z(big), Z(I(-4)))), &f) && f == -0.25);
    CHECK(eq(mt_mpz_from_float(1e20), parse("100000000000000000000", 10)));
    CHECK(eq(mt_mpz_from_float(-12345.9), I(-12345)));
}

static void test_conversions(void) {
    long long v;
    CHECK(mt_mpz_to_ll(Z(I(INT64_MIN)), &v) && v == INT64_MIN);
    CHECK(mt_mpz_to_ll(Z(I(INT64_MAX)), &v) && v == INT64_MAX);
    CHECK(!mt_mpz_to_ll(Z(mt_mpz_add(Z(I(INT64_MAX)), Z(I(1)))), &v));
    CHECK(eq(mt_mpz_from_ull(UINT64_MAX), parse("ffffffffffffffff", 16)));
    CHECK(mt_mpz_mod_mersenne(Z(mt_mpz_shl(Z(I(1)), 61)), 61) == 1);
    CHECK(mt_mpz_mod_mersenne(Z(parse("123456789012345678901234567890", 10)), 61) ==
          (uint64_t)248789772095949448ULL);
}

static char heap[1 << 20];

int main(void) {
    char top;
    mt_init(heap, sizeof(heap), &top, 64 * 1024);
    test_known_values();
    test_division();
    test_identities();
    test_pow();
    test_floats();
    test_conversions();
    printf("%d passed, %d failed\n", n_pass, n_fail);
    return n_fail != 0;
}

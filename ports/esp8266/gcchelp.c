/* 64-bit integer helpers GCC calls on the lx106 that Debian's libgcc.a lacks.
 * (__udivmoddi4 and __umulsidi3 are present: libgcc.a and tools/lx106-libgccfix.sh.) */
#include <stdint.h>

uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __umulsidi3(uint32_t a, uint32_t b);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t a, int64_t b);
int64_t __muldi3(int64_t a, int64_t b);

static uint64_t magnitude(int64_t v) {
    return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

uint64_t __udivdi3(uint64_t n, uint64_t d) {
    return __udivmoddi4(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d) {
    uint64_t rem;
    __udivmoddi4(n, d, &rem);
    return rem;
}

int64_t __divdi3(int64_t a, int64_t b) {
    uint64_t q = __udivmoddi4(magnitude(a), magnitude(b), 0);
    return (a < 0) != (b < 0) ? -(int64_t)q : (int64_t)q;
}

/* (ah*2^32 + al)(bh*2^32 + bl) mod 2^64 */
int64_t __muldi3(int64_t a, int64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)((uint64_t)a >> 32);
    uint32_t bl = (uint32_t)b, bh = (uint32_t)((uint64_t)b >> 32);
    uint64_t cross = (uint64_t)(uint32_t)(al * bh + ah * bl) << 32;
    return (int64_t)(__umulsidi3(al, bl) + cross);
}

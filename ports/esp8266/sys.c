/* The bare-metal floor under the firmware: start-up, QEMU semihosting (the `simcall`
 * instruction of the Xtensa sim machine), the few system calls picolibc needs, and the
 * fault report. Nothing here knows about Python. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "sys.h"

/* semihosting call numbers of QEMU's Xtensa sim machine */
enum {
    SIM_EXIT = 1,
    SIM_READ = 3,
    SIM_WRITE = 4,
    SIM_SELECT_ONE = 29,
    SIM_ARGC = 1000,
    SIM_ARGV_SIZE = 1001,
    SIM_ARGV = 1002,
};
#define SIM_EAGAIN      11
#define SIM_SELECT_READ 1

extern char _data_start[], _data_end[], _data_load[], _bss_start[], _bss_end[];
extern char _stack_bottom[], _stack_top[];
extern void __libc_init_array(void);
int main(int argc, char **argv);
void sys_start(void);
void fault_report(int vector);
void sys_interrupt(void);

static int simcall(int nr, int a, int b, int c, int *err) {
    register int a2 __asm__("a2") = nr;
    register int a3 __asm__("a3") = a;
    register int a4 __asm__("a4") = b;
    register int a5 __asm__("a5") = c;
    __asm__ volatile("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
    if (err) *err = a3;
    return a2;
}

void _exit(int status) {
    for (;;) simcall(SIM_EXIT, status, 0, 0, 0);
}

ssize_t write(int fd, const void *buf, size_t n) {
    return simcall(SIM_WRITE, fd, (int)(uintptr_t)buf, (int)n, 0);
}

/* blocking read: a console attached as a chardev answers EAGAIN while it has nothing */
ssize_t read(int fd, void *buf, size_t n) {
    for (;;) {
        int err;
        int r = simcall(SIM_READ, fd, (int)(uintptr_t)buf, (int)n, &err);
        if (r >= 0 || err != SIM_EAGAIN) return r;
    }
}

/* picolibc's stdio, for anything in libc that prints (assert, abort) */
static int con_put(char c, FILE *f) {
    (void)f;
    return write(1, &c, 1) == 1 ? (unsigned char)c : EOF;
}
static int con_get(FILE *f) {
    unsigned char c;
    (void)f;
    return read(0, &c, 1) == 1 ? c : EOF;
}
static FILE console = FDEV_SETUP_STREAM(con_put, con_get, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &console;
FILE *const stdout = &console;
FILE *const stderr = &console;

/* ---- the console without blocking (the board's UART): with QEMU's -serial none the console
 * is QEMU's own stdin, which select() tells about; with a chardev (-serial stdio, a socket)
 * QEMU buffers 16 bytes and a read answers EAGAIN when there are none */
static const uint32_t no_wait[2] = {0, 0}; /* struct timeval {0 s, 0 us} */

int sys_console_poll(void *buf, size_t n) {
    if (simcall(SIM_SELECT_ONE, 0, SIM_SELECT_READ, (int)(uintptr_t)no_wait, 0) <= 0) return 0;
    int err;
    int r = simcall(SIM_READ, 0, (int)(uintptr_t)buf, (int)n, &err);
    if (r < 0) return err == SIM_EAGAIN ? 0 : -1;
    return r == 0 ? -1 : r;
}

/* ---- the tick: CCOMPARE0 raises the level-1 interrupt 6 when CCOUNT reaches it */
#define TICK_IRQ (1u << 6)

static uint32_t (*tick_hook)(void);

static uint32_t ccount(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, ccount" : "=r"(v));
    return v;
}

/* CCOUNT follows the host's clock under QEMU, and QEMU's thread may be descheduled at any
 * instruction: a CCOMPARE0 that CCOUNT had already passed when written would fire only after
 * the 32-bit count wraps (107 s at 40 MHz). It is written again until CCOUNT is seen short of
 * it afterwards (then it was short when written too). */
static void tick_arm(uint32_t cycles) {
    uint32_t next;
    do {
        next = ccount() + cycles;
        __asm__ volatile("wsr %0, ccompare0; rsync" ::"r"(next)); /* also acknowledges it */
    } while ((int32_t)(ccount() - next) >= 0);
}

void sys_tick_start(uint32_t cycles, uint32_t (*hook)(void)) {
    tick_hook = hook;
    tick_arm(cycles);
    __asm__ volatile("wsr %0, intenable; rsync" ::"r"(TICK_IRQ));
}

/* from the user exception vector (start.S), interrupts masked */
void __attribute__((section(".iram.text"))) sys_interrupt(void) {
    uint32_t pending;
    __asm__ volatile("rsr %0, interrupt" : "=r"(pending));
    if (pending & TICK_IRQ) tick_arm(tick_hook());
}

void sys_idle(void) {
    if (tick_hook) __asm__ volatile("waiti 0" ::: "memory");
}

/* ---- stack watermark: the stack is painted at start-up; the untouched paint tells the
 * deepest use, and paint gone from the bottom word tells an overflow into .bss */
#define STACK_PAINT 0x5a5a5a5au

static void stack_paint(void) {
    uint32_t *p = (uint32_t *)_stack_bottom;
    uint32_t *sp = (uint32_t *)__builtin_frame_address(0) - 64;
    while (p < sp) *p++ = STACK_PAINT;
}

size_t sys_stack_used(void) {
    const uint32_t *p = (const uint32_t *)_stack_bottom;
    while (p < (const uint32_t *)_stack_top && *p == STACK_PAINT) p++;
    return (size_t)(_stack_top - (const char *)p);
}

bool sys_stack_overflowed(void) {
    return *(const uint32_t *)_stack_bottom != STACK_PAINT;
}

size_t sys_stack_size(void) {
    return (size_t)(_stack_top - _stack_bottom);
}
char *sys_stack_top(void) {
    return _stack_top;
}

size_t sys_dram_static(void) {
    return (size_t)(_bss_end - _data_start);
}

/* ---- the command line given with -semihosting-config arg=...,arg=... */
static uint32_t argbuf[32];

static int fetch_args(char ***argv) {
    int argc = simcall(SIM_ARGC, 0, 0, 0, 0);
    *argv = (char **)argbuf;
    if (argc <= 0 || simcall(SIM_ARGV_SIZE, 0, 0, 0, 0) > (int)sizeof argbuf) {
        argbuf[0] = 0;
        return 0;
    }
    simcall(SIM_ARGV, (int)(uintptr_t)argbuf, 0, 0, 0);
    return argc;
}

void sys_start(void) {
    memcpy(_data_start, _data_load, (size_t)(_data_end - _data_start));
    memset(_bss_start, 0, (size_t)(_bss_end - _bss_start));
    stack_paint();
    __libc_init_array();
    char **argv;
    int argc = fetch_args(&argv);
    exit(main(argc, argv));
}

/* ---- faults: print what the CPU says and stop with status 100 + exception cause */
static void put_str(const char *s) {
    write(2, s, strlen(s));
}

static void put_hex(const char *label, uint32_t v) {
    char buf[12] = " =0x";
    for (int i = 0; i < 8; i++) buf[4 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
    put_str(label);
    write(2, buf, sizeof buf);
}

void __attribute__((section(".iram.text"))) fault_report(int vector) {
    uint32_t cause, epc, vaddr;
    __asm__ volatile("rsr %0, exccause" : "=r"(cause));
    __asm__ volatile("rsr %0, epc1" : "=r"(epc));
    __asm__ volatile("rsr %0, excvaddr" : "=r"(vaddr));
    put_str("\nFATAL: CPU exception");
    put_hex(" vector", (uint32_t)vector);
    put_hex(" cause", cause);
    put_hex(" pc", epc);
    put_hex(" addr", vaddr);
    put_str(sys_stack_overflowed() ? " (stack overflow)\n" : "\n");
    _exit(100 + (int)(cause & 63));
}

/* picolibc's raise() (reached from abort) wants a process to signal: there is only us */
pid_t getpid(void) {
    return 1;
}

int kill(pid_t pid, int sig) {
    (void)pid;
    _exit(128 + sig);
}

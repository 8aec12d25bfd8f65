/* The HAL of the lx106 firmware under QEMU: the console is semihosting stdin/stdout/stderr,
 * time is the CPU's cycle counter.
 *
 * The console has two modes:
 *   program (the test runner's, main.c --run): stdin is a stream read as it comes, blocking,
 *       and stdout/stderr carry exactly what was written;
 *   board (mt_esp_console_begin): the console is the board's UART. A timer tick (sys.c) takes
 *       what arrived into a ring, as the UART's RX interrupt would, turning a Ctrl-C that comes
 *       while REPL code runs into a pending KeyboardInterrupt; readers wait for it in `waiti`.
 *       Output is one stream with every \n written as \r\n, as a terminal wants it.
 * The module loader's files: none in program mode, the board's file layer in board mode. */
#include <unistd.h>

#include "board.h"
#include "esp8266.h"
#include "hal.h"
#include "repl.h"
#include "state.h"
#include "sys.h"

#define EPOCH_2000_S 946684800ull /* the clock starts at 2000-01-01, as the chip's RTC */
/* The console is looked at every TICK_US, and every TICK_BUSY_US while bytes are coming
 * (QEMU hands them over 16 at a time) and for BUSY_TICKS after: an idle board costs little
 * host CPU, a paste is fast. A reader that finds the ring empty also looks at once. */
#define TICK_US      2000u
#define TICK_BUSY_US 200u
#define BUSY_TICKS   50

static bool board_mode;

/* stdout is buffered a line at a time: each semihosting call is a trap into the emulator */
static struct {
    char buf[128];
    size_t len;
    char last; /* the last byte written: a \n after \r is not cooked again */
} out;

void mt_hal_stdout_flush(void) {
    size_t done = 0;
    while (done < out.len) {
        ssize_t n = write(1, out.buf + done, out.len - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
    out.len = 0;
}

static void out_byte(char c) {
    out.buf[out.len++] = c;
    out.last = c;
    if (c == '\n' || out.len == sizeof out.buf) mt_hal_stdout_flush();
}

void mt_hal_stdout_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (board_mode && s[i] == '\n' && out.last != '\r') out_byte('\r');
        out_byte(s[i]);
    }
}

void mt_hal_stderr_write(const char *s, size_t n) {
    if (board_mode) {
        mt_hal_stdout_write(s, n); /* one UART */
        return;
    }
    mt_hal_stdout_flush();
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

/* ---- program mode: stdin read ahead in small chunks; the lexer pulls one byte at a time */
static struct {
    unsigned char buf[64];
    size_t len, pos;
} in;

static int stream_read(void) {
    if (in.pos == in.len) {
        mt_hal_stdout_flush();
        ssize_t n = read(0, in.buf, sizeof in.buf);
        if (n <= 0) return -1;
        in.len = (size_t)n;
        in.pos = 0;
    }
    return in.buf[in.pos++];
}

/* ---- board mode: the RX ring, filled by the tick (the only writer of tail and eof) and
 * emptied by mt_hal_stdin_read (the only writer of head). Counters run freely; their
 * difference is the fill. When the ring is full the tick leaves bytes in QEMU, whose
 * console then stops taking them: nothing is lost. */
#define RX_RING 256 /* a power of two */

static struct {
    volatile uint16_t head, tail;
    volatile bool eof;
    uint8_t buf[RX_RING];
} rx;

static void rx_byte(uint8_t c) {
    if (c == mt_state.interrupt_char && mt_repl_code_running) {
        mt_state.pending_exc = mt_state.kbd_exc;
        mt_pending = 1;
        return;
    }
    rx.buf[rx.tail % RX_RING] = c;
    rx.tail++;
}

static uint64_t cycles(void);

/* what the console holds, into the ring; false if nothing came (or waits) */
static bool rx_fill(void) {
    uint8_t buf[32];
    bool got = false;
    while (!rx.eof) {
        size_t room = RX_RING - (uint16_t)(rx.tail - rx.head);
        if (room == 0) return true; /* the rest waits in QEMU: come back soon */
        int n = sys_console_poll(buf, room < sizeof buf ? room : sizeof buf);
        if (n < 0) rx.eof = true;
        if (n <= 0) return got;
        for (int i = 0; i < n; i++) rx_byte(buf[i]);
        got = true;
    }
    return got;
}

/* in the timer interrupt: the cycles to the next tick */
static uint32_t tick(void) {
    static uint8_t quiet; /* ticks since bytes last came */
    cycles();             /* a look at CCOUNT every tick: no wrap-around goes unnoticed */
    if (rx_fill()) {
        quiet = 0;
    } else if (quiet < BUSY_TICKS) {
        quiet++;
    }
    return (quiet < BUSY_TICKS ? TICK_BUSY_US : TICK_US) * MT_ESP_CPU_MHZ;
}

/* the reader's own look, with the tick masked (the ring's tail then has one writer) */
static bool fill_now(void) {
    uint32_t ps;
    __asm__ volatile("rsil %0, 1" : "=r"(ps));
    bool got = rx_fill();
    __asm__ volatile("wsr %0, ps; rsync" ::"r"(ps) : "memory");
    return got;
}

static int ring_read(void) {
    mt_hal_stdout_flush();
    while (rx.head == rx.tail) {
        if (rx.eof) return -1;
        if (mt_pending && mt_repl_code_running) mt_handle_pending(); /* input(): Ctrl-C */
        if (!fill_now()) sys_idle();
    }
    int c = rx.buf[rx.head % RX_RING];
    rx.head++;
    return c;
}

void mt_esp_console_begin(void) {
    board_mode = true;
    sys_tick_start(TICK_US * MT_ESP_CPU_MHZ, tick);
}

bool mt_esp_console_ended(void) {
    return rx.eof && rx.head == rx.tail;
}

int mt_hal_stdin_read(void) {
    return board_mode ? ring_read() : stream_read();
}

/* ---- time. CCOUNT counts CPU cycles (32 bits); it is widened to 64 bits by noticing
 * wrap-arounds, which is exact as long as it is read at least once per wrap (53 s at 80 MHz):
 * the tick does so in board mode. Interrupts are masked while the count is updated. */
static uint64_t cycles(void) {
    static uint32_t last, high;
    uint32_t ps, now;
    __asm__ volatile("rsil %0, 1" : "=r"(ps));
    __asm__ volatile("rsr %0, ccount" : "=r"(now));
    if (now < last) high++;
    last = now;
    uint64_t c = ((uint64_t)high << 32) | now;
    __asm__ volatile("wsr %0, ps; rsync" ::"r"(ps) : "memory");
    return c;
}

uint32_t mt_hal_ticks_cpu(void) {
    return (uint32_t)cycles();
}
uint64_t mt_hal_ticks_us(void) {
    return cycles() / MT_ESP_CPU_MHZ;
}
uint64_t mt_hal_ticks_ms(void) {
    return cycles() / (MT_ESP_CPU_MHZ * 1000u);
}
/* no battery-backed clock: power-on is 2000-01-01 00:00:00 UTC */
uint64_t mt_hal_time_ns(void) {
    return EPOCH_2000_S * 1000000000u + cycles() * 1000u / MT_ESP_CPU_MHZ;
}

/* whole ticks asleep in `waiti` (board mode), the rest spinning */
void mt_hal_delay_us(uint64_t us) {
    mt_hal_stdout_flush();
    uint64_t end = mt_hal_ticks_us() + us;
    for (uint64_t now; (now = mt_hal_ticks_us()) < end;) {
        if (end - now > TICK_US) sys_idle();
    }
}

/* ---- the module loader's files: the board's (frozen modules, then the flash's files) */
int mt_hal_stat(const char *path) {
    return board_mode ? mt_board_file_stat(path) : 0;
}

int mt_hal_open_read(const char *path) {
    return board_mode ? mt_board_file_open_read(path) : -1;
}

long mt_hal_read(int handle, void *buf, size_t n) {
    return board_mode ? mt_board_file_read(handle, buf, n) : -1;
}

void mt_hal_close(int handle) {
    if (board_mode) mt_board_file_close(handle);
}

bool mt_esp_board_mode(void) {
    return board_mode;
}

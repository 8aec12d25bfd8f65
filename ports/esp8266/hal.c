/* The HAL of the lx106 firmware under QEMU: the console is semihosting stdin/stdout/stderr,
 * time is the CPU's cycle counter. No file system yet: the file calls find nothing. */
#include <unistd.h>

#include "hal.h"
#include "esp8266.h"

/* stdout is buffered a line at a time: each semihosting call is a trap into the emulator */
static struct {
    char buf[128];
    size_t len;
} out;

void mt_esp_stdout_flush(void) {
    size_t done = 0;
    while (done < out.len) {
        ssize_t n = write(1, out.buf + done, out.len - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
    out.len = 0;
}

void mt_hal_stdout_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        out.buf[out.len++] = s[i];
        if (s[i] == '\n' || out.len == sizeof out.buf) mt_esp_stdout_flush();
    }
}

void mt_hal_stderr_write(const char *s, size_t n) {
    mt_esp_stdout_flush();
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

/* stdin is read ahead in small chunks; the lexer pulls one byte at a time */
static struct {
    unsigned char buf[64];
    size_t len, pos;
} in;

int mt_hal_stdin_read(void) {
    if (in.pos == in.len) {
        mt_esp_stdout_flush();
        ssize_t n = read(0, in.buf, sizeof in.buf);
        if (n <= 0) return -1;
        in.len = (size_t)n;
        in.pos = 0;
    }
    return in.buf[in.pos++];
}

/* CCOUNT counts CPU cycles (32 bits); it is widened to 64 bits by noticing wrap-arounds,
 * which is exact as long as the time is read at least once per wrap (53 s at 80 MHz). */
static uint64_t cycles(void) {
    static uint32_t last, high;
    uint32_t now;
    __asm__ volatile("rsr %0, ccount" : "=r"(now));
    if (now < last) high++;
    last = now;
    return ((uint64_t)high << 32) | now;
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
/* no real-time clock: the epoch is power-on */
uint64_t mt_hal_time_ns(void) {
    return cycles() * 1000u / MT_ESP_CPU_MHZ;
}

void mt_hal_delay_us(uint64_t us) {
    uint64_t end = mt_hal_ticks_us() + us;
    while (mt_hal_ticks_us() < end) {
    }
}

int mt_hal_stat(const char *path) {
    (void)path;
    return 0;
}

int mt_hal_open_read(const char *path) {
    (void)path;
    return -1;
}

long mt_hal_read(int handle, void *buf, size_t n) {
    (void)handle, (void)buf, (void)n;
    return -1;
}

void mt_hal_close(int handle) {
    (void)handle;
}

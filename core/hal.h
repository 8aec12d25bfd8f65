/* The hardware abstraction layer: the whole contract a port fulfils for the core. */
#ifndef MT_HAL_H
#define MT_HAL_H

#include <stddef.h>
#include <stdint.h>

/* console: bytes out (stdout, and the raw/friendly REPL); stderr on the host */
void mt_hal_stdout_write(const char *s, size_t n);
void mt_hal_stderr_write(const char *s, size_t n);
/* one byte from the console, blocking; -1 at end of input */
int mt_hal_stdin_read(void);
/* time */
uint64_t mt_hal_ticks_us(void);
uint64_t mt_hal_ticks_ms(void);
uint32_t mt_hal_ticks_cpu(void);
uint64_t mt_hal_time_ns(void); /* wall clock, ns since the Unix epoch */
void mt_hal_delay_us(uint64_t us);
/* files on the host file system (the module loader uses these); -1 if not found.
 * mt_hal_stat: 0 none, 1 file, 2 directory. */
int mt_hal_stat(const char *path);
/* open a file for the lexer's reader; returns a handle >= 0 or -1 */
int mt_hal_open_read(const char *path);
long mt_hal_read(int handle, void *buf, size_t n);
void mt_hal_close(int handle);
/* the C stack's current position (for the GC and the recursion check) */
#define mt_hal_stack_pointer() ((char *)__builtin_frame_address(0))

#endif

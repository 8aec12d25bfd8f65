/* Non-local return (see nlr.h). */
#include <stdlib.h>

#include "hal.h"
#include "nlr.h"

mt_nlr_buf_t *mt_nlr_top;

void mt_nlr_jump(mt_obj_t val) {
    mt_nlr_buf_t *top = mt_nlr_top;
    if (top == NULL) {
        /* a raise with no handler at all is a bug in a port's main: never silently continue */
        static const char msg[] = "FATAL: uncaught Python exception outside any handler\n";
        mt_hal_stderr_write(msg, sizeof(msg) - 1);
        abort();
    }
    top->ret_val = val;
    mt_nlr_top = top->prev;
    longjmp(top->jmpbuf, 1);
}

/* Non-local return: how exceptions unwind C. Push a buffer, run code; a raise longjmps
 * back to the innermost pushed buffer, which is popped, with the exception in ret_val.
 *
 *   mt_nlr_buf_t nlr;
 *   if (mt_nlr_push(&nlr) == 0) {
 *       ... code that may raise ...
 *       mt_nlr_pop();            // on the normal path only
 *   } else {
 *       mt_obj_t exc = nlr.ret_val;   // the buffer was already popped
 *   }
 */
#ifndef MT_NLR_H
#define MT_NLR_H

#include <setjmp.h>
#include "obj.h"

typedef struct mt_nlr_buf_s {
    struct mt_nlr_buf_s *prev;
    mt_obj_t ret_val;
    jmp_buf jmpbuf;
} mt_nlr_buf_t;

extern mt_nlr_buf_t *mt_nlr_top;

#define mt_nlr_push(buf) ((buf)->prev = mt_nlr_top, mt_nlr_top = (buf), setjmp((buf)->jmpbuf))
#define mt_nlr_pop()     (mt_nlr_top = mt_nlr_top->prev)
MT_NORETURN void mt_nlr_jump(mt_obj_t val);

#endif

/* Compile-and-run entry points: mt_compile, mt_exec_compiled, mt_exec_str (used by the
 * eval/exec/compile builtins, the REPL, and running files and modules). */
#include "nlr.h"
#include "state.h"
#include "vm.h"

static mt_code_t *compile_all(mt_parser_t *p, mt_qstr_t filename, mt_parse_mode_t mode) {
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_code_t *code = mt_compile_module(p, filename, mode);
        mt_nlr_pop();
        return code;
    }
    mt_parser_free(p);
    mt_nlr_jump(nlr.ret_val);
}

mt_obj_t mt_compile(mt_reader_t *r, mt_qstr_t filename, mt_parse_mode_t mode, mt_obj_t globals) {
    mt_parser_t *p = mt_parser_new(r, filename, mode);
    mt_code_t *code = compile_all(p, filename, mode);
    mt_parser_free(p);
    if (globals == MT_NULL) {
        globals = mt_state.main_globals;
    }
    return mt_fun_new(code, globals);
}

mt_obj_t mt_exec_compiled(mt_obj_t fun, mt_obj_t locals) {
    return mt_fun_call_with_locals(fun, locals);
}

mt_obj_t mt_exec_str(const char *src, size_t len, mt_qstr_t filename, mt_parse_mode_t mode,
                     mt_obj_t globals, mt_obj_t locals) {
    mt_reader_t r;
    mt_reader_new_mem(&r, src, len);
    mt_obj_t fun = mt_compile(&r, filename, mode, globals);
    mt_obj_t ret = mt_exec_compiled(fun, locals);
    return mode == MT_PARSE_EVAL ? ret : MT_NONE;
}

/* select on the host: poll() objects (register unregister modify poll ipoll) and
 * select.select, over POSIX poll(2). Objects are file descriptors (ints) or anything with a
 * fileno() method: sys.stdin, files, sockets. Event values are the POSIX ones MicroPython
 * uses: POLLIN 1, POLLPRI 2, POLLOUT 4, POLLERR 8, POLLHUP 16. */
#include <errno.h>
#include <poll.h>

#include "obj.h"
#include "state.h"

typedef struct {
    mt_obj_base_t base;
    mt_obj_t objs; /* dict: object -> eventmask */
} poll_obj_t;

static const mt_type_t poll_type;

static int fd_of(mt_obj_t o) {
    if (mt_obj_is_int(o)) return (int)mt_obj_get_int(o);
    mt_obj_t f = mt_load_attr_maybe(o, MT_QSTR_fileno);
    if (f == MT_NULL) mt_raise_type_error("object has no fileno()");
    return (int)mt_obj_get_int(mt_call0(f));
}

static mt_obj_t poll_register(size_t n, const mt_obj_t *args) {
    poll_obj_t *p = MT_OBJ_TO_PTR(args[0]);
    fd_of(args[1]);
    mt_dict_store(p->objs, args[1], n > 2 ? args[2] : MT_NEW_SMALL_INT(POLLIN | POLLOUT));
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(poll_register_obj, 2, 3, poll_register);

static mt_obj_t poll_unregister(mt_obj_t self, mt_obj_t o) {
    poll_obj_t *p = MT_OBJ_TO_PTR(self);
    if (mt_map_lookup(mt_dict_map(p->objs), o, MT_MAP_LOOKUP_REMOVE) == NULL)
        mt_raise(mt_exc_new(&mt_type_KeyError, 1, &o));
    return MT_NONE;
}
static MT_DEFINE_FUN_2(poll_unregister_obj, poll_unregister);

static mt_obj_t poll_modify(mt_obj_t self, mt_obj_t o, mt_obj_t mask) {
    poll_obj_t *p = MT_OBJ_TO_PTR(self);
    mt_map_elem_t *e = mt_map_lookup(mt_dict_map(p->objs), o, MT_MAP_LOOKUP);
    if (e == NULL) mt_raise_oserror(ENOENT);
    e->value = mask;
    return MT_NONE;
}
static MT_DEFINE_FUN_3(poll_modify_obj, poll_modify);

/* poll(2) in slices of at most 50 ms so Ctrl-C (mt_pending) is seen */
static int wait_events(struct pollfd *fds, size_t n, long timeout_ms) {
    for (;;) {
        int slice = timeout_ms < 0 || timeout_ms > 50 ? 50 : (int)timeout_ms;
        int r = poll(fds, n, slice);
        if (r < 0 && errno != EINTR) mt_raise_oserror(errno);
        if (mt_pending) mt_handle_pending();
        if (r > 0) return r;
        if (timeout_ms >= 0) {
            timeout_ms -= slice;
            if (timeout_ms <= 0) return 0;
        }
    }
}

static mt_obj_t poll_poll(size_t n, const mt_obj_t *args) {
    poll_obj_t *p = MT_OBJ_TO_PTR(args[0]);
    long timeout = n > 1 && args[1] != MT_NONE ? (long)mt_obj_get_int(args[1]) : -1;
    mt_map_t *map = mt_dict_map(p->objs);
    struct pollfd *fds = mt_alloc((map->filled + 1) * sizeof(struct pollfd));
    mt_obj_t *objs = mt_alloc((map->filled + 1) * sizeof(mt_obj_t));
    size_t k = 0;
    for (size_t i = 0; i < map->used; i++) {
        if (!MT_MAP_SLOT_IS_FILLED(map, i)) continue;
        objs[k] = map->elems[i].key;
        fds[k].fd = fd_of(objs[k]);
        fds[k].events = (short)mt_obj_get_int(map->elems[i].value);
        k++;
    }
    wait_events(fds, k, timeout);
    mt_obj_t out = mt_list_new(0, NULL);
    for (size_t i = 0; i < k; i++) {
        if (fds[i].revents == 0) continue;
        mt_obj_t t[2] = {objs[i], MT_NEW_SMALL_INT(fds[i].revents)};
        mt_list_append(out, mt_tuple_new(2, t));
    }
    return out;
}
static MT_DEFINE_FUN_VAR(poll_poll_obj, 1, 3, poll_poll);

static mt_obj_t poll_ipoll(size_t n, const mt_obj_t *args) {
    return mt_getiter(poll_poll(n, args), NULL);
}
static MT_DEFINE_FUN_VAR(poll_ipoll_obj, 1, 3, poll_ipoll);

static const mt_map_elem_t poll_locals_table[] = {
    {MT_ROM_QSTR(MT_QSTR_register), MT_ROM_PTR(&poll_register_obj)},
    {MT_ROM_QSTR(MT_QSTR_unregister), MT_ROM_PTR(&poll_unregister_obj)},
    {MT_ROM_QSTR(MT_QSTR_modify), MT_ROM_PTR(&poll_modify_obj)},
    {MT_ROM_QSTR(MT_QSTR_poll), MT_ROM_PTR(&poll_poll_obj)},
    {MT_ROM_QSTR(MT_QSTR_ipoll), MT_ROM_PTR(&poll_ipoll_obj)},
};
static MT_DEFINE_CONST_MAP(poll_locals, poll_locals_table);

static const mt_type_t poll_type = {
    .base = {&mt_type_type},
    .name = MT_QSTR_poll,
    .locals = &poll_locals,
};

static mt_obj_t select_poll(void) {
    poll_obj_t *p = mt_new_obj(poll_obj_t);
    p->base.type = &poll_type;
    p->objs = mt_dict_new(0);
    return MT_OBJ_FROM_PTR(p);
}
static MT_DEFINE_FUN_0(select_poll_obj, select_poll);

/* select(r, w, x[, timeout seconds]) -> ([readable], [writable], [exceptional]) */
static mt_obj_t select_select(size_t n, const mt_obj_t *args) {
    long timeout = -1;
    if (n > 3 && args[3] != MT_NONE) timeout = (long)((double)mt_obj_get_float(args[3]) * 1000);
    size_t len[3], total = 0;
    mt_obj_t *items[3];
    mt_obj_t lists[3];
    for (int i = 0; i < 3; i++) {
        lists[i] = mt_list_new(0, NULL);
        mt_obj_t it = mt_getiter(args[i], NULL), x;
        while ((x = mt_iternext(it)) != MT_NULL) mt_list_append(lists[i], x);
        mt_list_get(lists[i], &len[i], &items[i]);
        total += len[i];
    }
    struct pollfd *fds = mt_alloc((total + 1) * sizeof(struct pollfd));
    static const short want[3] = {POLLIN, POLLOUT, POLLPRI};
    size_t k = 0;
    for (int i = 0; i < 3; i++)
        for (size_t j = 0; j < len[i]; j++, k++)
            fds[k].fd = fd_of(items[i][j]), fds[k].events = want[i];
    wait_events(fds, total, timeout);
    mt_obj_t result[3];
    k = 0;
    for (int i = 0; i < 3; i++) {
        result[i] = mt_list_new(0, NULL);
        for (size_t j = 0; j < len[i]; j++, k++)
            if (fds[k].revents & (want[i] | POLLERR | POLLHUP))
                mt_list_append(result[i], items[i][j]);
    }
    return mt_tuple_new(3, result);
}
static MT_DEFINE_FUN_VAR(select_select_obj, 3, 4, select_select);

static const mt_map_elem_t select_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_select)},
    {MT_ROM_QSTR(MT_QSTR_poll), MT_ROM_PTR(&select_poll_obj)},
    {MT_ROM_QSTR(MT_QSTR_select), MT_ROM_PTR(&select_select_obj)},
    {MT_ROM_QSTR(MT_QSTR_POLLIN), MT_ROM_INT(POLLIN)},
    {MT_ROM_QSTR(MT_QSTR_POLLPRI), MT_ROM_INT(POLLPRI)},
    {MT_ROM_QSTR(MT_QSTR_POLLOUT), MT_ROM_INT(POLLOUT)},
    {MT_ROM_QSTR(MT_QSTR_POLLERR), MT_ROM_INT(POLLERR)},
    {MT_ROM_QSTR(MT_QSTR_POLLHUP), MT_ROM_INT(POLLHUP)},
};
MT_DEFINE_MODULE(mt_module_select, select_table);

/* The VFS: the mount table, path lookup and the os functions over it (see vfs.h).
 *
 * Lookup follows MicroPython's rules: an absolute path (or any path while the current
 * directory is the virtual root) is matched against the mount points, the longest first,
 * the one at "/" last; the file system gets the rest of the path ("/" when nothing is
 * left). A relative path goes as it is to the current file system, which resolves it
 * against its own current directory. "/" with nothing mounted there is the virtual root,
 * whose listing is the mount points. */
#include "vfs.h"

#include "hal.h"
#include "nlr.h"
#include "runtime.h"
#include "state.h"
#include "stream.h"
#include "types/str.h"

int32_t mt_vfs_epoch_offset;

typedef struct mount_s {
    struct mount_s *next;
    mt_obj_t fs;
    mt_obj_t path; /* str: "/" or "/name..." without a trailing slash */
    size_t len;
} mount_t;

#define N_HANDLES 4

typedef struct {
    mount_t *table;              /* mounts at "/" stay at the end */
    mount_t *cur;                /* the current file system; NULL: the virtual root */
    mt_obj_t handles[N_HANDLES]; /* files the module loader has open */
} vfs_state_t;

#define ROOT ((mount_t *)1) /* lookup result: the virtual root */

static vfs_state_t *state(void) {
    mt_obj_t *slot = &mt_state.extra[MT_VFS_STATE_SLOT];
    if (*slot == MT_NULL) *slot = MT_OBJ_FROM_PTR(mt_alloc(sizeof(vfs_state_t)));
    return MT_OBJ_TO_PTR(*slot);
}

void mt_vfs_check(int err) {
    if (err) mt_raise_oserror(err);
}

static const char *path_str(mt_obj_t o, size_t *len) {
    if (!mt_obj_is_str(o) && !MT_IS_TYPE(o, &mt_type_bytes)) {
        mt_raise_fmt(&mt_type_TypeError, "expected str, bytes or os.PathLike object, not %q",
                     mt_obj_type_name(o));
    }
    const char *s = mt_str_data(o, len);
    if (strlen(s) != *len) mt_raise_value_error("embedded null byte");
    return s;
}

/* a path of the same kind (str or bytes) as like */
static mt_obj_t path_new(mt_obj_t like, const char *s, size_t n) {
    return MT_IS_TYPE(like, &mt_type_bytes) ? mt_bytes_new(s, n) : mt_str_new(s, n);
}

/* the file system for path (a mount, ROOT or NULL for nothing); *out the path it gets */
static mount_t *lookup(mt_obj_t path_obj, mt_obj_t *out) {
    vfs_state_t *st = state();
    size_t len;
    const char *path = path_str(path_obj, &len);
    if (path[0] != '/' && st->cur) {
        *out = path_obj;
        return st->cur;
    }
    bool abs = path[0] == '/';
    const char *p = path + abs;
    if (*p == 0) return ROOT;
    for (mount_t *m = st->table; m; m = m->next) {
        size_t n = m->len - 1;
        const char *mp = mt_obj_str_cstr(m->path) + 1;
        if (n == 0) {
            *out = path_new(path_obj, p - abs, strlen(p - abs));
            return m;
        }
        if (!strncmp(p, mp, n) && (p[n] == '/' || p[n] == 0)) {
            *out = p[n] ? path_new(path_obj, p + n, strlen(p + n)) : path_new(path_obj, "/", 1);
            return m;
        }
    }
    return NULL;
}

/* lookup that must find a file system */
static mount_t *lookup_fs(mt_obj_t path, mt_obj_t *out) {
    mount_t *m = lookup(path, out);
    if (m == NULL) mt_raise_oserror(MT_FS_ENOENT);
    return m;
}

static mount_t *root_mount(void) {
    for (mount_t *m = state()->table; m; m = m->next)
        if (m->len == 1) return m;
    return NULL;
}

/* fs.method(*args) */
static mt_obj_t call(mount_t *m, mt_qstr_t method, size_t n, const mt_obj_t *args) {
    return mt_call_method_n(m->fs, method, n, args);
}

/* ---- mount and umount */

void mt_vfs_mount(mt_obj_t fs, const char *path, bool readonly, bool mkfs) {
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/') len--;
    if (path[0] != '/') mt_raise_oserror(MT_FS_EINVAL);
    vfs_state_t *st = state();
    mt_obj_t pobj = mt_str_new(path, len), rest;
    mount_t *existing = lookup(pobj, &rest);
    if (existing == ROOT && len == 1 && root_mount()) existing = root_mount();
    if (existing && existing != ROOT && !(len != 1 && existing->len == 1)) {
        mt_raise_oserror(MT_FS_EPERM); /* the mount point is in use */
    }
    mt_obj_t args[2] = {MT_BOOL(readonly), MT_BOOL(mkfs)};
    call(&(mount_t){NULL, fs, pobj, len}, MT_QSTR_mount, 2, args);
    mount_t *m = mt_alloc(sizeof(mount_t));
    m->fs = fs;
    m->path = pobj;
    m->len = len;
    mount_t **p = &st->table;
    while (*p && (*p)->len != 1) p = &(*p)->next;
    m->next = *p;
    *p = m;
}

static mt_obj_t vfs_mount(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {{MT_QSTR_fs, MT_ARG_REQUIRED, MT_NULL},
                                         {MT_QSTR_mount_point, MT_ARG_REQUIRED, MT_NULL},
                                         {MT_QSTR_readonly, MT_ARG_KW_ONLY, MT_FALSE},
                                         {MT_QSTR_mkfs, MT_ARG_KW_ONLY, MT_FALSE}};
    mt_obj_t a[4];
    mt_arg_parse(n, args, kw, 4, spec, a);
    size_t len;
    const char *path = path_str(a[1], &len);
    mt_vfs_mount(a[0], path, mt_is_true(a[2]), mt_is_true(a[3]));
    return MT_NONE;
}
MT_DEFINE_FUN_KW(mt_vfs_mount_obj, 2, vfs_mount);

static void unlink_mount(mount_t *m) {
    vfs_state_t *st = state();
    for (mount_t **p = &st->table; *p; p = &(*p)->next) {
        if (*p == m) {
            *p = m->next;
            break;
        }
    }
    if (st->cur == m) st->cur = NULL;
}

void mt_vfs_umount(mt_obj_t target) {
    mount_t *found = NULL;
    for (mount_t *m = state()->table; m && !found; m = m->next) {
        if (m->fs == target) found = m;
    }
    if (!found && (mt_obj_is_str(target) || MT_IS_TYPE(target, &mt_type_bytes))) {
        size_t len;
        const char *path = path_str(target, &len);
        while (len > 1 && path[len - 1] == '/') len--;
        for (mount_t *m = state()->table; m && !found; m = m->next) {
            if (m->len == len && !strncmp(mt_obj_str_cstr(m->path), path, len)) found = m;
        }
    }
    if (!found) mt_raise_oserror(MT_FS_EINVAL);
    unlink_mount(found);
    call(found, MT_QSTR_umount, 0, NULL);
}

static mt_obj_t vfs_umount(mt_obj_t target) {
    mt_vfs_umount(target);
    return MT_NONE;
}
MT_DEFINE_FUN_1(mt_vfs_umount_obj, vfs_umount);

void mt_vfs_umount_all(void) {
    vfs_state_t *st = state();
    while (st->table) {
        mount_t *m = st->table;
        unlink_mount(m);
        mt_nlr_buf_t nlr;
        if (mt_nlr_push(&nlr) == 0) {
            call(m, MT_QSTR_umount, 0, NULL);
            mt_nlr_pop();
        }
    }
    st->cur = NULL;
}

/* ---- the current directory */

static mt_obj_t vfs_getcwd(void) {
    mount_t *cur = state()->cur;
    if (!cur) return MT_NEW_QSTR(MT_QSTR_slash);
    mt_obj_t cwd = call(cur, MT_QSTR_getcwd, 0, NULL);
    if (cur->len == 1) return cwd;
    size_t n;
    const char *s = mt_str_data(cwd, &n);
    mt_vstr_t v;
    mt_vstr_init(&v, cur->len + n);
    mt_vstr_add_strn(&v, mt_obj_str_cstr(cur->path), cur->len);
    if (!(n == 1 && s[0] == '/')) mt_vstr_add_strn(&v, s, n);
    return mt_str_new_from_vstr(&v);
}
MT_DEFINE_FUN_0(mt_vfs_getcwd_obj, vfs_getcwd);

static mt_obj_t vfs_chdir(mt_obj_t path) {
    mt_obj_t out;
    mount_t *m = lookup_fs(path, &out);
    if (m == ROOT) {
        /* a file system at "/" starts relative paths from its root again */
        mount_t *r = root_mount();
        if (r) {
            mt_obj_t slash = MT_NEW_QSTR(MT_QSTR_slash);
            call(r, MT_QSTR_chdir, 1, &slash);
        }
        state()->cur = r;
        return MT_NONE;
    }
    call(m, MT_QSTR_chdir, 1, &out);
    state()->cur = m;
    return MT_NONE;
}
MT_DEFINE_FUN_1(mt_vfs_chdir_obj, vfs_chdir);

/* ---- listing */

/* the virtual root's entries: the mount points (and what is mounted at "/") */
static mt_obj_t root_entries(mt_obj_t like) {
    mt_obj_t list = mt_list_new(0, NULL);
    mount_t *r = root_mount();
    if (r) {
        mt_obj_t slash = path_new(like, "/", 1);
        mt_obj_t it = mt_getiter(call(r, MT_QSTR_ilistdir, 1, &slash), NULL), e;
        while ((e = mt_iternext(it)) != MT_NULL) mt_list_append(list, e);
    }
    for (mount_t *m = state()->table; m; m = m->next) {
        if (m->len == 1) continue;
        const char *s = mt_obj_str_cstr(m->path) + 1;
        mt_obj_t t[3] = {path_new(like, s, strlen(s)), MT_NEW_SMALL_INT(0x4000),
                         MT_NEW_SMALL_INT(0)};
        mt_list_append(list, mt_tuple_new(3, t));
    }
    return list;
}

static mt_obj_t ilistdir(size_t n, const mt_obj_t *args) {
    mt_obj_t path = n ? args[0] : mt_str_new("", 0), out;
    mount_t *m = lookup_fs(path, &out);
    if (m == ROOT) return mt_getiter(root_entries(path), NULL);
    return mt_getiter(call(m, MT_QSTR_ilistdir, 1, &out), NULL);
}

static mt_obj_t vfs_ilistdir(size_t n, const mt_obj_t *args) {
    return ilistdir(n, args);
}
MT_DEFINE_FUN_VAR(mt_vfs_ilistdir_obj, 0, 1, vfs_ilistdir);

static mt_obj_t vfs_listdir(size_t n, const mt_obj_t *args) {
    mt_obj_t it = ilistdir(n, args), e, list = mt_list_new(0, NULL);
    while ((e = mt_iternext(it)) != MT_NULL) {
        size_t len;
        mt_obj_t *items;
        mt_get_array(e, &len, &items);
        if (len == 0) mt_raise_type_error("ilistdir entries must not be empty");
        mt_list_append(list, items[0]);
    }
    return list;
}
MT_DEFINE_FUN_VAR(mt_vfs_listdir_obj, 0, 1, vfs_listdir);

/* ---- entries */

static mt_obj_t one_path_op(mt_obj_t path, mt_qstr_t method) {
    mt_obj_t out;
    mount_t *m = lookup_fs(path, &out);
    if (m == ROOT) mt_raise_oserror(MT_FS_EPERM);
    return call(m, method, 1, &out);
}

static mt_obj_t vfs_mkdir(size_t n, const mt_obj_t *args) {
    mt_obj_t out;
    mount_t *m = lookup(args[0], &out);
    if (m == ROOT || (m && !strcmp(mt_obj_str_cstr(out), "/"))) mt_raise_oserror(MT_FS_EEXIST);
    return one_path_op(args[0], MT_QSTR_mkdir);
}
MT_DEFINE_FUN_VAR(mt_vfs_mkdir_obj, 1, 2, vfs_mkdir);

static mt_obj_t vfs_rmdir(mt_obj_t path) {
    return one_path_op(path, MT_QSTR_rmdir);
}
MT_DEFINE_FUN_1(mt_vfs_rmdir_obj, vfs_rmdir);

static mt_obj_t vfs_remove(mt_obj_t path) {
    return one_path_op(path, MT_QSTR_remove);
}
MT_DEFINE_FUN_1(mt_vfs_remove_obj, vfs_remove);

static mt_obj_t vfs_rename(mt_obj_t from, mt_obj_t to) {
    mt_obj_t a[2];
    mount_t *m1 = lookup_fs(from, &a[0]), *m2 = lookup_fs(to, &a[1]);
    if (m1 == ROOT || m2 == ROOT) mt_raise_oserror(MT_FS_EPERM);
    if (m1 != m2) mt_raise_oserror(MT_FS_EPERM); /* across file systems */
    return call(m1, MT_QSTR_rename, 2, a);
}
MT_DEFINE_FUN_2(mt_vfs_rename_obj, vfs_rename);

static mt_obj_t vfs_stat(mt_obj_t path) {
    mt_obj_t out;
    mount_t *m = lookup_fs(path, &out);
    if (m == ROOT) {
        mt_obj_t t[10];
        for (int i = 0; i < 10; i++) t[i] = MT_NEW_SMALL_INT(i == 0 ? 0x4000 : 0);
        return mt_tuple_new(10, t);
    }
    return call(m, MT_QSTR_stat, 1, &out);
}
MT_DEFINE_FUN_1(mt_vfs_stat_obj, vfs_stat);

static mt_obj_t vfs_statvfs(mt_obj_t path) {
    mt_obj_t out;
    mount_t *m = lookup_fs(path, &out);
    if (m == ROOT) {
        m = root_mount();
        if (!m) {
            mt_obj_t t[10];
            for (int i = 0; i < 10; i++) t[i] = MT_NEW_SMALL_INT(i == 9 ? 255 : 0);
            return mt_tuple_new(10, t);
        }
        out = MT_NEW_QSTR(MT_QSTR_slash);
    }
    return call(m, MT_QSTR_statvfs, 1, &out);
}
MT_DEFINE_FUN_1(mt_vfs_statvfs_obj, vfs_statvfs);

void mt_vfs_sync(void) {
    for (mount_t *m = state()->table; m; m = m->next) {
        mt_obj_t dest[2];
        if (mt_load_method_maybe(m->fs, MT_QSTR_sync, dest)) mt_call_loaded(dest, 0, NULL);
    }
}

static mt_obj_t vfs_sync(void) {
    mt_vfs_sync();
    return MT_NONE;
}
MT_DEFINE_FUN_0(mt_vfs_sync_obj, vfs_sync);

/* ---- open */

enum {
    A_FILE = MT_OPEN_FILE,
    A_MODE = MT_OPEN_MODE,
    A_ENCODING = MT_OPEN_ENCODING,
    A_N = MT_OPEN_N
};

mt_obj_t mt_vfs_open(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    mt_obj_t a[A_N];
    mt_arg_parse(n, args, kw, A_N, mt_stream_open_spec, a);
    if (!mt_obj_is_str(a[A_MODE])) {
        mt_raise_fmt(&mt_type_TypeError, "open() argument 'mode' must be str, not %q",
                     mt_obj_type_name(a[A_MODE]));
    }
    if (a[A_ENCODING] != MT_NONE) {
        if (strchr(mt_obj_str_cstr(a[A_MODE]), 'b')) {
            mt_raise_value_error("binary mode doesn't take an encoding argument");
        }
        if (mt_str_encoding(a[A_ENCODING]) == 2) {
            mt_raise_fmt(&mt_type_LookupError, "unknown encoding: %s",
                         mt_obj_str_cstr(a[A_ENCODING]));
        }
    }
    mt_obj_t call_args[2];
    call_args[1] = a[A_MODE];
    mount_t *m = lookup_fs(a[A_FILE], &call_args[0]);
    if (m == ROOT) mt_raise_oserror(MT_FS_EISDIR);
    return call(m, MT_QSTR_open, 2, call_args);
}
MT_DEFINE_FUN_KW(mt_vfs_open_obj, 1, mt_vfs_open);

/* ---- the module loader's files */

int mt_vfs_hal_stat(const char *path) {
    int kind = 0;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t t = vfs_stat(mt_str_new(path, strlen(path)));
        size_t n;
        mt_obj_t *items;
        mt_get_array(t, &n, &items);
        mt_int_t mode = n ? mt_obj_get_int(items[0]) : 0;
        kind = (mode & 0xf000) == 0x4000 ? 2 : 1;
        mt_nlr_pop();
    }
    return kind;
}

int mt_vfs_hal_open_read(const char *path) {
    vfs_state_t *st = state();
    int h = 0;
    while (h < N_HANDLES && st->handles[h] != MT_NULL) h++;
    if (h == N_HANDLES) return -1;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t args[2] = {mt_str_new(path, strlen(path)), MT_NEW_QSTR(MT_QSTR_rb)};
        st->handles[h] = mt_vfs_open(2, args, NULL);
        mt_nlr_pop();
        return h;
    }
    return -1;
}

long mt_vfs_hal_read(int h, void *buf, size_t n) {
    vfs_state_t *st = state();
    if (h < 0 || h >= N_HANDLES || st->handles[h] == MT_NULL) return -1;
    long got = -1;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_obj_t b =
            mt_call_method_n(st->handles[h], MT_QSTR_read, 1, (mt_obj_t[]){MT_NEW_SMALL_INT(n)});
        size_t len;
        const char *data = mt_str_data(b, &len);
        if (len > n) len = n;
        memcpy(buf, data, len);
        got = (long)len;
        mt_nlr_pop();
    }
    return got;
}

void mt_vfs_hal_close(int h) {
    vfs_state_t *st = state();
    if (h < 0 || h >= N_HANDLES || st->handles[h] == MT_NULL) return;
    mt_obj_t f = st->handles[h];
    st->handles[h] = MT_NULL;
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_call_method_n(f, MT_QSTR_close, 0, NULL);
        mt_nlr_pop();
    }
}

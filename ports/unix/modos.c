/* os on the host: listdir ilistdir mkdir rmdir remove rename stat statvfs getcwd chdir
 * urandom uname sep getenv, as MicroPython documents them; failures raise OSError with
 * the errno. (The board's flash filesystem and VFS are the board's os, not this one.) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "obj.h"

static const char *path_arg(mt_obj_t o) {
    if (!mt_obj_is_str(o)) {
        if (MT_IS_TYPE(o, &mt_type_bytes)) return mt_obj_str_cstr(o);
        mt_raise_fmt(&mt_type_TypeError, "expected str, bytes or os.PathLike object, not %s",
                     mt_qstr_str(mt_type_of(o)->name));
    }
    return mt_obj_str_cstr(o);
}

static void check(int r) {
    if (r < 0) mt_raise_oserror(errno);
}

static mt_obj_t os_getcwd(void) {
    char buf[4096];
    if (getcwd(buf, sizeof buf) == NULL) mt_raise_oserror(errno);
    return mt_str_new(buf, strlen(buf));
}
static MT_DEFINE_FUN_0(os_getcwd_obj, os_getcwd);

static mt_obj_t os_chdir(mt_obj_t p) {
    check(chdir(path_arg(p)));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(os_chdir_obj, os_chdir);

static mt_obj_t os_mkdir(size_t n, const mt_obj_t *args) {
    check(mkdir(path_arg(args[0]), n > 1 ? (mode_t)mt_obj_get_int(args[1]) : 0777));
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(os_mkdir_obj, 1, 2, os_mkdir);

static mt_obj_t os_rmdir(mt_obj_t p) {
    check(rmdir(path_arg(p)));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(os_rmdir_obj, os_rmdir);

static mt_obj_t os_remove(mt_obj_t p) {
    const char *path = path_arg(p);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) mt_raise_oserror(EISDIR);
    check(unlink(path));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(os_remove_obj, os_remove);

static mt_obj_t os_rename(mt_obj_t a, mt_obj_t b) {
    check(rename(path_arg(a), path_arg(b)));
    return MT_NONE;
}
static MT_DEFINE_FUN_2(os_rename_obj, os_rename);

/* (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime) as os.stat_result's order */
static mt_obj_t os_stat(mt_obj_t p) {
    struct stat st;
    check(stat(path_arg(p), &st));
    mt_obj_t items[10] = {
        mt_int_from_ll(st.st_mode),  mt_int_from_ull(st.st_ino),  mt_int_from_ull(st.st_dev),
        mt_int_from_ll(st.st_nlink), mt_int_from_ll(st.st_uid),   mt_int_from_ll(st.st_gid),
        mt_int_from_ll(st.st_size),  mt_int_from_ll(st.st_atime), mt_int_from_ll(st.st_mtime),
        mt_int_from_ll(st.st_ctime),
    };
    return mt_tuple_new(10, items);
}
static MT_DEFINE_FUN_1(os_stat_obj, os_stat);

static mt_obj_t os_statvfs(mt_obj_t p) {
    struct statvfs s;
    check(statvfs(path_arg(p), &s));
    mt_obj_t items[10] = {
        mt_int_from_ull(s.f_bsize),   mt_int_from_ull(s.f_frsize), mt_int_from_ull(s.f_blocks),
        mt_int_from_ull(s.f_bfree),   mt_int_from_ull(s.f_bavail), mt_int_from_ull(s.f_files),
        mt_int_from_ull(s.f_ffree),   mt_int_from_ull(s.f_favail), mt_int_from_ull(s.f_flag),
        mt_int_from_ull(s.f_namemax),
    };
    return mt_tuple_new(10, items);
}
static MT_DEFINE_FUN_1(os_statvfs_obj, os_statvfs);

/* entries of a directory, as (name, type, inode) tuples or plain names */
static mt_obj_t list_dir(const char *path, bool tuples, bool as_bytes) {
    DIR *d = opendir(path);
    if (d == NULL) mt_raise_oserror(errno);
    mt_obj_t list = mt_list_new(0, NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        size_t n = strlen(e->d_name);
        mt_obj_t name = as_bytes ? mt_bytes_new(e->d_name, n) : mt_str_new(e->d_name, n);
        if (!tuples) {
            mt_list_append(list, name);
            continue;
        }
        int type = e->d_type == DT_DIR ? 0x4000 : e->d_type == DT_REG ? 0x8000 : 0;
        if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            struct stat st;
            char full[4096];
            snprintf(full, sizeof full, "%s/%s", path, e->d_name);
            if (stat(full, &st) == 0) type = S_ISDIR(st.st_mode) ? 0x4000 : 0x8000;
        }
        mt_obj_t t[3] = {name, MT_NEW_SMALL_INT(type), mt_int_from_ull(e->d_ino)};
        mt_list_append(list, mt_tuple_new(3, t));
    }
    closedir(d);
    return list;
}

static mt_obj_t os_listdir(size_t n, const mt_obj_t *args) {
    const char *path = n ? path_arg(args[0]) : ".";
    return list_dir(path, false, n && MT_IS_TYPE(args[0], &mt_type_bytes));
}
static MT_DEFINE_FUN_VAR(os_listdir_obj, 0, 1, os_listdir);

static mt_obj_t os_ilistdir(size_t n, const mt_obj_t *args) {
    const char *path = n ? path_arg(args[0]) : ".";
    return mt_getiter(list_dir(path, true, n && MT_IS_TYPE(args[0], &mt_type_bytes)), NULL);
}
static MT_DEFINE_FUN_VAR(os_ilistdir_obj, 0, 1, os_ilistdir);

static mt_obj_t os_urandom(mt_obj_t n_obj) {
    mt_int_t n = mt_obj_get_int(n_obj);
    if (n < 0) mt_raise_value_error("negative argument not allowed");
    uint8_t *buf = mt_alloc((size_t)n + 1);
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0) mt_raise_oserror(errno);
    for (mt_int_t got = 0; got < n;) {
        ssize_t r = read(fd, buf + got, (size_t)(n - got));
        if (r <= 0) {
            close(fd);
            mt_raise_oserror(r < 0 ? errno : EIO);
        }
        got += r;
    }
    close(fd);
    return mt_bytes_new(buf, (size_t)n);
}
static MT_DEFINE_FUN_1(os_urandom_obj, os_urandom);

static mt_obj_t os_getenv(size_t n, const mt_obj_t *args) {
    const char *v = getenv(path_arg(args[0]));
    if (v == NULL) return n > 1 ? args[1] : MT_NONE;
    return mt_str_new(v, strlen(v));
}
static MT_DEFINE_FUN_VAR(os_getenv_obj, 1, 2, os_getenv);

/* uname(): (sysname, nodename, release, version, machine), MicroPython's 5 fields */
static mt_obj_t os_uname(void) {
    struct utsname u;
    uname(&u);
    mt_obj_t items[5] = {
        mt_str_new(u.sysname, strlen(u.sysname)), mt_str_new(u.nodename, strlen(u.nodename)),
        mt_str_new(u.release, strlen(u.release)), mt_str_new(u.version, strlen(u.version)),
        mt_str_new(u.machine, strlen(u.machine)),
    };
    return mt_tuple_new(5, items);
}
static MT_DEFINE_FUN_0(os_uname_obj, os_uname);

static mt_obj_t os_sync(void) {
    sync();
    return MT_NONE;
}
static MT_DEFINE_FUN_0(os_sync_obj, os_sync);

static const mt_map_elem_t os_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_os)},
    {MT_ROM_QSTR(MT_QSTR_getcwd), MT_ROM_PTR(&os_getcwd_obj)},
    {MT_ROM_QSTR(MT_QSTR_chdir), MT_ROM_PTR(&os_chdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_mkdir), MT_ROM_PTR(&os_mkdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_rmdir), MT_ROM_PTR(&os_rmdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_remove), MT_ROM_PTR(&os_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_unlink), MT_ROM_PTR(&os_remove_obj)},
    {MT_ROM_QSTR(MT_QSTR_rename), MT_ROM_PTR(&os_rename_obj)},
    {MT_ROM_QSTR(MT_QSTR_stat), MT_ROM_PTR(&os_stat_obj)},
    {MT_ROM_QSTR(MT_QSTR_statvfs), MT_ROM_PTR(&os_statvfs_obj)},
    {MT_ROM_QSTR(MT_QSTR_listdir), MT_ROM_PTR(&os_listdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_ilistdir), MT_ROM_PTR(&os_ilistdir_obj)},
    {MT_ROM_QSTR(MT_QSTR_urandom), MT_ROM_PTR(&os_urandom_obj)},
    {MT_ROM_QSTR(MT_QSTR_getenv), MT_ROM_PTR(&os_getenv_obj)},
    {MT_ROM_QSTR(MT_QSTR_uname), MT_ROM_PTR(&os_uname_obj)},
    {MT_ROM_QSTR(MT_QSTR_sync), MT_ROM_PTR(&os_sync_obj)},
    {MT_ROM_QSTR(MT_QSTR_sep), MT_ROM_QSTR(MT_QSTR_slash)},
};
MT_DEFINE_MODULE(mt_module_os, os_table);

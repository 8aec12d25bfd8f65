/* The errno values Mote uses, defined once: X(name, number, qstr). Numbers are Linux's, as
 * MicroPython uses on every port, so OSError.errno means the same on host and chip.
 * lib/moderrno.c makes the errno module from it; core/exc.c names OSErrors with it. */
#ifndef MT_MTERRNO_H
#define MT_MTERRNO_H

#define MT_ERRNO_LIST(X)                                                                           \
    X(EPERM, 1, MT_QSTR_EPERM)                                                                     \
    X(ENOENT, 2, MT_QSTR_ENOENT)                                                                   \
    X(EIO, 5, MT_QSTR_EIO)                                                                         \
    X(EBADF, 9, MT_QSTR_EBADF)                                                                     \
    X(EAGAIN, 11, MT_QSTR_EAGAIN)                                                                  \
    X(ENOMEM, 12, MT_QSTR_ENOMEM)                                                                  \
    X(EACCES, 13, MT_QSTR_EACCES)                                                                  \
    X(EEXIST, 17, MT_QSTR_EEXIST)                                                                  \
    X(ENODEV, 19, MT_QSTR_ENODEV)                                                                  \
    X(ENOTDIR, 20, MT_QSTR_ENOTDIR)                                                                \
    X(EISDIR, 21, MT_QSTR_EISDIR)                                                                  \
    X(EINVAL, 22, MT_QSTR_EINVAL)                                                                  \
    X(EMFILE, 24, MT_QSTR_EMFILE)                                                                  \
    X(EFBIG, 27, MT_QSTR_EFBIG)                                                                    \
    X(ENOSPC, 28, MT_QSTR_ENOSPC)                                                                  \
    X(ESPIPE, 29, MT_QSTR_ESPIPE)                                                                  \
    X(EROFS, 30, MT_QSTR_EROFS)                                                                    \
    X(EPIPE, 32, MT_QSTR_EPIPE)                                                                    \
    X(ERANGE, 34, MT_QSTR_ERANGE)                                                                  \
    X(ENAMETOOLONG, 36, MT_QSTR_ENAMETOOLONG)                                                      \
    X(ENOTEMPTY, 39, MT_QSTR_ENOTEMPTY)                                                            \
    X(ENOTSUP, 95, MT_QSTR_ENOTSUP)                                                                \
    X(EADDRINUSE, 98, MT_QSTR_EADDRINUSE)                                                          \
    X(ECONNABORTED, 103, MT_QSTR_ECONNABORTED)                                                     \
    X(ECONNRESET, 104, MT_QSTR_ECONNRESET)                                                         \
    X(ENOBUFS, 105, MT_QSTR_ENOBUFS)                                                               \
    X(EISCONN, 106, MT_QSTR_EISCONN)                                                               \
    X(ENOTCONN, 107, MT_QSTR_ENOTCONN)                                                             \
    X(ETIMEDOUT, 110, MT_QSTR_ETIMEDOUT)                                                           \
    X(ECONNREFUSED, 111, MT_QSTR_ECONNREFUSED)                                                     \
    X(EHOSTUNREACH, 113, MT_QSTR_EHOSTUNREACH)                                                     \
    X(EALREADY, 114, MT_QSTR_EALREADY)                                                             \
    X(EINPROGRESS, 115, MT_QSTR_EINPROGRESS)

/* the name of an errno value, or NULL */
const char *mt_errno_name(int err);

#endif

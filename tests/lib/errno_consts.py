import errno
print(errno.ENOENT, errno.EEXIST, errno.EINVAL, errno.EAGAIN, errno.EACCES, errno.ENOSPC, errno.ETIMEDOUT)
print(errno.errorcode[errno.ENOENT], errno.errorcode[2], errno.errorcode[errno.EISDIR])
try:
    open("/nonexistent/file/here")
except OSError as e:
    print(e.errno == errno.ENOENT, e.args[0])

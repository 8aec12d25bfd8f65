e = OSError(2, "No such file or directory")
print(e, e.errno, e.strerror, e.args)
e3 = OSError(13, "Permission denied", "f.txt")
print(e3, e3.filename)
print(OSError("plain"), OSError("plain").errno, OSError().errno, OSError(5).args)
try:
    open("/nonexistent/dir/file.txt")
except OSError as e:
    print(type(e).__name__ in ("OSError", "FileNotFoundError"), e.errno, e.args[0])

# sys.stdout.write takes bytes-like objects as MicroPython's does (file tools such as ampy
# and rshell write bytes to it) and returns the byte count; CPython raises TypeError, so the
# expected output is Mote's own (sys_stdout_bytes.exp). sys.stdout.buffer is the binary stream.
import sys

print(sys.stdout.write(b"bytes\n"))
print(sys.stdout.write(bytearray(b"bytearray\n")))
print(sys.stdout.write(memoryview(b"..memoryview\n")[2:]))
print(sys.stdout.write(b""))
print(sys.stdout.write(b"\xc3\xa9t\xc3\xa9\n"))  # bytes, not characters
print(sys.stdout.buffer.write(b"buffer\n"))
sys.stdout.write(b"no newline")
sys.stdout.write("\n")
for bad in (1, None, [1]):
    try:
        sys.stdout.write(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    sys.stdin.write(b"x")
except OSError:
    print("OSError")

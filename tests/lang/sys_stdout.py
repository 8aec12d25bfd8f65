# sys.stdout / sys.stderr: write, print(file=...), buffer, flush
import sys

n = sys.stdout.write("hello\n")
print(n)
print(sys.stdout.write("\u00e9t\u00e9\n"))
print("to", "stdout", file=sys.stdout, sep="-")
print("to stderr", file=sys.stderr)
sys.stderr.write("more on stderr\n")
sys.stdout.flush()
print(sys.stdout.buffer.write(b"bytes\n"))
sys.stdout.buffer.flush()
# (bytes to the text stream: sys_stdout_bytes.py, MicroPython's behaviour)
try:
    sys.stdout.buffer.write("x")
except TypeError:
    print("TypeError")
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdout.closed, sys.stderr.closed)

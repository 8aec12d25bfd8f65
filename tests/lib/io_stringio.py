import io
s = io.StringIO()
print(s.write("hello "), s.write("world\nline2\n"))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(5)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s = io.StringIO("a\nb\nc")
print(list(s))
s = io.StringIO("abc")
s.seek(1)
s.write("X")
print(s.getvalue(), s.read())
with io.StringIO("x") as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError:
    print("ValueError")
try:
    io.StringIO().write(b"x")
except TypeError:
    print("TypeError")

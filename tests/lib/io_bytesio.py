import io
b = io.BytesIO(b"abc")
print(b.read(), b.read(), b.tell())
b.write(b"def")
print(b.getvalue())
b.seek(0)
print(b.read(2), b.read(100))
b = io.BytesIO()
b.write(bytearray(b"xy"))
b.write(memoryview(b"z"))
print(b.getvalue(), b.seek(0, 2), b.tell())
b.seek(5)
b.write(b"!")
print(b.getvalue())
print(io.BytesIO(b"1\n2\n").readlines())
try:
    io.BytesIO().write("s")
except TypeError:
    print("TypeError")

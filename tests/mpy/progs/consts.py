# every constant kind a code object can hold
print(None, True, False, ...)
print(0, 1, -1, 1048575, 1048576, -1048577, 2**30 - 1, 2**30, -(2**30), 2**31, 2**40)
print(2**62 - 1, 2**62, -(2**62), -(2**62) - 1, 2**63, 2**100, -(2**100), 0x7fffffffffffffffffff)
print(1.5, -0.0, 1e300, 1e-300, float("inf"), 3.141592653589793)
print(2j, 1.5j, -0.5j)
print("", "a", "hello world", "héllo ☃", "a\x00b", "x" * 300)
print(b"", b"\x00\xff", b"bytes" * 60)
print((1, 2), ("a", (b"b", 2.5)), ())
print(f"{1 + 1} {'x'!r} {3.5:>8}")
big = 123456789012345678901234567890
print(big, -big, big * 2, hex(2**64 + 1))
print(type(2**40).__name__, 2**40 == 1 << 40)

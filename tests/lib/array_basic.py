from array import array
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], a[1:3], list(a), 3 in a, sum(a))
a[0] = 100
print(a, a.tobytes()[:8])
for code in "bBhHiIlLqQfd":
    x = array(code, [1, 2])
    # 'l'/'L' are C longs: 8 bytes on a 64-bit host (as CPython), 4 on the chip
    print(code, x, x.itemsize if code not in "lL" else x.itemsize in (4, 8), x + array(code, [3]))
print(array("B", b"\x01\x02\x03"), array("h", b"\x01\x00\x02\x00"))
print(array("d", [1.5, 2.5]), array("f", [0.5]), array("i"), array("b") == array("b"))
b = array("i", [1, 2])
b += array("i", [3])
print(b, bytes(array("H", [258, 3])))
for bad in (lambda: array("B", [256]), lambda: array("b", [-129]), lambda: array("z"),
            lambda: array("I", [-1]), lambda: array("i", [1])[5], lambda: array("i", ["x"])):
    try:
        bad()
    except (OverflowError, ValueError, IndexError, TypeError) as e:
        print(type(e).__name__)

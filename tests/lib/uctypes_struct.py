import uctypes
desc = {
    "a": uctypes.UINT8 | 0,
    "b": uctypes.UINT16 | 2,
    "c": uctypes.INT32 | 4,
    "arr": (uctypes.ARRAY | 8, uctypes.UINT8 | 4),
    "sub": (12, {"x": uctypes.UINT16 | 0, "y": uctypes.INT8 | 2}),
    "bits": uctypes.BFUINT8 | 15 | 2 << uctypes.BF_POS | 3 << uctypes.BF_LEN,
}
buf = bytearray(16)
s = uctypes.struct(uctypes.addressof(buf), desc, uctypes.LITTLE_ENDIAN)
s.a = 200
s.b = 0x1234
s.c = -5
s.arr[2] = 7
s.sub.x = 513
s.sub.y = -1
s.bits = 5
print(bytes(buf))
print(s.a, s.b, s.c, s.arr[2], s.sub.x, s.sub.y, s.bits, uctypes.sizeof(desc))
b = uctypes.struct(uctypes.addressof(buf), {"w": uctypes.UINT32 | 0}, uctypes.BIG_ENDIAN)
print(hex(b.w))
print(uctypes.bytes_at(uctypes.addressof(buf), 4))
v = uctypes.bytearray_at(uctypes.addressof(buf), 2)
v[0] = 1
print(buf[0], len(v))
pts = {"p": (uctypes.ARRAY | 0, 2, {"x": uctypes.UINT8 | 0, "y": uctypes.UINT8 | 1})}
t = uctypes.struct(uctypes.addressof(buf), pts)
t.p[1].y = 99
print(buf[3], uctypes.sizeof(pts))
try:
    s.arr[4]
except IndexError:
    print("IndexError")

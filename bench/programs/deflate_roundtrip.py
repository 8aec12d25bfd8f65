# zlib: compress and decompress a 4 KB text many times
import zlib

text = ("".join("line %d: the quick brown fox jumps over the lazy dog %d\n" % (i, i * i) for i in range(70)))[:4096].encode()
total = 0
for _ in range(60):
    c = zlib.compress(text)
    d = zlib.decompress(c)
    total += len(c) + len(d)
print(len(text), total == 60 * (len(zlib.compress(text)) + len(text)), zlib.decompress(zlib.compress(text)) == text)

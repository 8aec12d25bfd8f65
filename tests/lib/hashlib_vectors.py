import hashlib
for name in ("sha256", "sha1", "md5"):
    h = getattr(hashlib, name)
    print(name, h().hexdigest())
    print(name, h(b"abc").hexdigest())
    print(name, h(b"a" * 55).hexdigest(), h(b"a" * 56).hexdigest(), h(b"a" * 64).hexdigest())
    x = h()
    for i in range(100):
        x.update(bytes([i]) * i)
    print(name, x.hexdigest(), x.digest()[:4], x.digest_size)
    y = h(b"hello ")
    z = y.copy()
    y.update(b"world")
    print(name, y.hexdigest(), z.hexdigest())
    print(name, y.digest() == y.digest(), len(y.digest()))
try:
    hashlib.sha256("text")
except TypeError:
    print("TypeError")

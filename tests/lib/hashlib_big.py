# skip-chip: hashes 4 MB of input; the chip has a 38 KB heap
import hashlib
block = bytes(range(256)) * 64
for name in ("sha256", "sha1", "md5"):
    h = getattr(hashlib, name)()
    for i in range(256):
        h.update(block)
    print(name, h.hexdigest())

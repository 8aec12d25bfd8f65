# hashlib: sha256, sha1 and md5 over 4 KB blocks, 1 MB each in total
import hashlib

block = bytes(range(256)) * 16
out = []
for name in ("sha256", "sha1", "md5"):
    h = getattr(hashlib, name)()
    for _ in range(256):
        h.update(block)
    out.append(h.hexdigest()[:16])
print(len(block), out)

# gc.mem_free/mem_alloc are exact byte counts; gc.threshold sets when collection starts
# skip-sanitize: ASan keeps stale copies of pointers on its stack frames, and the conservative scan honours them
import gc

gc.collect()
free, alloc = gc.mem_free(), gc.mem_alloc()
print(free > 0, alloc > 0)
data = [0] * 200
print(gc.mem_alloc() > alloc, gc.mem_free() < free)
print(gc.mem_free() + gc.mem_alloc() == free + alloc)
del data
gc.collect()
print(gc.mem_alloc() <= alloc + 256)
old = gc.threshold()
gc.threshold(4096)
print(gc.threshold())
gc.threshold(-1)
print(gc.threshold())
gc.threshold(old)
print(gc.threshold() == old)

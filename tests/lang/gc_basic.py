# gc: collect, enable, disable, isenabled
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
x = [list(range(10)) for i in range(100)]
gc.enable()
print(gc.isenabled())
del x
gc.collect()
# objects survive a collection while referenced
keep = {"k": [1, 2, 3], "s": "a" * 100}
for i in range(3):
    gc.collect()
print(keep["k"], len(keep["s"]))

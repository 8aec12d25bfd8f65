# micropython.heap_lock/heap_unlock: while locked, allocation raises MemoryError
import micropython

result = None
micropython.heap_lock()
try:
    lst = [1, 2, 3]
    result = "allocated"
except MemoryError:
    result = "MemoryError"
depth = micropython.heap_unlock()
print(result, depth, micropython.heap_locked())
lst = [1, 2, 3]
print(lst)

# skip-chip: select polls host file descriptors (the board's select comes with its sockets)
import select, sys, os
p = select.poll()
fn = "/tmp/_mote_select_test.txt"
with open(fn, "w") as f:
    f.write("data")
f = open(fn)
p.register(f, select.POLLIN)
r = p.poll(0)
# CPython returns file descriptors here, MicroPython the objects: compare the events only
print(len(r), r[0][1] & select.POLLIN)
p.modify(f, select.POLLOUT)
print(len(p.poll(0)))
p.unregister(f)
print(p.poll(0))
try:
    p.unregister(f)
except KeyError:
    print("KeyError")
r, w, x = select.select([f], [], [], 0)
print(r == [f], w, x)
f.close()
os.remove(fn)

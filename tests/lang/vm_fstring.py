x = 42
name = "mote"
print(f"{x}")
print(f"value={x}, name={name!r}")
print(f"{x:>6}|{x:<6}|{x:^6}|")
print(f"{3.14159:.2f}")
print(f"{x:08b} {x:x} {x:#o}")
w = 10
print(f"{name:>{w}}")
print(f"{'nested'}")
print(f"{{literal}} {x}")
print(f"{x + 1} {x * 2}")
print(f"{name!s} {name!a}")
print(f"")
print(f"{[1, 2][0]}")
d = {"k": "v"}
print(f"{d['k']}")
print(f"{'a' if x else 'b'}")
class P:
    def __repr__(self):
        return "rep"
print(f"{P()!r} {P()}")
print(f"multi {x} " f"parts {name}")

a = {"x": 1, "y": 2, "z": 3}
b = {"y": 0, "w": 5}
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()), sorted(a.keys() ^ b.keys()))
print(sorted(a.keys() & {"x", "q"}), sorted(a.keys() | ["q"]), sorted({"x", "q"} - a.keys()), sorted(["y", "p"] ^ a.keys()))
print(sorted({"x"} & a.keys()), sorted({"x"} | a.keys()))
print(sorted(a.items() & {("x", 1), ("y", 9)}), sorted(a.items() - {("x", 1)}))
print(type(a.keys() & b.keys()).__name__)
print(a.keys() <= {"x", "y", "z", "w"}, a.keys() < a.keys(), a.keys() >= {"x"}, a.keys() > {"x"})
try:
    a.values() & b.values()
except TypeError:
    print("TypeError")
try:
    a.keys() & 5
except TypeError:
    print("TypeError")

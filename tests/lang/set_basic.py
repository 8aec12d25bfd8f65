s = set()
print(s, len(s), type(s).__name__, bool(s))
s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s, 5 not in s)
print(set([5, 4, 4, 3]), set("aab") == {"a", "b"}, set(range(10)), set({1: 2, 3: 4}), set((2, 1)))
s.add(10)
s.add(1)
print(s)
s.remove(10)
s.discard(10)
s.discard(2)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    [] in s
except TypeError as e:
    print("TypeError", e)
print({1, 1.0, True}, {0, False}, len({"a", "a"}))
print({x % 4 for x in range(20)}, {*range(3), *"a"} == {0, 1, 2, "a"})
print({-1, -5, 3}, {100, 5, 37}, {2**70, 1}, {1.5, 2})
s = {1, 2}
s.clear()
print(s)
try:
    set(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    set(5)
except TypeError as e:
    print("TypeError", e)

s = ""
for i in range(5):
    s += str(i)
print(s)
parts = []
for w in "the quick brown fox".split():
    parts.append(w[::-1])
print(" ".join(parts))
print("-".join(f"{i}:{i*i}" for i in range(4)))
t = "abc" * 3
print(t.count("a"), t.find("c"), t.replace("b", "B"))

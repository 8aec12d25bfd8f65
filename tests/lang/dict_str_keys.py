# str keys made at run time must find equal interned (literal) keys and vice versa
a = "".join(["ab", "c"])
d = {"abc": 1, "xyz": 2}
print(d[a], a in d, d.get("".join("xyz")), {a: 2}["abc"])
words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts["the"], counts["fox"], sorted(counts))
print(dict.fromkeys("abc")["b"], {chr(120): 1}["x"], {"x": 1}[chr(120)])
k = "é" * 3
print({k: 1}["ééé"], {"ééé": 2}[k])
long_key = "k" * 100
print({long_key: 5}["k" * 100])
big = {}
for i in range(40):
    big["key%d" % i] = i
print(big["key7"], big["".join(["key", "39"])], "key40" in big, sum(big[k] for k in ["key%d" % i for i in range(40)]))
lit = {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon": 5, "zeta": 6, "eta": 7, "theta": 8, "iota": 9, "kappa": 10}
print(lit["".join(["ka", "ppa"])], lit["iota"], [lit[w] for w in "alpha beta gamma delta epsilon zeta eta theta iota".split()])

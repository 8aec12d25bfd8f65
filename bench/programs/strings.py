# Strings: building, slicing, methods (split, join, replace, find, upper, strip), comparisons.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


def build(n):
    parts = []
    for i in range(n):
        w = words[i % len(words)]
        parts.append(w.upper() if i % 3 == 0 else w)
    return " ".join(parts)


def churn(text, rounds):
    h = 0
    for r in range(rounds):
        t = text.replace("eta", "ETA").lower()
        for w in t.split():
            if w.startswith("e") or w.endswith("a"):
                h = (h * 33 + len(w)) & 0xFFFFFF
        h ^= t.find("gamma", r) + t.count("a")
        s = t[r:r + 40].strip()
        h = (h + len(s) + (s < t)) & 0xFFFFFF
    return h


text = build(600)
acc = ""
for i in range(2000):
    acc += words[i % 8][i % 3:]
    if len(acc) > 500:
        acc = acc[250:]
print("strings", churn(text, 150), len(acc), acc[:20])

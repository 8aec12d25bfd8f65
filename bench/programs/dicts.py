# Dicts: counting, lookups with str and int keys, comprehension, items() iteration.
def word_counts(n):
    counts = {}
    for i in range(n):
        key = "k" + str(i % 997)
        counts[key] = counts.get(key, 0) + 1
    return counts


def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 7 % 5003] = i
    total = 0
    for k, v in d.items():
        total += k ^ v
    squares = {k: v * v for k, v in d.items() if k & 1}
    for k in list(squares):
        if k % 3 == 0:
            del squares[k]
    return total, len(squares), sum(squares.values()) % 1000003


c = word_counts(150000)
print("dicts", len(c), c["k5"], int_keys(60000))

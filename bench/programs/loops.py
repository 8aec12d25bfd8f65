# Integer loops: range iteration, small-int arithmetic, comparisons and bit operations.
def collatz_steps(limit):
    longest = 0
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        if steps > longest:
            longest = steps
            best = start
    return best, longest


def mix(n):
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
        acc ^= i << 3
    return acc


print("collatz", collatz_steps(20000))
print("mix", mix(200000))

def search(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")
search([1, 2, 3], 2)
search([1, 2, 3], 9)
search([], 1)
def nested():
    out = []
    i = 0
    while i < 3:
        j = 0
        while True:
            if j >= i:
                break
            out.append((i, j))
            j += 1
        i += 1
    return out
print(nested())

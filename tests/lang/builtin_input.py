# skip-chip: the chip's console feeds the test itself to stdin
try:
    input()
except EOFError as e:
    print("EOFError", e)
try:
    input("prompt> ")
except EOFError:
    print()
    print("EOFError")
try:
    input(1, 2)
except TypeError:
    print("TypeError")

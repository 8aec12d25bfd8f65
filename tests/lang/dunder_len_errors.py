class Neg:
    def __len__(self): return -1
class Str:
    def __len__(self): return "3"
class Big:
    def __len__(self): return 2 ** 70
class BadBool:
    def __bool__(self): return 1
for cls in (Neg, Str):
    try:
        len(cls())
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    len(Big())
except OverflowError:
    print("OverflowError")
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
try:
    len(object())
except TypeError as e:
    print("TypeError", e)
try:
    len(5)
except TypeError as e:
    print("TypeError", e)

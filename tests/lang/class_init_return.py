class Bad:
    def __init__(self):
        return 1
try:
    Bad()
except TypeError as e:
    print("TypeError", e)
class Good:
    def __init__(self):
        return None
print(type(Good()).__name__)
class Raises:
    def __init__(self):
        raise ValueError("no")
try:
    Raises()
except ValueError as e:
    print("ValueError", e)

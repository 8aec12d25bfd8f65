class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3), round(R(), None))
class Plain:
    pass
try:
    round(Plain())
except TypeError:
    print("TypeError")

class M:
    @staticmethod
    def add(a, b):
        return a + b
    def use(self):
        return self.add(1, 2)
    twice = staticmethod(lambda x: x * 2)
print(M.add(1, 2), M().add(3, 4), M().use(), M.twice(5), M().twice(6))
sm = M.__dict__["add"]
print(type(sm).__name__, sm.__func__(5, 5))
print(sm(2, 3))

class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
t = Tags()
t.add_all(3, 1, 2, 1)
print(sorted(t), len(t), 2 in t, isinstance(t, set), type(t).__name__)
print(sorted(t | {9}), sorted(t & {1, 5}))
u = Tags([5, 6])
print(sorted(u))

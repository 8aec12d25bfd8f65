class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2); s.extend([3, 4])
print(s, len(s), s.peek(), s.pop(), s, type(s).__name__)
print(s == [1, 2, 3], s[0:2], isinstance(s, list), 2 in s, list(reversed(s)))
s += [9]
print(s, type(s).__name__)
print(sorted(Stack([3, 1, 2])), bool(Stack()), bool(s))
class Init(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
i = Init(4)
print(i, i.n, sum(i))
print(Stack([1, 2]) + [3])
for x in Stack("ab"):
    print(x)

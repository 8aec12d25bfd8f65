# dir() looks __dir__ up on the class, as special methods are: an instance's __getattr__
# does not answer it
class G:
    alpha = 1

    def __getattr__(self, name):
        return "text"


print("alpha" in dir(G()))


class D:
    def __dir__(self):
        return ["b", "a"]


print(dir(D()))

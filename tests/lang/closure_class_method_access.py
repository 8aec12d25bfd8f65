def outer():
    secret = "s3"
    class K:
        def reveal(self):
            return secret
        @classmethod
        def cm(cls):
            return secret + cls.__name__
        @staticmethod
        def sm():
            return secret * 2
    return K
K = outer()
print(K().reveal(), K.cm(), K.sm())
def counter_class():
    count = 0
    class C:
        def __init__(self):
            nonlocal count
            count += 1
        @staticmethod
        def total():
            return count
    return C
C = counter_class()
C(); C(); C()
print(C.total())

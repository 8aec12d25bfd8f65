log = []
class Base:
    def __init__(self, **kw):
        log.append("Base")
        self.kw = kw
class Left(Base):
    def __init__(self, left=0, **kw):
        log.append("Left")
        self.left = left
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=0, **kw):
        log.append("Right")
        self.right = right
        super().__init__(**kw)
class Both(Left, Right):
    def __init__(self, **kw):
        log.append("Both")
        super().__init__(**kw)
b = Both(left=1, right=2, extra=3)
print(log, b.left, b.right, b.kw)

__all__ = ["pub", "Cls", "_allowed"]
pub = 1
other = 2
_allowed = 3
class Cls:
    pass

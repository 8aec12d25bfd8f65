import _imp_circ_b
A = "a"
def from_b():
    return _imp_circ_b.B

import _imp_circ_a
B = "b"
def from_a():
    return _imp_circ_a.A
partial = hasattr(_imp_circ_a, "A")

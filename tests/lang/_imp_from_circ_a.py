from _imp_from_circ_b import BVAL
AVAL = "avalue"

# helper module for the import_* tests
print("loading _imp_mod")
VALUE = 42
_hidden = "h"
def double(x):
    return x * 2
class Thing:
    kind = "thing"

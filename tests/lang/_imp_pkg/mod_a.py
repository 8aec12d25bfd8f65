print("loading _imp_pkg.mod_a")
A = 1
def fa():
    return "fa"

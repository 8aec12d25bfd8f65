print("running _imp_bad")
half = 1
raise ValueError("module failed")

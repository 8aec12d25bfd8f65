SUB = True

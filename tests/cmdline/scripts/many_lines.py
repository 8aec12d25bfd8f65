# a lot of output must all arrive, in order, even when the program ends with an exit
import sys

for i in range(20000):
    print(i)
sys.exit(0)

import sys

print(sys.argv)
print(sys.path[0])
print(__name__, __file__)

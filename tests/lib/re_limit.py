import re
# a catastrophic pattern: bounded by a step limit (Mote) or just slow (CPython); both end
try:
    r = re.match(r"(a|a)*b", "a" * 18)
    print(r)
except RuntimeError:
    print(None)
print(re.match(r"(a*)*$", "a" * 20).group())

import json
print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(0), json.dumps(-12))
print(json.dumps(2**100), json.dumps(1.5), json.dumps(1e100), json.dumps(0.1))
print(json.dumps("a\"b\\c\n\t\x01"), json.dumps("héllo €"), json.dumps("\U0001f600"))
print(json.dumps([1, [2, [3, []]], {}]), json.dumps((1, 2)))
print(json.dumps({"a": 1, "b": [True, None], "c": {"d": "e"}}))
print(json.dumps({1: "x", 2.5: "y", True: "z", None: "n"}))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({"a": 1}, separators=(",", ":")))
print(json.dumps({"a": [1, 2], "b": {}}, indent=2))
print(json.dumps([], indent=4), json.dumps([1], indent="\t"))
print(json.dumps(float("inf")), json.dumps(float("-inf")), json.dumps(float("nan")))
for bad in ({1, 2}, {(1, 2): 3}, object(), b"x"):
    try:
        json.dumps(bad)
    except TypeError:
        print("TypeError")

import json
for s in ['null', 'true', 'false', '0', '-12', '1.5', '1e3', '-0.5e-2', '123456789012345678901234567890',
          '"abc"', '"a\\"b\\\\c\\n\\u00e9\\ud83d\\ude00"', '[]', '{}', '[1, [2, [3]]]',
          ' { "a" : 1 , "b" : [ true , null ] } ', '"\\/"', 'NaN', '-Infinity']:
    v = json.loads(s)
    print(repr(v), type(v).__name__)
print(json.loads(b'{"x": [1, 2]}'), json.loads(bytearray(b'[3]')))
print(json.loads(json.dumps({"k": [1, 2.5, "s", None]})))
for bad in ['', '[', '[1,]', '{"a"}', '{"a":}', '{1: 2}', 'tru', '"abc', '[1 2]', '1 2', '"\\x"', '01', '-', '"\t"']:
    try:
        json.loads(bad)
        print("no error", bad)
    except ValueError as e:
        print("ValueError", repr(bad))
try:
    json.loads(5)
except TypeError:
    print("TypeError")

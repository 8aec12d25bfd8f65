# json: encode and decode a nested document of about 4 KB, many times
import json

doc = {
    "sensors": [{"id": i, "name": "sensor-%d" % i, "value": i * 1.5, "ok": i % 3 != 0,
                 "tags": ["t%d" % (i % 7), "room"], "raw": None} for i in range(40)],
    "meta": {"version": 3, "site": "lab", "unicode": "caf\u00e9 \u20ac"},
}
text = json.dumps(doc)
total = 0
for _ in range(300):
    s = json.dumps(doc)
    back = json.loads(s)
    total += len(s) + len(back["sensors"])
print(len(text), total)

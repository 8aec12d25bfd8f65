# re: search, findall and sub over a 4 KB log text
import re

lines = ["2024-05-%02d 12:%02d:%02d INFO sensor=%d value=%d.%d ok" % (i % 28 + 1, i % 60, i * 7 % 60, i, i * 3, i % 10)
         for i in range(80)]
text = "\n".join(lines)
date = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
kv = re.compile(r"(\w+)=([\d.]+)")
total = 0
for _ in range(40):
    total += len(date.findall(text))
    total += sum(len(m.group(2)) for m in kv.finditer(text))
    total += len(re.sub(r"\s+", " ", text))
    total += 1 if re.search(r"sensor=79 ", text) else 0
print(len(text), total)

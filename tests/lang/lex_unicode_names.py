# non-ASCII identifiers and text
café = 1
π = 3.14
名前 = "name"
Δx = 0.5
print(café, π, 名前, Δx)
def größe(länge):
    return länge * 2
print(größe(4))
class Ünïcode:
    attr_é = 7
print(Ünïcode.attr_é)
print("héllo wörld", len("héllo"), "€", len("€"), "😀", len("😀"))
print('''ünïcode
über''')
# symbols are not letters
for src in ["a = 1 € 2", "x → y", "1 × 2"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)

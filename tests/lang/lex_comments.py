# comments in every position
x = 1  # trailing comment
# full-line comment
    # indented comment line (ignored for indentation)
y = [1,  # inside brackets
     2,  # more
     # a line that is only a comment inside brackets
     3]
print(x, y)
s = "# not a comment"
print(s, '#', "a#b")
def f():
    # comment before body
    return 5  # after
        # deeper comment
# comment at column 0 inside a function body
print(f())
if x:  # comment after colon
    pass
print("end")  # last
#no space

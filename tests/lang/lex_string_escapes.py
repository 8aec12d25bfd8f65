# simple escapes
s = "\n\t\r\\\'\"\a\b\f\v"
print([ord(c) for c in s])
print(len("a\
b"), "a\
b")
print('\'', "\"", '\\n')
# unknown escapes keep the backslash
print(len("\d"), "\d" == "\\d", "\q\w")
print("tab\there", "nl\\n")
print('''a\'''b''')

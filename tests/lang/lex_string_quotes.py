# quoting forms
print('single', "double", '''triple single''', """triple double""")
print('', "", '''''', """""")
print('it"s', "it's", '''a 'b' "c"''', """x "y" 'z'""")
print("""line1
line2
line3""")
print('''ends with quote"''', """ends with 'quote'""")
print(len('''a''b'''), len(""""a" """))
s = """
"""
print(repr(s))
print('a' 'b', "c" 'd')

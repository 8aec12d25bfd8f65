print('hello from the board')
for i in range(3):
    print('line', i)

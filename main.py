print('looping')
while True:
    pass

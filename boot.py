print('boot.py runs')
order = ['boot']

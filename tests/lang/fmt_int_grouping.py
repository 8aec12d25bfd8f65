# thousands separators and zero padding with grouping
vals = [0, 12, 123, 1234, 12345, 123456, 1234567, -1234567, 10 ** 15, 0xdeadbeef]
specs = [',', '_', ',d', '_d', '_x', '_X', '_b', '_o', '#_x', '10,', '>12,', '<12_', '^13,', '+,',
         '012,', '011,', '09_', '015_x', '#015_x', '0=14,', '-010,']
for v in vals:
    print(v, [format(v, s) for s in specs])
for w in range(1, 16):
    print(w, format(1234, '0%d,' % w), format(-98765, '0%d_' % w), format(0xabcde, '0%d_x' % w))

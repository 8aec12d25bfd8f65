import binascii
print(binascii.hexlify(b"\x00\x01\xfe\xff"), binascii.hexlify(b""), binascii.hexlify(b"abc", "-"))
print(binascii.unhexlify(b"0001feff"), binascii.unhexlify("4142"))
for bad in (b"abc", b"zz"):
    try:
        binascii.unhexlify(bad)
    except ValueError:
        print("ValueError")
for data in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))):
    enc = binascii.b2a_base64(data)
    print(enc[:40], binascii.a2b_base64(enc) == data)
print(binascii.b2a_base64(b"hi", newline=False))
print(binascii.a2b_base64(b"aGk="), binascii.a2b_base64("aGVsbG8="))
for bad in (b"a", b"aGk"):
    try:
        print(binascii.a2b_base64(bad))
    except ValueError:
        print("ValueError")
print(binascii.crc32(b""), binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(bytes(range(256)) * 10))

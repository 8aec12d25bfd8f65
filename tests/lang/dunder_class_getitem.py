class Box:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Box[int], Box["x"], Box[1, 2])
print(list[int] is not None, dict[str, int] is not None)

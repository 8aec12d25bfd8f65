class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner = owner
        self.name = name
class Model:
    a = Field()
    b = Field()
    c = 3
print(Model.a.name, Model.b.name, Model.a.owner is Model)
Model.d = Field()
print(hasattr(Model.d, "name"))

"""getattr/hasattr/setattr/delattr, including attribute names Transcrypt renames internally (name, type, ...)."""


class Server:
    def __init__(self):
        self.name = "n00dles"
        self.type = "target"
        self.ram = 4


s = Server()
print(getattr(s, "name", "?"), getattr(s, "type"), getattr(s, "ram"), getattr(s, "missing", "none"))
print(hasattr(s, "name"), hasattr(s, "values"), hasattr(s, "ram"), hasattr(s, "cores"))
setattr(s, "name", "foodnstuff")
setattr(s, "values", [1, 2])
print(s.name, s.values, getattr(s, "values"))
delattr(s, "ram")
print(hasattr(s, "ram"))
try:
    delattr(s, "ram")
except AttributeError:
    print("no ram")

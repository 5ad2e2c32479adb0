"""Classes: __init__, methods, instance and class attributes, shadowing, counters shared through the class."""


class Server:
    count = 0
    ram_per_thread = 1.75

    def __init__(self, host, max_ram):
        self.host = host
        self.max_ram = max_ram
        self.used = 0
        Server.count += 1

    def free(self):
        return self.max_ram - self.used

    def threads(self):
        return int(self.free() // self.ram_per_thread)

    def reserve(self, ram):
        if ram > self.free():
            return False
        self.used += ram
        return True


home = Server("home", 64)
small = Server("n00dles", 4)
print(Server.count, home.count, small.host, small.max_ram)
print(home.threads(), small.threads())
print(home.reserve(60), home.reserve(10), home.free(), home.threads())
small.ram_per_thread = 2
print(small.threads(), home.ram_per_thread, Server.ram_per_thread)
print(isinstance(home, Server), type(home).__name__, hasattr(home, "used"), hasattr(home, "nope"))
print(getattr(home, "host"), getattr(home, "nope", "default"))
setattr(home, "host", "home2")
print(home.host)

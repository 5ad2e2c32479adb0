"""@staticmethod and @classmethod, alternative constructors, class-level registries."""


class Script:
    registry = {}

    def __init__(self, name, ram):
        self.name = name
        self.ram = ram
        Script.registry[name] = self

    @classmethod
    def worker(cls, kind):
        return cls(f"{kind}.js", Script.ram_of(kind))

    @staticmethod
    def ram_of(kind):
        return {"hack": 1.7, "grow": 1.75, "weaken": 1.75}[kind]

    def __repr__(self):
        return f"{type(self).__name__}({self.name}, {self.ram})"


class Worker(Script):
    pass


print(Script.worker("hack"), Worker.worker("grow"), Script.ram_of("weaken"))
print(sorted(Script.registry))
w = Worker("x.js", 2.5)
print(w.ram_of("hack"), type(Worker.worker("weaken")).__name__)

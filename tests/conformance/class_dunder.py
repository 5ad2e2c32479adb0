"""Dunder methods: __repr__, __str__, __eq__, __lt__ for sorting, __len__, __getitem__, __contains__, __add__."""


class Batch:
    def __init__(self, target, jobs):
        self.target = target
        self.jobs = list(jobs)

    def __repr__(self):
        return f"Batch({self.target!r}, {self.jobs!r})"

    def __str__(self):
        return f"batch on {self.target} ({len(self)} jobs)"

    def __eq__(self, other):
        return isinstance(other, Batch) and self.target == other.target and self.jobs == other.jobs

    def __lt__(self, other):
        return len(self.jobs) < len(other.jobs)

    def __len__(self):
        return len(self.jobs)

    def __getitem__(self, index):
        return self.jobs[index]

    def __contains__(self, job):
        return job in self.jobs

    def __add__(self, other):
        return Batch(self.target, self.jobs + other.jobs)


a = Batch("n00dles", ["hack", "weaken"])
b = Batch("n00dles", ["grow"])
print(a)
print(repr(a), str(b))
print([a, b])
print(a == Batch("n00dles", ["hack", "weaken"]), a == b, a != b)
print(len(a), a[0], a[-1], "hack" in a, "grow" in a)
print(a + b)
print(sorted([a, b, a + b]))
print(b < a, max([a, b], key=len))

"""Inheritance: super().__init__, overriding, calling the parent method, isinstance and issubclass."""


class Job:
    ram = 1.6

    def __init__(self, target, threads=1):
        self.target = target
        self.threads = threads

    def cost(self):
        return self.ram * self.threads

    def describe(self):
        return f"{type(self).__name__}({self.target}, {self.threads})"


class HackJob(Job):
    ram = 1.7


class GrowJob(Job):
    ram = 1.75

    def __init__(self, target, threads=1, cores=1):
        super().__init__(target, threads)
        self.cores = cores

    def describe(self):
        return super().describe() + f" on {self.cores} cores"


class WeakenJob(GrowJob):
    def cost(self):
        return round(super().cost() + 0.05, 2)


jobs = [Job("a"), HackJob("b", 3), GrowJob("c", 3, cores=2), WeakenJob("d", 2)]
for job in jobs:
    print(job.describe(), round(job.cost(), 2))
print(isinstance(jobs[3], GrowJob), isinstance(jobs[3], Job), isinstance(jobs[1], GrowJob))
print(issubclass(WeakenJob, Job), issubclass(HackJob, GrowJob), isinstance(jobs[0], (HackJob, Job)))
print([type(j).__name__ for j in jobs if isinstance(j, GrowJob)])

"""Custom exception classes: hierarchy, extra attributes, str() of the message, catching by base class."""


class BatchError(Exception):
    pass


class NotEnoughRam(BatchError):
    def __init__(self, host, needed):
        super().__init__(f"{host} needs {needed} GB more")
        self.host = host
        self.needed = needed


class TargetGone(BatchError):
    pass


def schedule(host, free, needed):
    if free < needed:
        raise NotEnoughRam(host, needed - free)
    if host == "gone":
        raise TargetGone("target vanished")
    return "scheduled"


for host, free, needed in [("home", 64, 8), ("n00dles", 4, 6), ("gone", 8, 1)]:
    try:
        print(schedule(host, free, needed))
    except NotEnoughRam as error:
        print("ram:", error, error.host, error.needed, isinstance(error, BatchError))
    except BatchError as error:
        print("batch:", str(error), type(error).__name__, error.args)
print(issubclass(NotEnoughRam, Exception), str(BatchError("plain")), BatchError("a").args)

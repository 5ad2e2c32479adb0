"""What exceptions print: str, repr and args of built-in and custom exceptions, with none, one or several args."""


class NotEnoughRam(Exception):
    pass


errors = [ValueError("bad value"), KeyError("missing"), IndexError(), RuntimeError("x", 2), NotEnoughRam("home"),
          ZeroDivisionError("division by zero"), TypeError("wrong type")]
for error in errors:
    print(type(error).__name__, "|", str(error), "|", repr(error), "|", error.args)
try:
    {}["missing"]
except KeyError as error:
    print("caught:", error)
try:
    raise NotEnoughRam("n00dles", 4)
except Exception as error:
    print(f"caught {error!r}: {error}")
print([ValueError("a")], {"e": KeyError(1)})

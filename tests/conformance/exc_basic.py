"""try/except/else/finally: which blocks run, in which order, with and without an exception."""


def attempt(value):
    log = []
    try:
        log.append("try")
        result = 10 // value
        log.append("after")
    except ZeroDivisionError:
        log.append("except")
        result = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return result, log


print(attempt(2))
print(attempt(0))


def nested(flag):
    try:
        try:
            if flag:
                raise ValueError("inner")
            return "no error"
        finally:
            print("inner finally")
    except ValueError as error:
        return f"caught {error}"


print(nested(False))
print(nested(True))
try:
    int("not a number")
except (TypeError, ValueError) as error:
    print("tuple except", type(error).__name__)
try:
    [][1]
except Exception as error:
    print("base class except", type(error).__name__)

"""Built-in exceptions raised by the language: caught by their type."""


def kind(thunk):
    try:
        thunk()
        return "no error"
    except ZeroDivisionError:
        return "ZeroDivisionError"
    except KeyError:
        return "KeyError"
    except IndexError:
        return "IndexError"
    except ValueError:
        return "ValueError"
    except AttributeError:
        return "AttributeError"
    except TypeError:
        return "TypeError"


print(kind(lambda: 1 // 0))
print(kind(lambda: 1 % 0))
print(kind(lambda: 1 / 0))
print(kind(lambda: {}["x"]))
print(kind(lambda: [1][5]))
print(kind(lambda: int("1.5")))
print(kind(lambda: float("abc")))
print(kind(lambda: "a" + 1))
print(kind(lambda: [].pop()))

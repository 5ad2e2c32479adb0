"""raise ... from ..., bare re-raise, exception chaining through functions, errors in handlers."""


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as error:
        raise ConfigError(f"bad number: {text}") from error


def load(text):
    try:
        return parse(text)
    except ConfigError:
        print("load saw it, re-raising")
        raise


try:
    load("12x")
except ConfigError as error:
    print(error, type(error.__cause__).__name__)
print(load("42"))


def cleanup():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError as inner:
            return type(inner).__name__


print(cleanup())

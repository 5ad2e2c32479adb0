"""Decorators without arguments: wrapping, forwarding *args/**kwargs, stacking, keeping state."""

calls = []


def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)

    return wrapper


def doubled(fn):
    def wrapper(*args, **kwargs):
        return 2 * fn(*args, **kwargs)

    return wrapper


@logged
def add(a, b=1):
    return a + b


@logged
@doubled
def mul(a, b):
    return a * b


print(add(2), add(2, b=5), mul(3, 4), calls)


def count_calls(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)

    wrapper.calls = 0
    return wrapper


@count_calls
def ping():
    return "pong"


ping()
ping()
print(ping(), ping.calls)


class Greeter:
    @logged
    def greet(self, name):
        return "hi " + name


print(Greeter().greet("n00dles"), calls[-1])

"""Decorators with arguments (three levels of functions), registries, and decorators on coroutines."""

registry = {}


def register(kind, ram=1.6):
    def decorate(fn):
        registry[kind] = (fn, ram)
        return fn

    return decorate


def retry(times):
    def decorate(fn):
        def wrapper(*args):
            last = None
            for attempt in range(times):
                try:
                    return fn(attempt, *args)
                except ValueError as error:
                    last = str(error)
            return "gave up: " + last

        return wrapper

    return decorate


@register("hack", ram=1.7)
def do_hack(target):
    return "hacking " + target


@register("grow")
def do_grow(target):
    return "growing " + target


@retry(3)
def flaky(attempt, limit):
    if attempt < limit:
        raise ValueError(f"attempt {attempt}")
    return f"ok after {attempt}"


print(sorted(registry), registry["hack"][1], registry["grow"][1])
print(registry["grow"][0]("joesguns"), do_hack("n00dles"))
print(flaky(2), flaky(5))


def tagged(tag):
    def decorate(fn):
        async def wrapper(*args):
            return tag + ":" + await fn(*args)

        return wrapper

    return decorate


@tagged("w")
async def weaken(target):
    return target


async def main(ns):
    print(await weaken("sigma-cosmetics"))

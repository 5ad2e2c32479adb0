"""Coroutines as values: stored in lists and dicts, passed to helpers, awaited later."""


async def hack(target):
    return f"hack {target}"


async def grow(target):
    return f"grow {target}"


async def run_all(tasks):
    out = []
    for task in tasks:
        result = await task
        out.append(result)
    return out


async def main(ns):
    target = ns.args[0]
    actions = {"h": hack, "g": grow}
    pending = [actions[k](target) for k in "hgh"]
    print(await run_all(pending))
    later = grow("joesguns")
    print("created")
    print(await later)

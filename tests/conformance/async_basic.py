"""async/await: main(ns) awaits the script's own coroutines, in sequence and in loops."""


async def double(x):
    return x * 2


async def chain(x):
    first = await double(x)
    second = await double(first)
    return first + second


async def main(ns):
    print("args", ns.args)
    print(await double(3))
    print(await chain(5))
    total = 0
    for n in range(4):
        total += await double(n)
    print(total)
    results = []
    for n in range(3):
        value = await double(n)
        results.append(value)
    print(results)
    print(await double(await double(1)))

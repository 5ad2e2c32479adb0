"""global and nonlocal: rebinding module names from functions, nested scopes, shadowing."""

total = 0
names = []


def add(n):
    global total
    total += n
    names.append(str(n))


def shadow():
    total = -1
    return total


for n in [1, 2, 3]:
    add(n)
print(total, names, shadow(), total)


def outer():
    level = "outer"

    def middle():
        nonlocal level
        level = "middle"

        def inner():
            nonlocal level
            level += "+inner"

        inner()

    middle()
    return level


print(outer())


def reset():
    global total
    total = 0


reset()
print(total)

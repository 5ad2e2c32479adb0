"""while and for with else, break and continue, nested loops with flags."""


def find(items, wanted):
    for i, item in enumerate(items):
        if item == wanted:
            print("found at", i)
            break
    else:
        print("not found")


find([3, 5, 7], 5)
find([3, 5, 7], 4)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while ended normally", n)
while True:
    n -= 1
    if n == 1:
        break
else:
    print("never printed")
print("n is", n)
for x in range(3):
    for y in range(3):
        if y > x:
            break
        if (x + y) % 2:
            continue
        print(x, y)
collatz, steps = 27, 0
while collatz != 1:
    collatz = collatz // 2 if collatz % 2 == 0 else 3 * collatz + 1
    steps += 1
print("collatz steps", steps)

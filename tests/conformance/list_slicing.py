"""List indexing and slicing: negative indices, steps, copies, slice assignment and deletion."""

xs = list(range(10))
print(xs[0], xs[-1], xs[-3])
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7])
print(xs[::2], xs[1::3], xs[::-1], xs[8:2:-2], xs[-1:-4:-1])
print(xs[5:2], xs[100:], xs[-100:2])
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
ys[2:4] = ["a", "b", "c"]
print(ys)
ys[:2] = []
print(ys)
ys[::3] = [0, 0, 0]
print(ys)
del ys[1]
print(ys)
del ys[-2:]
print(ys)
del ys[::2]
print(ys)
xs[len(xs):] = [10, 11]
print(xs)
try:
    print(xs[50])
except IndexError:
    print("IndexError")

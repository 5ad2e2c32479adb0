"""list methods: append, extend, insert, remove, pop, index, count, sort, reverse, copy, clear."""

xs = [5, 3, 8]
xs.append(1)
xs.extend([9, 3])
xs.insert(0, 7)
xs.insert(-1, 0)
xs.insert(100, 42)
print(xs, len(xs))
xs.remove(3)
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
print(xs.index(8), xs.count(3), xs.count(100))
ys = xs.copy()
ys.sort()
print(xs, ys)
ys.reverse()
print(ys)
ys.sort(reverse=True)
print(ys)
words = ["weaken", "Grow", "hack", "batch"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
ys.clear()
print(ys, xs)
try:
    xs.remove(1000)
except ValueError:
    print("ValueError on remove")
try:
    xs.index(1000)
except ValueError:
    print("ValueError on index")

"""Sequence operators: string and list repetition, concatenation, equality, nesting, copies vs aliases."""

print("ab" * 3, "-" * 5, [0] * 4, [1, 2] * 2, 0 * [1], "x" * -1)
print([1, 2] + [3], "a" + "b", (1,) + (2, 3), [] + [])
print([1, 2] == [1, 2], [1, 2] == [2, 1], [1, [2, 3]] == [1, [2, 3]], [] == [], [0] == [False])
print((1, 2) == (1, 2), (1,) == (1,), "abc" == "abc", [1] != [1])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 9
print(shared)
a = [1, 2]
b = a
b += [3]
print(a, b, a is b)
c = a + [4]
print(a, c)
s = "hi"
t = s
t += "!"
print(s, t)
print(len([1] * 10), sum([[1], [2]], []), [x for x in [1, 2] * 2])

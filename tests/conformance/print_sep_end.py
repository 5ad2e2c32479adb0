"""print with several arguments, sep and end, empty print, and values of every basic type."""

print("a", "b", "c")
print("a", "b", sep="-")
print("x", end="")
print("y")
print("p", "q", sep="", end="!\n")
print()
print(1, 2.5, None, True, [1, "a"], ("t",), {"k": "v"}, sep=" | ")
print("no newline then", end=" ")
print("newline")
print(*[1, 2, 3])
print(*"abc", sep=",")

"""String indexing and slicing, including negative indices and steps."""

s = "hack-grow-weaken"
print(s[0], s[-1], s[5], s[-6])
print(s[:4], s[5:9], s[-6:], s[:-7], s[3:3])
print(s[::2], s[::-1], s[10:4:-1], s[-1:-7:-2])
print(s[100:], s[-100:4])
print(s[len(s) - 1], len(s))
name = "foodnstuff"
print(name[::-1] == "ffutsndoof", name[1:-1])
try:
    print(s[99])
except IndexError:
    print("IndexError")

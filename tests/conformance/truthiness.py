"""Truthiness of empty and non-empty containers, 0, None, and what and/or/not return."""

values = [[], [0], {}, {"a": 0}, "", " ", 0, 0.5, 1, -1, None, (), (0,), set(), {0}, True, False]
for v in values:
    print(repr(v), "truthy" if v else "falsy", bool(v), not v)
print([] or "default", [1] or "default", 0 or None, "" or 0 or "last")
print([] and "x", [1] and "x", 1 and 2 and 3, 1 and 0 and 3)
items = []
if not items:
    print("empty list is falsy")
while items or len(items) < 2:
    items.append(len(items))
    if len(items) >= 2:
        break
print(items)
count = 0
if count:
    print("zero is truthy?")
else:
    print("zero is falsy")
print(None is None, [] is not None, None == False)

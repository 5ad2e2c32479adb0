"""Exceptions and control flow: return inside finally-guarded blocks, break/continue through try."""


def first_even(values):
    for v in values:
        try:
            if v % 2 == 0:
                return v
        finally:
            print("checked", v)
    return None


print(first_even([1, 3, 4, 6]))
found = []
for n in range(6):
    try:
        if n == 1:
            continue
        if n == 4:
            break
        found.append(n)
    finally:
        found.append(-n)
print(found)
count = 0
while True:
    try:
        count += 1
        if count > 3:
            raise StopIteration()
    except StopIteration:
        break
print(count)

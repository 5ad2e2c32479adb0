"""set methods and operators: add, discard, remove, update, union, intersection, difference, subsets."""

rooted = {"n00dles", "foodnstuff"}
rooted.add("joesguns")
rooted.add("n00dles")
rooted.discard("nowhere")
print(sorted(rooted), len(rooted))
rooted.remove("foodnstuff")
print(sorted(rooted))
try:
    rooted.remove("nowhere")
except KeyError:
    print("KeyError on remove")
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({3, 4}.issubset(a), a.issuperset({1, 2}), a.isdisjoint({9}), {3, 4} <= a, a > {1})
c = set([1, 1, 2, 2, 3])
c.update([3, 4], {5})
print(sorted(c), 4 in c, 9 not in c)
print(sorted(set("mississippi")))
print(len(set()), bool(set()), bool({0}))

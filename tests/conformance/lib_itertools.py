"""itertools: chain, islice, accumulate, product, permutations, combinations, groupby, zip_longest and the rest."""

import itertools
from itertools import combinations, product

print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable(["ab", [1]])))
print(list(itertools.islice("abcdefg", 3)), list(itertools.islice("abcdefg", 1, 6, 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2)), len(list(itertools.permutations(range(4)))))
print(list(combinations("abcd", 2)), list(itertools.combinations_with_replacement([1, 2], 2)))
print([(k, list(g)) for k, g in itertools.groupby("aabccca")])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted([3, 1, 3, 2, 1]))])
print(list(itertools.zip_longest("abc", [1], fillvalue=0)), list(itertools.pairwise([1, 2, 4])))
small = lambda x: x < 3  # noqa: E731
print(list(itertools.takewhile(small, [1, 2, 5, 1])), list(itertools.dropwhile(small, [1, 2, 5, 1])))
print(list(itertools.compress("abcd", [1, 0, 1])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.repeat("x", 3)), sum(1 for _ in itertools.combinations(range(6), 3)))

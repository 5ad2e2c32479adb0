"""Iteration order of sets: CPython orders by hash (small ints ascending); built code keeps insertion order."""

print(set([3, 1, 2]), {5, 4} | {1}, list({30, 10, 20}))

"""enumerate (with start) and zip (unequal lengths, three sequences, into dicts), in loops and comprehensions."""

hosts = ["home", "n00dles", "joesguns"]
for i, host in enumerate(hosts):
    print(i, host)
for i, host in enumerate(hosts, 1):
    print(i, host)
for i, host in enumerate(hosts, start=10):
    print(i, host)
print([f"{i}:{c}" for i, c in enumerate("abc")])
print(list(enumerate("xy")), dict(enumerate("pq")))
ram = [64, 4]
for host, r in zip(hosts, ram):
    print(host, r)
print(list(zip(hosts, ram, "ab")), list(zip()), list(zip([1, 2, 3])))
print(dict(zip(hosts, ram)))
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
for n, (i, c) in enumerate(pairs):
    print(n, i, c)
indexed = enumerate(hosts)
print([h for _, h in indexed])

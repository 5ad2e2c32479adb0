"""Dicts sent through a port, as the broker sends its state. The game stores a structured clone, and the reader gets
a plain object: indexing and `in` find every key, and dict() of it gives the keys back as they were (tuple, int,
float, None, and str keys such as '10', in their order). Tuples and sets among the values arrive as lists."""

import json


async def main(ns):
    scores = {("home", "n00dles"): 3, ("n1", "joesguns"): 5}
    threads = {8: "hack", 2: "grow", 2.5: "half", None: "none", "10": "ten", "b": "bee"}
    ns.writePort(7, {"scores": scores, "threads": threads, "pids": {"12": [1, 2]}, "pair": (4, "x"), "hosts": {"a"}})
    received = ns.readPort(7)
    print(received["pids"]["12"], "threads" in received, "12" in received["pids"], 12 in received["pids"])
    print(received["threads"][8], received["threads"][None], 8 in received["threads"], "8" in received["threads"])
    copy = dict(received["threads"])
    print(list(copy), copy[2.5], 3 in copy, "2" in copy)
    for (host, target), n in dict(received["scores"]).items():
        print(host, target, n)
    print(json.dumps(copy), list(received["pair"]), list(received["hosts"]))

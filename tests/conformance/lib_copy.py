"""copy.copy and copy.deepcopy: shared versus private nested containers; tuples, sets, dicts and objects kept."""

import copy


class Job:
    def __init__(self, target, hosts):
        self.target = target
        self.hosts = hosts


plan = {"jobs": [{"kind": "hack", "threads": 3}], "window": (100, 200), "hosts": {"home", "pserv-0"}}
shallow = copy.copy(plan)
deep = copy.deepcopy(plan)
deep["jobs"][0]["threads"] = 99
shallow["window"] = None
print(plan["jobs"], plan["window"], deep["jobs"], deep["window"], sorted(deep["hosts"]))
print(shallow["jobs"] is plan["jobs"], deep["jobs"] is plan["jobs"], deep == plan, copy.deepcopy(plan) == plan)
print(deep["jobs"][0].get("kind"), list(deep.items())[1], type(deep["window"]).__name__)
job = Job("n00dles", ["home"])
twin = copy.deepcopy(job)
twin.hosts.append("pserv-1")
print(job.hosts, twin.hosts, twin.target, type(twin).__name__, copy.copy([1, [2]])[1] is [1, [2]][1])

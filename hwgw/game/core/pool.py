"""The RAM pool: free RAM per worker node, reserved for a whole batch when it starts, released when it ends.

Each job runs on a single node (a split hack or grow would land as two calls). Jobs are placed largest first,
each on the node that leaves the least room (best fit), so big nodes stay free for big jobs.
"""


class RamPool:
    def __init__(self, nodes):
        """`nodes`: host -> GB the workers may use there."""
        self.capacity = dict(nodes)
        self.ramPool = dict(nodes)
        self.totalRamAvailable = 0.0
        for host in self.ramPool.keys():
            self.totalRamAvailable += self.ramPool[host]
        self.reserved = 0.0
        self.peak = 0.0

    def total(self):
        total = 0.0
        for host in self.capacity.keys():
            total += self.capacity[host]
        return total

    def largest(self):
        best = 0.0
        for host in self.capacity.keys():
            best = max(best, self.capacity[host])
        return best

    def place(self, rams):
        """Hosts for jobs needing `rams` (command -> GB), or None when they do not all fit now."""
        free = dict(self.ramPool)
        commands = sorted(rams.keys(), key=lambda command: -rams[command])
        hosts = {}
        for command in commands:
            need = rams[command]
            chosen = None
            for host in free.keys():
                if free[host] + 1e-9 >= need and (chosen is None or free[host] < free[chosen]):
                    chosen = host
            if chosen is None:
                return None
            free[chosen] -= need
            hosts[command] = chosen
        return hosts

    def reserve(self, batch):
        """Take the batch's RAM from its nodes (the caller placed it with `place`)."""
        for host in batch.nodes.keys():
            self.ramPool[host] -= batch.nodes[host]
        self.totalRamAvailable -= batch.totalRamRequired
        self.reserved += batch.totalRamRequired
        self.peak = max(self.peak, self.reserved)

    def release(self, batch):
        for host in batch.nodes.keys():
            self.ramPool[host] += batch.nodes[host]
        self.totalRamAvailable += batch.totalRamRequired
        self.reserved -= batch.totalRamRequired

    def overcommitted(self):
        """Nodes whose reservations exceed what they have (must never happen)."""
        bad = []
        for host in self.ramPool.keys():
            if self.ramPool[host] < -1e-6:
                bad.append(host)
        return bad

"""The RAM pool: RAM per worker node, reserved for a batch when the batch starts and released as its jobs end.

A batch's jobs run at different times (the hack only for the last quarter of the batch), so the reservation of each
job covers only the time it may hold RAM: from the earliest moment it may be launched to its landing. Reserving the
batch books all its jobs at once, on nodes that can hold each job over its whole interval, so the RAM in use never
exceeds a node's capacity at any moment. Each job runs on a single node (a split hack or grow would land as two
calls); jobs are placed largest first, each on the first node that can hold it, smallest nodes first (first fit).

First fit fills the first nodes as if they were one: there the jobs of batches started a period apart follow each
other, and the RAM a landing frees is taken by the job that starts next. Spread over the nodes by best fit, that RAM
often stayed idle: thirteen 1 TB nodes held 75-87% of the batches the planner's period asks for, and hold 97-100% of
them with first fit (bench/bench_pool_packing.py). Smallest nodes first keeps the large ones for the jobs that only
they can hold.

`ramPool` (host -> GB free now) and `totalRamAvailable` keep the design notes' names; they are refreshed by `at`.
"""

from typing import Any

from hwgw.game.core.model import Job


class RamPool:
    def __init__(self, nodes):
        """`nodes`: host -> GB the workers may use there."""
        self.capacity = dict(nodes)
        self.order = self.by_size()
        self.bookings: dict[str, list[list[Any]]] = {}  # host -> [from, until, GB, job] of each job
        for host in self.capacity.keys():
            self.bookings[host] = []
        self.ramPool = dict(nodes)
        self.totalRamAvailable = self.total()
        self.reserved = 0.0
        self.peak = 0.0

    def by_size(self):
        """Hosts in first-fit order: the smallest first, then by name."""
        return sorted(self.capacity.keys(), key=lambda host: (self.capacity[host], host))

    def total(self):
        total = 0.0
        for host in self.capacity.keys():
            total += self.capacity[host]
        return total

    def used(self, host, moment):
        """GB booked on `host` at `moment`."""
        total = 0.0
        for booking in self.bookings[host]:
            if booking[0] <= moment and moment < booking[1]:
                total += booking[2]
        return total

    def busiest(self, host, start, end):
        """Most GB booked on `host` at any moment of [start, end)."""
        most = self.used(host, start)
        for booking in self.bookings[host]:
            if start < booking[0] and booking[0] < end:
                most = max(most, self.used(host, booking[0]))
        return most

    def overlapping(self, host, start, end):
        """GB of every booking on `host` that overlaps [start, end): never less than its busiest moment."""
        total = 0.0
        for booking in self.bookings[host]:
            if booking[0] < end and start < booking[1]:
                total += booking[2]
        return total

    def book(self, jobs):
        """Reserve each job's RAM over [job.bookedFrom, job.bookedUntil) and set job.host; False (and nothing
        booked) if some job fits nowhere. Each job goes on the first node that can hold it at its busiest moment."""
        order = sorted(jobs, key=lambda job: -job.ram())
        done: list[Job] = []
        for job in order:
            host = self.first_fit(job)
            if host is None:
                for placed in done:
                    self.cancel(placed)
                return False
            job.host = host
            self.bookings[host].append([job.bookedFrom, job.bookedUntil, job.ram(), job])
            done.append(job)
        return True

    def room(self, host, start, end):
        """GB free on `host` all through [start, end)."""
        return self.capacity[host] - self.busiest(host, start, end)

    def first_fit(self, job):
        """The first node that holds `job` all through its interval. Most nodes are settled by two quick bounds
        (too full at its start; room even if everything overlapping it ran at once) before the busiest moment."""
        start = job.bookedFrom
        end = job.bookedUntil
        need = job.ram() - 1e-9
        for host in self.order:
            room = self.capacity[host]
            if room - self.used(host, start) < need:
                continue
            if room - self.overlapping(host, start, end) >= need or room - self.busiest(host, start, end) >= need:
                return host
        return None

    def resize(self, nodes):
        """Capacities from a rescan: a new node joins, an upgraded one grows. A node no longer listed takes nothing
        new; what it holds stays booked until it ends."""
        for host in nodes.keys():
            if host not in self.capacity:
                self.bookings[host] = []
            self.capacity[host] = nodes[host]
        for host in self.capacity.keys():
            if host not in nodes:
                self.capacity[host] = 0
        self.order = self.by_size()

    def reserve(self, host, gb, start, end):
        """Hold `gb` on `host` over [start, end) for something other than a job (a rescan)."""
        self.bookings[host].append([start, end, gb, None])

    def book_on(self, host, job):
        """Reserve a job's RAM on a node chosen by the caller (prep shares nodes out itself)."""
        job.host = host
        self.bookings[host].append([job.bookedFrom, job.bookedUntil, job.ram(), job])

    def cancel(self, job):
        """Release one job's reservation (it ended, or it will never run)."""
        bookings = self.bookings[job.host]
        for index in range(len(bookings)):
            if bookings[index][3] is job:
                bookings.pop(index)
                return

    def release(self, batch):
        for command in batch.jobs.keys():
            self.cancel(batch.jobs[command])

    def at(self, moment):
        """Drop reservations that have ended and refresh the free-RAM figures for `moment`."""
        self.reserved = 0.0
        for host in self.capacity.keys():
            self.bookings[host] = [booking for booking in self.bookings[host] if booking[1] > moment]
            used = self.used(host, moment)
            self.ramPool[host] = self.capacity[host] - used
            self.reserved += used
        self.totalRamAvailable = self.total() - self.reserved
        self.peak = max(self.peak, self.reserved)

    def free_now(self):
        """GB per node that no reservation holds from now on (what a job started now could take for good)."""
        free = {}
        for host in self.capacity.keys():
            most = 0.0
            for booking in self.bookings[host]:
                most += booking[2]
            free[host] = self.capacity[host] - most
        return free

    def overcommitted(self, moment):
        """Nodes whose reservations exceed what they have at `moment` (must never happen)."""
        bad = []
        for host in self.capacity.keys():
            if self.used(host, moment) > self.capacity[host] + 1e-6:
                bad.append(host)
        return bad

"""When the batcher launches: the spacing of a batch's landings, the cycle, and the lead kept before a job's start.

The lead covers the path from the batcher's decision to the worker's first line: the message to the runner, exec,
and the worker loading its modules. That path takes time in the game, and more on a busy page, so the lead follows
the latency the workers report: 1.5 times the 99th percentile of the last `SAMPLES` jobs, never below `--lead`.

Jobs launched together in a burst (a prep round, the warm-up) wait for each other in the runner: their latencies are
kept apart. The latest burst gives the time per job, and a burst of n jobs leaves the lead plus 1.5 times n of those
before its first start.
"""

SAMPLES = 200
RAM_FREE_MS = 100  # after a job lands: its report, its end, and the game freeing its RAM
# The game's autosave stops the page every minute, in two blocks of up to ~0.9 s each a moment apart (measured on
# the real clock with the system running; hwgw/sim/latency.json): a job is launched this much earlier, so that one
# starting during a save was launched before it. Its worker waits the difference inside its call; only its RAM is
# held that much longer.
STALL_MS = 2000
STALL_LATE_MS = 50  # a turn of the batcher's loop this late means the page was busy elsewhere: a stall
QUANTILE = 0.99
MARGIN = 1.5


def quantile(values, q):
    """The q-quantile of `values` (nearest rank); 0 for none."""
    if len(values) == 0:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Timing:
    def __init__(self, settings):
        self.spacing = settings["spacing"]
        self.cycle = settings["cycle"]
        self.guard = settings["spacing"]  # around each landing pair: a landing a little off is still covered
        self.floor = settings["lead"]
        self.lead = self.floor
        self.latencies: list[float] = []
        self.observed = 0
        self.burstAt = -1.0  # when the latest burst reported on was launched
        self.burstSize = 0
        self.burstMax = 0.0  # its slowest job so far

    def lookahead(self):
        """How far ahead the batcher launches: past the lead, two cycles plus a batch's landing sequence with its
        guards, so that a quiet moment always comes before a job's start time, and a page stall's length."""
        return self.lead + 2 * self.cycle + 6 * self.spacing + 4 + STALL_MS

    def held_until(self, lands):
        """Until when a job landing at `lands` holds its RAM: a landing may be a guard late, the worker then reports
        and ends, and the game frees its RAM a moment after that."""
        return lands + self.guard + self.lead + RAM_FREE_MS

    def min_period(self):
        """Closest two batches may start: their four landings with a guard each side, then room for a cycle to
        find the quiet moment a launch needs (one lead long)."""
        return 5 * self.spacing + self.lead + self.cycle

    def observe(self, latency):
        """One job's time from the batcher's decision to the worker's first line."""
        self.latencies.append(latency)
        if len(self.latencies) > SAMPLES:
            self.latencies.pop(0)
        self.observed += 1

    def observe_burst(self, launched_at, size, latency):
        """A job of a burst of `size` jobs launched at `launched_at` started `latency` ms after it."""
        if launched_at > self.burstAt:
            self.burstAt = launched_at
            self.burstSize = size
            self.burstMax = 0.0
        if launched_at == self.burstAt:
            self.burstMax = max(self.burstMax, latency)

    def burst_lead(self, size):
        """The lead of a burst of `size` jobs."""
        per_job = self.burstMax / self.burstSize if self.burstSize > 0 else 0.0
        return self.lead + MARGIN * per_job * size

    def adapt(self):
        """Set the lead from the latencies seen; True if it changed."""
        lead = max(self.floor, MARGIN * quantile(self.latencies, QUANTILE))
        if lead == self.lead:
            return False
        self.lead = lead
        return True

"""`time` for built scripts: the clocks, from JavaScript's Date and performance.

Compiled by Transcrypt only, with operator overloading off; it takes the place of the `time` Transcrypt ships, which
fails when imported outside a browser page. There is no sleep: a script must not block the game, it awaits
ns.sleep(ms) instead (the checker says so).
"""

# __pragma__ ("skip")
__pragma__ = Date = performance = None  # JavaScript's, for Python's tools; Transcrypt skips these lines
# __pragma__ ("noskip")

__pragma__("noopov")


def time():
    return Date.now() / 1000


def time_ns():
    return Date.now() * 1000000


def perf_counter():
    return performance.now() / 1000


def monotonic():
    return performance.now() / 1000

"""time: the clocks, through `import time`."""

import time

start = time.time()
print(start > 1.6e9, time.perf_counter() >= 0, time.monotonic() >= 0, time.time() >= start)

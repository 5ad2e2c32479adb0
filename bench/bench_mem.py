"""Benchmark: price a ~70 KB script together with its imports (target: <= 0.5 s on a cold parse).

Prints the cold time (first pricing, parses everything) and the warm time (same sources again, parse cache hit).
"""

import statistics
import time

from hwgw.mem import calculate_ram
from hwgw.mem.parse import _parse

CALLS = ("getServer", "hack", "grow", "weaken", "scan", "getServerMaxRam", "getServerUsedRam", "hasRootAccess")


def function(i: int) -> str:
    call = CALLS[i % len(CALLS)]
    return (
        f"export async function step{i}(ns, target, opts = {{}}) {{\n"
        f"  const server = ns.getServer(target);\n"
        f"  if (server.moneyAvailable > {i} * 1000 && !opts.dry) {{\n"
        f"    for (let k = 0; k < {i % 7 + 1}; k++) {{ await ns.{call}(target); }}\n"
        f"  }} else {{\n"
        f"    const {{ hostname, maxRam }} = server;\n"
        f"    ns.print(`step {i}: ${{hostname}} ${{maxRam}}`);\n"
        f"  }}\n"
        f"  return [server, (x) => x + {i}, {{ key: {i}, label: 'step-{i}' }}];\n"
        f"}}\n"
    )


def scripts(size: int = 70_000) -> dict[str, str]:
    lib = "".join(function(i) for i in range(40))
    util = "export const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));\n" + "".join(
        function(i) for i in range(40, 60)
    )
    body = ['import { step0, step1 } from "lib.js";\nimport * as util from "./util.js";\n']
    i = 100
    while sum(map(len, body)) < size:
        body.append(function(i))
        i += 1
    body.append("export async function main(ns) { await step0(ns, 'n00dles'); util.clamp(1, 0, 2); }\n")
    return {"main.js": "".join(body), "lib.js": lib, "util.js": util}


def timed(files: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    result = calculate_ram(files, "main.js")
    return time.perf_counter() - start, result.ram


def main() -> None:
    files = scripts()
    sizes = ", ".join(f"{name} {len(code) / 1000:.1f} KB" for name, code in files.items())
    cold = []
    for _ in range(5):
        _parse.cache_clear()
        seconds, ram = timed(files)
        cold.append(seconds)
    warm = [timed(files)[0] for _ in range(5)]
    print(f"sources: {sizes}")
    print(f"priced RAM: {ram:.2f} GB")
    print(f"cold (parse + link + price): median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (target <= 0.5 s)")
    print(f"warm (parse cached): median {statistics.median(warm):.3f} s")


if __name__ == "__main__":
    main()

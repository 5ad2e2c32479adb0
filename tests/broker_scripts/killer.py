"""Kill the subscriber `victim=NAME` after `at=MS`."""

from hwgw.game.brokertest.options import options
from hwgw.ns import NS


async def main(ns: NS) -> None:
    opts = options(ns.args, {"victim": "", "at": 0})
    await ns.sleep(opts["at"])
    for process in ns.ps("home"):
        if f"name={opts['victim']}" in process["args"]:
            ns.kill(process["pid"])
            ns.tprint(f"killed {opts['victim']}")

"""The weaken worker (weaken only, so it costs the game's minimum for a weaken script)."""

# hwgw: lean
from hwgw.game.core.worker import work
from hwgw.ns import NS


async def main(ns: NS) -> None:
    await work(ns, lambda target, delay: ns.weaken(target, {"additionalMsec": delay}))

"""The grow worker (grow only, so it costs the game's minimum for a grow script)."""

# hwgw: lean
from hwgw.game.core.worker import work
from hwgw.ns import NS


async def main(ns: NS) -> None:
    await work(ns, lambda target, delay: ns.grow(target, {"additionalMsec": delay}))

"""`hwgw sim`: an emulator of the parts of Bitburner a batching system uses, running built scripts in Node.

formulas (the hacking mathematics) -> world and scenario (the starting state) -> engine and netscript (the clock,
hack/grow/weaken, ns functions) with link and harness.mjs (the Node side) -> stats, report and timeline (output).
"""

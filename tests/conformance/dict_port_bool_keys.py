"""What a port's structured clone cannot keep: a bool dict key arrives as the int it equals, a tuple as a list."""


async def main(ns):
    ns.writePort(7, {True: "yes", 0: "zero", "pair": (1, 2)})
    received = dict(ns.readPort(7))
    print(list(received), type(received["pair"]).__name__)

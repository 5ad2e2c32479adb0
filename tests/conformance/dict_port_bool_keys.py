"""A bool dict key sent through a port arrives as the int it equals: the clone keeps 1 and True under one name."""


async def main(ns):
    ns.writePort(7, {True: "yes", 0: "zero"})
    print(list(dict(ns.readPort(7))))

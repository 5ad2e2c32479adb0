"""async methods on classes, exceptions raised through await, try/finally in coroutines."""


class Planner:
    def __init__(self):
        self.log = []

    async def step(self, name, fail=False):
        self.log.append(name)
        if fail:
            raise RuntimeError(f"{name} failed")
        return len(self.log)

    async def run_steps(self, names):
        done = []
        for name in names:
            try:
                position = await self.step(name, fail=name.startswith("x"))
                done.append(position)
            except RuntimeError as error:
                done.append(str(error))
            finally:
                self.log.append("/" + name)
        return done


async def main(ns):
    planner = Planner()
    print(await planner.run_steps(["hack", "xgrow", "weaken"]))
    print(planner.log)
    try:
        await planner.step("boom", fail=True)
    except RuntimeError as error:
        print("caught", error)

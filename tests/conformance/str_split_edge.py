"""Edge cases of split, strip and join that scripts meet when parsing ls/ps output."""

print("".split(), "".split(","), "   ".split(), ",".split(","))
print("a  b".split(" "), " a b ".split(), "a\tb\nc".split())
print("a,b,,c,".split(","), "a,b,c".split(",", 0), "a,b,c".split(",", -1))
print("1.2.3.4".split(".", 2), "1.2.3.4".rsplit(".", 2))
print("/scripts/hack.js".split("/"), "/scripts/hack.js".split("/")[-1])
print("x".join("abc"), ", ".join(["only"]), "".join([]))
print("\t pad \n".strip(), "xyxhixyx".strip("xy"), "hi".strip(""))
print("hack.js".removesuffix(".js"), "hack.js".removeprefix("ha"), "hack.js".removesuffix(".py"))

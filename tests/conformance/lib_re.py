"""re: findall with and without groups, sub with group references and functions, split, match objects, flags."""

import re

ls = "pserv-12 64GB, pserv-3 8GB; home 1024GB"
print(re.findall(r"\d+", ls), re.findall(r"(\w+)-(\d+)", ls), re.findall(r"(\d+)GB", ls))
print(re.sub(r"-(\d+)", r"_\1", ls), re.sub(r"(?P<size>\d+)GB", r"\g<size> GB", ls, count=1))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 and 21"), re.subn("o", "0", "foo boo"))
print(re.split(r"[,;]\s*", ls), re.split(r"(\s)", "a b c", maxsplit=1), re.split(r"x*", "axb"))
m = re.match(r"(?P<host>[a-z]+)-(\d+)", "pserv-7 rest")
print(m.group(), m.group(1), m.group("host"), m.group(1, 2), m.groups(), m.groupdict(), m.span(2), m.end())
print(m[2], bool(re.search("GB", ls)), re.search("TB", ls) is None, re.match("GB", ls) is None)
print(re.fullmatch(r"\d+", "123") is not None, re.fullmatch(r"\d+", "123x") is None)
host = re.compile(r"^n\d+dles$", re.IGNORECASE | re.MULTILINE)
print(host.findall("N00DLES\nfoo\nn00dles"), host.search("x\nn00dles").start(), host.pattern)
print(re.escape("a.b*c"), re.sub(r"\s+", " ", "a  b\n\tc"), [x.group() for x in re.finditer(r"[A-Z]", "aBcD")])
print(re.match(r"(a)(b)?", "ac").groups(), re.match(r"(a)(b)?", "ac").groups("-"), re.findall(r"(a)(b)?", "ab a"))

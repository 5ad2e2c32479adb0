"""`re` for built scripts: Python's re API and match semantics on JavaScript's RegExp.

Compiled by Transcrypt only, with operator overloading off; it takes the place of the `re` Transcrypt ships, whose
sub() leaves Python's group references (\\1, \\g<name>) in the text. Patterns are translated where the two syntaxes
differ: (?P<name>...), (?P=name), \\A, \\Z, leading inline flags and VERBOSE's spaces and comments. \\d, \\w and
\\s match ASCII only, as with re.ASCII, and a class counts UTF-16 code units.
"""

# __pragma__ ("skip")
__pragma__ = Array = Map = Object = RegExp = __new__ = __typeof__ = None
# __pragma__ ("noskip")

__pragma__("noopov")

I = IGNORECASE = 2
M = MULTILINE = 8
S = DOTALL = 16
A = ASCII = 256
X = VERBOSE = 64
_INLINE = {"i": 2, "m": 8, "s": 16, "a": 256, "x": 64, "u": 0, "L": 0}


class error(Exception):  # noqa: N801
    pass


def _translate(pattern, flags):
    """JavaScript's spelling of a Python pattern, the flags written inline at its start, and its named groups."""
    out, index, in_class, count, names = "", 0, False, 0, {}
    inline = pattern.match(RegExp("^\\(\\?([aiLmsux]+)\\)"))
    if inline:
        for letter in inline[1]:
            flags |= _INLINE[letter]
        index = inline[0].length
    while index < pattern.length:
        char = pattern[index]
        if flags & VERBOSE and not in_class and (char == "#" or " \t\n\r\x0b\x0c".indexOf(char) >= 0):
            index = pattern.indexOf("\n", index) if char == "#" else index + 1  # a comment, or a space
            index = pattern.length if index < 0 else index
            continue
        if char == "\\":
            pair = pattern.slice(index, index + 2)
            out += "(?![\\s\\S])" if pair == "\\Z" else ("(?<![\\s\\S])" if pair == "\\A" else pair)
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1] == "]":
                out += "[\\]"
                index += 2
                continue
        elif pattern.startsWith("(?P<", index):
            count += 1
            end = pattern.indexOf(">", index)
            names.__setitem__(pattern.slice(index + 4, end), count)
            out += "(?<" + pattern.slice(index + 4, end + 1)
            index = end + 1
            continue
        elif pattern.startsWith("(?P=", index):
            end = pattern.indexOf(")", index)
            out += "\\k<" + pattern.slice(index + 4, end) + ">"
            index = end + 1
            continue
        elif char == "(" and pattern[index + 1] != "?":
            count += 1
        out += char
        index += 1
    return out, flags, count, names


class Pattern:
    def __init__(self, pattern, flags):
        source, self.flags, self.groups, self.groupindex = _translate(pattern, flags)
        self.pattern = pattern
        js_flags = "gd" + ("i" if self.flags & IGNORECASE else "") + ("m" if self.flags & MULTILINE else "") \
            + ("s" if self.flags & DOTALL else "")
        try:
            self._anywhere = __new__(RegExp(source, js_flags))
            self._here = __new__(RegExp(source, js_flags + "y"))
            self._whole = __new__(RegExp("(?:" + source + ")(?![\\s\\S])", js_flags + "y"))
        except:  # noqa: E722  (JavaScript's SyntaxError is no Python exception)
            raise error("bad pattern " + repr(pattern))

    def _first(self, regex, string, pos, endpos):
        text = string if endpos == None else string.slice(0, endpos)  # noqa: E711
        regex.lastIndex = pos
        found = text.matchAll(regex).js_next()
        return None if found.done else Match(self, string, found.value, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._first(self._anywhere, string, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        return self._first(self._here, string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._first(self._whole, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        text = string if endpos == None else string.slice(0, endpos)  # noqa: E711
        self._anywhere.lastIndex = pos
        return [Match(self, string, found, pos, endpos) for found in Array.js_from(text.matchAll(self._anywhere))]

    def findall(self, string, pos=0, endpos=None):
        found = []
        for match in self.finditer(string, pos, endpos):
            if self.groups == 0:
                found.push(match.group(0))
            elif self.groups == 1:
                found.push(match.group(1) or "")
            else:
                found.push(tuple([group or "" for group in match.groups()]))
        return found

    def subn(self, repl, string, count=0):
        out, last, done = "", 0, 0
        for match in self.finditer(string):
            if count and done == count:
                break
            out += string.slice(last, match.start()) + (repl(match) if callable(repl) else match.expand(repl))
            last = match.end()
            done += 1
        return tuple([out + string.slice(last), done])

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        pieces, last, done = [], 0, 0
        for match in self.finditer(string):
            if maxsplit and done == maxsplit:
                break
            pieces.push(string.slice(last, match.start()))
            for group in match.groups():
                pieces.push(group)
            last = match.end()
            done += 1
        pieces.push(string.slice(last))
        return pieces

    def __repr__(self):
        return "re.compile(" + repr(self.pattern) + ")"


class Match:
    def __init__(self, pattern, string, found, pos, endpos):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = string.length if endpos == None else endpos  # noqa: E711
        self._found = found

    def _index(self, group):
        if __typeof__(group) == "string" and self.re.groupindex.__contains__(group):
            return self.re.groupindex.__getitem__(group)
        if __typeof__(group) == "number" and 0 <= group <= self.re.groups:
            return group
        raise IndexError("no such group")

    @property
    def lastindex(self):
        last = None
        for group in range(1, self.re.groups + 1):
            where = self._found.indices[group]
            if where != None and (last == None or where[1] > self._found.indices[last][1]):  # noqa: E711
                last = group
        return last

    @property
    def lastgroup(self):
        for name in self.re.groupindex.py_keys():
            if self.re.groupindex.__getitem__(name) == self.lastindex:
                return name
        return None

    def group(self, *groups):
        if groups.length == 0:
            return self._found[0]
        if groups.length == 1:
            value = self._found[self._index(groups[0])]
            return None if value == None else value  # noqa: E711
        return tuple([self.group(group) for group in groups])

    def __getitem__(self, group):
        return self.group(group)

    def groups(self, default=None):
        return tuple([default if self._found[i] == None else self._found[i]  # noqa: E711
                      for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        found = {}
        for name in self.re.groupindex.py_keys():
            value = self._found[self.re.groupindex.__getitem__(name)]
            found.__setitem__(name, default if value == None else value)  # noqa: E711
        return found

    def span(self, group=0):
        where = self._found.indices[self._index(group)]
        return tuple([-1, -1]) if where == None else tuple([where[0], where[1]])  # noqa: E711

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def expand(self, template):
        """The template with Python's escapes and group references (\\1, \\g<1>, \\g<name>) filled in."""
        out, index = "", 0
        while index < template.length:
            char = template[index]
            if char != "\\" or index + 1 >= template.length:
                out += char
                index += 1
                continue
            following = template[index + 1]
            digits = template.slice(index + 1).match(RegExp("^\\d{1,2}"))
            if digits:
                out += self.group(int(digits[0])) or ""
                index += 1 + digits[0].length
            elif following == "g" and template[index + 2] == "<":
                end = template.indexOf(">", index)
                name = template.slice(index + 3, end)
                out += self.group(int(name) if RegExp("^\\d+$").test(name) else name) or ""
                index = end + 1
            else:
                out += {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "f": "\f", "v": "\v", "a": "\x07"}.get(
                    following, "\\" + following)
                index += 2
        return out

    def __repr__(self):
        return "<re.Match object; span=" + repr(self.span()) + ", match=" + repr(self.group()) + ">"


_cache = __new__(Map())


def compile(pattern, flags=0):  # noqa: A001
    if isinstance(pattern, Pattern):
        return pattern
    key = str(flags) + ":" + pattern
    if not _cache.has(key):
        _cache.set(key, Pattern(pattern, flags))
    return _cache.js_get(key)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def escape(pattern):
    return "".join(["\\" + char if "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".indexOf(char) >= 0 else char
                    for char in pattern])

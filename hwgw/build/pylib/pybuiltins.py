"""Python builtins and operators for built scripts, where Transcrypt 3.9.5's runtime differs from Python.

Compiled by Transcrypt only, with operator overloading off. lower.py makes each script import from here the names
it uses, so the runtime's versions stay out of that script:

- functions such as zip, sum, min, max, sorted and round, and the exception classes the runtime lacks;
- the operator functions Transcrypt calls for `==`, `<`, `in`, `[]`, `+`, `*`, `/`, `//` and `%`;
- `py_int`, `py_float`, `py_list`, `py_tuple`, `py_set` and `py_dict`, which lower.py calls where a script calls
  int, float, list, tuple, set or dict. The names themselves keep meaning the runtime's types, so isinstance and
  type comparisons still work. Likewise `py_enumerate_list` and `py_reversed_list` for enumerate and reversed, whose
  names Transcrypt reserves for its own versions; and `py_str_format(text, ...)` for `text.format(...)`;
- the helpers other lowerings call (py_delitem, py_decorate, py_and_value...).
"""

from pyvalues import (_plain_object, compare, contains, equal, format_template, format_value, items, kind, printf,
                      repr_str, slice_positions, sort_in_place, type_name)

# __pragma__ ("skip")
__pragma__ = Array = BigInt = Math = Number = Object = Reflect = RegExp = String = __fmod__ = None
__integer_operation__ = __issubclass__ = __modpow__ = __range__ = __typeof__ = isFinite = None
js_Infinity = js_NaN = js_undefined = None
py_hashable = py_key_name = None
# __pragma__ ("noskip")

__pragma__("noopov")
__pragma__("js", "{}", "import {py_hashable, py_key_name} from './org.transcrypt.__runtime__.js';")
__pragma__("js", "{}", "import {issubclass as __issubclass__, range as __range__} from "
                       "'./org.transcrypt.__runtime__.js';")

__pragma__("js", "{}", """
function __modpow__ (base, exponent, modulus) {
    const m = BigInt (modulus);
    let b = ((BigInt (base) % m) + m) % m;
    let e = BigInt (exponent);
    let result = BigInt (1) % m;
    while (e > BigInt (0)) {
        if (e % BigInt (2) == BigInt (1)) {
            result = result * b % m;
        }
        b = b * b % m;
        e = e / BigInt (2);
    }
    return Number (result);
}

function __fmod__ (a, b) {
    return Number (a) % Number (b);
}
""")

_MISSING = []


class ArithmeticError(Exception):
    pass


class ZeroDivisionError(ArithmeticError):
    pass


class OverflowError(ArithmeticError):
    pass


class RuntimeError(Exception):
    pass


# Built code calls the functions from here to the next pragma with positional arguments only (operators, len, the
# value helpers): without keyword arguments they skip the check of their last argument for them at each call.
__pragma__("nokwargs")


def _numeric(family):
    return family == "number" or family == "bool"


def _sequence(family):
    return family == "list" or family == "tuple"


def _operand_error(operator, a, b):
    return TypeError("unsupported operand type(s) for " + operator + ": '" + type_name(a) + "' and '"
                     + type_name(b) + "'")


def __eq__(a, b):
    return equal(a, b)


def __ne__(a, b):
    if kind(a) == "object" and hasattr(a, "__ne__"):
        return a.__ne__(b)
    return not equal(a, b)


def __lt__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a < b
    return compare(a, b, "<")


def __le__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a <= b
    return compare(a, b, "<=")


def __gt__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a > b
    return compare(a, b, ">")


def __ge__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a >= b
    return compare(a, b, ">=")


def __in__(element, container):
    return contains(container, element)


def __getitem__(container, key):
    if (Array.isArray(container) and container.__class__ is not set and __typeof__(key) == "number"
            and Number.isInteger(key) and key >= 0 and key < container.length):
        return container[key]
    family = kind(container)
    if family == "dict":
        py_hashable(key)
        return container.__getitem__(key)
    if _sequence(family) or family == "str":
        if not _numeric(kind(key)) or not Number.isInteger(Number(key)):
            raise TypeError(family + " indices must be integers or slices, not " + type_name(key))
        index = Number(key) + container.length if key < 0 else Number(key)
        if index < 0 or index >= container.length:
            raise IndexError(("string" if family == "str" else family) + " index out of range")
        return container[index]
    if family == "object" and hasattr(container, "__getitem__"):
        return container.__getitem__(key)
    if family == "object":
        name = py_key_name(key)  # a dict that came through a port keeps a non-str key under its name
        if name is not key and Object.prototype.hasOwnProperty.call(container, name):
            return container[name]
    return container[key]


def __setitem__(container, key, value):
    family = kind(container)
    if family == "tuple" or family == "str":
        raise TypeError("'" + family + "' object does not support item assignment")
    if family == "list":
        if not _numeric(kind(key)) or not Number.isInteger(Number(key)):
            raise TypeError("list indices must be integers or slices, not " + type_name(key))
        index = Number(key) + container.length if key < 0 else Number(key)
        if index < 0 or index >= container.length:
            raise IndexError("list assignment index out of range")
        container[index] = value
    elif family == "dict":
        py_hashable(key)
        container.__setitem__(key, value)
    elif family == "object" and hasattr(container, "__setitem__"):
        container.__setitem__(key, value)
    else:
        container[key] = value


def _repeat(sequence, times):
    if kind(sequence) == "str":
        return sequence.repeat(max(times, 0))
    result = []
    for _ in range(times):
        for element in sequence:
            result.push(element)
    return tuple(result) if kind(sequence) == "tuple" else result


def __add__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a + b
    family_a = kind(a)  # not `x, y = ...`, which would make a tuple at each call
    family_b = kind(b)
    if _numeric(family_a) and _numeric(family_b):
        return Number(a) + Number(b)
    if family_a == "str" and family_b == "str":
        return a + b
    if _sequence(family_a) and family_a == family_b:
        joined = a.concat(b)
        return tuple(joined) if family_a == "tuple" else joined
    if family_a == "object" and hasattr(a, "__add__"):
        return a.__add__(b)
    if family_b == "object" and hasattr(b, "__radd__"):
        return b.__radd__(a)
    if family_a == "str" or _sequence(family_a):
        raise TypeError("can only concatenate " + family_a + ' (not "' + type_name(b) + '") to ' + family_a)
    raise _operand_error("+", a, b)


def __iadd__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a + b
    if kind(a) == "list":
        for element in items(b).slice():
            a.push(element)
        return a
    if kind(a) == "object" and hasattr(a, "__iadd__"):
        return a.__iadd__(b)
    return __add__(a, b)


def __mul__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a * b
    family_a = kind(a)
    family_b = kind(b)
    if _numeric(family_a) and _numeric(family_b):
        return Number(a) * Number(b)
    if (_sequence(family_a) or family_a == "str") and _numeric(family_b):
        return _repeat(a, Number(b))
    if (_sequence(family_b) or family_b == "str") and _numeric(family_a):
        return _repeat(b, Number(a))
    if family_a == "object" and hasattr(a, "__mul__"):
        return a.__mul__(b)
    if family_b == "object" and hasattr(b, "__rmul__"):
        return b.__rmul__(a)
    raise _operand_error("*", a, b)


def __imul__(a, b):
    if kind(a) == "list" and _numeric(kind(b)):
        copy = a.slice()
        a.length = 0
        for element in _repeat(copy, Number(b)):
            a.push(element)
        return a
    if kind(a) == "object" and hasattr(a, "__imul__"):
        return a.__imul__(b)
    return __mul__(a, b)


def _divisor(a, b, operator, message):
    if not (_numeric(kind(a)) and _numeric(kind(b))):
        raise _operand_error(operator, a, b)
    if Number(b) == 0:
        raise ZeroDivisionError(message)


def __truediv__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number" and b != 0:
        return a / b
    if kind(a) == "object" and hasattr(a, "__truediv__"):
        return a.__truediv__(b)
    if kind(b) == "object" and hasattr(b, "__rtruediv__"):
        return b.__rtruediv__(a)
    _divisor(a, b, "/", "division by zero")
    return Number(a) / Number(b)


def __floordiv__(a, b):
    if kind(a) == "object" and hasattr(a, "__floordiv__"):
        return a.__floordiv__(b)
    if kind(b) == "object" and hasattr(b, "__rfloordiv__"):
        return b.__rfloordiv__(a)
    _divisor(a, b, "//", "integer division or modulo by zero" if Number.isInteger(Number(a)) and
             Number.isInteger(Number(b)) else "float floor division by zero")
    return Math.floor(Number(a) / Number(b))


def __mod__(a, b):
    if kind(a) == "str":
        return printf(a, b)
    if kind(a) == "object" and hasattr(a, "__mod__"):
        return a.__mod__(b)
    if kind(b) == "object" and hasattr(b, "__rmod__"):
        return b.__rmod__(a)
    _divisor(a, b, "%", "integer modulo by zero" if Number.isInteger(Number(a)) and
             Number.isInteger(Number(b)) else "float modulo")
    remainder = __fmod__(a, b)
    if remainder != 0 and (remainder < 0) != (Number(b) < 0):
        remainder += Number(b)
    return remainder


def _set_operation(a, b, operator, keep):
    """`a | b`, `a & b`, `a - b`, `a ^ b`, `a << b` or `a >> b` on sets, objects or (with every bit) ints."""
    if keep and kind(a) == "set" and kind(b) == "set":
        result = set([element for element in a if keep(contains(b, element))])
        if operator == "|" or operator == "^":
            for element in b:
                if not contains(a, element):
                    result.push(element)
        return result
    own, reflected = _SET_METHODS[operator]
    if kind(a) == "object" and hasattr(a, own):
        return a[own](b)
    if kind(b) == "object" and hasattr(b, reflected):
        return b[reflected](a)
    if _numeric(kind(a)) and _numeric(kind(b)):
        if operator != "-" and not (Number.isInteger(Number(a)) and Number.isInteger(Number(b))):
            raise _operand_error(operator, a, b)
        return __integer_operation__(operator, a, b)
    raise _operand_error(operator, a, b)


_SET_METHODS = {"|": ["__or__", "__ror__"], "&": ["__and__", "__rand__"], "-": ["__sub__", "__rsub__"],
                "^": ["__xor__", "__rxor__"], "<<": ["__lshift__", "__rlshift__"], ">>": ["__rshift__", "__rrshift__"]}

__pragma__("js", "{}", """
function __integer_operation__ (operator, a, b) {
    if (operator == '-') {
        return Number (a) - Number (b);
    }
    const x = BigInt (Number (a)), y = BigInt (Number (b));
    return Number (operator == '|' ? x | y : operator == '&' ? x & y : operator == '^' ? x ^ y :
                   operator == '<<' ? x << y : x >> y);
}
""")


def __or__(a, b):
    if kind(a) == "dict" and kind(b) == "dict":
        merged = a.py_copy()
        merged.py_update(b)
        return merged
    return _set_operation(a, b, "|", lambda inside: True)


def __and__(a, b):
    return _set_operation(a, b, "&", lambda inside: inside)


def __sub__(a, b):
    if __typeof__(a) == "number" and __typeof__(b) == "number":
        return a - b
    return _set_operation(a, b, "-", lambda inside: not inside)


def __xor__(a, b):
    return _set_operation(a, b, "^", lambda inside: not inside)


def __lshift__(a, b):
    return _set_operation(a, b, "<<", None)


def __rshift__(a, b):
    return _set_operation(a, b, ">>", None)


def _in_place(a, b, result):
    """Sets update in place under |=, &=, -= and ^=, as Python's do."""
    if kind(a) != "set":
        return result
    a.length = 0
    for element in result:
        a.push(element)
    return a


__pragma__("kwargs")


def __ior__(a, b):
    if kind(a) == "dict":
        a.py_update(b)
        return a
    return _in_place(a, b, __or__(a, b))


def __iand__(a, b):
    return _in_place(a, b, __and__(a, b))


def __isub__(a, b):
    return _in_place(a, b, __sub__(a, b))


def __ixor__(a, b):
    return _in_place(a, b, __xor__(a, b))


def __idiv__(a, b):
    return __truediv__(a, b)


def __imod__(a, b):
    return __mod__(a, b)


def py_and_value(first, rest):
    """`first and ...` with Python's value: `rest` computes the rest of the expression, only when it is needed."""
    return rest() if first else first


def py_delitem(container, key):
    """`del container[key]`, which Transcrypt compiles to nothing."""
    family = kind(container)
    if family == "dict":
        py_hashable(key)
        container.__delitem__(key)
    elif family == "list":
        index = Number(key) + container.length if key < 0 else Number(key)
        if not Number.isInteger(index) or index < 0 or index >= container.length:
            raise IndexError("list assignment index out of range")
        container.splice(index, 1)
    elif family == "object" and hasattr(container, "__delitem__"):
        container.__delitem__(key)
    else:
        raise TypeError("'" + type_name(container) + "' object does not support item deletion")


def py_delslice(container, start, stop, step):
    """`del container[start:stop:step]`."""
    doomed = slice_positions(container.length, start, stop, step)
    doomed.js_sort(lambda a, b: b - a)
    for position in doomed:
        container.splice(position, 1)


def py_with_cause(error, cause):
    """`raise error from cause`. Transcrypt sets `__cause__` to None on every raise, so the cause ignores that."""
    __pragma__("js", "{}", """
    Object.defineProperty (error, '__cause__', {
        get: function () {return cause;},
        set: function (value) {if (value !== null) {cause = value;}},
        configurable: true
    });
    """)
    return error


def py_decorate(name, *decorators):
    """Decorators applied bottom-up to a function called `name`: Transcrypt miscompiles stacked decorators and
    leaves the decorated function without its name."""

    def apply(target):
        target.__name__ = name
        for decorator in decorators.slice().reverse():
            target = decorator(target)
        return target

    return apply


class NoneType:
    pass


class FunctionType:
    pass


FunctionType.__name__ = "function"


def py_type_of(value):
    """`type(value)`: the runtime's answer, except for None and functions, which it has no type for."""
    if value == None:  # noqa: E711
        return NoneType
    if __typeof__(value) == "function":
        return FunctionType
    return type(value)


def py_list_reverse(target):
    """`target.reverse()`: JavaScript's reverse returns the list, Python's None."""
    result = target.reverse()
    return None if Array.isArray(target) else result


def py_dict_items(target):
    """`target.items()`, with the pairs as tuples (the runtime's dicts give lists; hwgw's tuples)."""
    return target.py_items()


def py_bound_method(target, name):
    """`target.name` used as a value: the runtime's dict methods lose their dict when passed around."""
    method = getattr(target, name)
    return method.bind(target) if kind(target) == "dict" and __typeof__(method) == "function" else method


def py_range(*args):
    """`range(...)` as a loop's iterable. Transcrypt's own loop over range leaves the variable one step past the end."""
    return range(*args)


def py_enumerate_list(iterable, start=0):
    array = items(iterable)
    return [tuple([start + position, array[position]]) for position in range(array.length)]


def zip(*iterables):
    arrays = [items(iterable) for iterable in iterables]
    if arrays.length == 0:
        return []
    size = Math.min.apply(None, [array.length for array in arrays])
    return [tuple([array[position] for array in arrays]) for position in range(size)]


def sum(iterable, start=0):
    total = start
    for element in items(iterable):
        total = __add__(total, element)
    return total


def _extreme(args, key, default, operator, name):
    if args.length == 1:
        candidates = items(args[0])
    else:
        if default is not _MISSING:
            raise TypeError("Cannot specify a default for " + name + "() with multiple positional arguments")
        candidates = args
    if candidates.length == 0:
        if default is _MISSING:
            raise ValueError(name + "() iterable argument is empty")
        return default
    best = candidates[0]
    best_key = key(best) if key else best
    for candidate in candidates.slice(1):
        candidate_key = key(candidate) if key else candidate
        if compare(candidate_key, best_key, operator):
            best, best_key = candidate, candidate_key
    return best


def max(*args, key=None, default=_MISSING):
    return _extreme(args, key, default, ">", "max")


def min(*args, key=None, default=_MISSING):
    return _extreme(args, key, default, "<", "min")


def sorted(iterable, key=None, reverse=False):
    result = items(iterable).slice()
    sort_in_place(result, key, reverse)
    return result


def py_reversed_list(sequence):
    if kind(sequence) == "set":
        raise TypeError("'set' object is not reversible")
    return items(sequence).slice().reverse()


def py_object():
    """`object()`: the runtime's object is no function."""
    return object.__new__()


def range(start, stop=None, step=1):  # noqa: A001
    for bound in [start, stop, step]:
        if bound != None:  # noqa: E711
            _index(bound)
    if step == 0:
        raise ValueError("range() arg 3 must not be zero")
    return __range__(start, stop, step) if stop != None else __range__(start)  # noqa: E711


def filter(keep, iterable):
    return [element for element in items(iterable) if (keep(element) if keep else element)]


def map(transform, *iterables):
    return [transform(*values) for values in zip(*iterables)]


def any(iterable):
    for element in items(iterable):
        if element:
            return True
    return False


def all(iterable):
    for element in items(iterable):
        if not element:
            return False
    return True


def divmod(a, b):
    return tuple([__floordiv__(a, b), __mod__(a, b)])


# The attribute names Transcrypt renames in its output (`self.name` becomes `self.py_name`): its compiler's alias
# table. tests/test_build_stages.py checks this list against that table.
_RENAMED = ["arguments", "case", "clear", "copy", "deepcopy", "default", "del", "enumerate", "false", "fromkeys", "get",
            "Infinity", "is", "isNaN", "items", "iter", "keys", "name", "NaN", "new", "next", "pop", "popitem",
            "replace", "reversed", "selector", "setdefault", "sort", "split", "switch", "true", "type",
            "TypeError", "undefined", "update", "values"]


def _attribute(name):
    """The JavaScript property that holds the Python attribute `name`."""
    if name == "type":
        return "py_metatype"
    return "py_" + name if _RENAMED.includes(name) else name


def hasattr(target, name):
    """Python's hasattr, also for strings and numbers (the runtime's answers False for them)."""
    if target == None:  # noqa: E711
        return False
    return Reflect.has(Object(target), _attribute(name))


def getattr(target, name, default=_MISSING):
    if hasattr(target, name):
        return target[_attribute(name)]
    if default is _MISSING:
        raise AttributeError("'" + type_name(target) + "' object has no attribute '" + name + "'")
    return default


def setattr(target, name, value):
    target[_attribute(name)] = value


def delattr(target, name):
    if not hasattr(target, name):
        raise AttributeError("'" + type_name(target) + "' object has no attribute '" + name + "'")
    Reflect.deleteProperty(target, _attribute(name))


def _index(value):
    """An int argument: a bool is one, a float is not."""
    if kind(value) == "bool":
        return Number(value)
    if kind(value) != "number" or not Number.isInteger(value):
        raise TypeError("'" + type_name(value) + "' object cannot be interpreted as an integer")
    return value


def abs(number):  # noqa: A001
    if _numeric(kind(number)):
        return Math.abs(number)
    if kind(number) == "object" and hasattr(number, "__abs__"):
        return number.__abs__()
    raise TypeError("bad operand type for abs(): '" + type_name(number) + "'")


def _based(number, prefix, base):
    number = _index(number)
    return ("-" if number < 0 else "") + prefix + BigInt(Math.abs(number)).toString(base)


def bin(number):  # noqa: A001
    return _based(number, "0b", 2)


def oct(number):  # noqa: A001
    return _based(number, "0o", 8)


def hex(number):  # noqa: A001
    return _based(number, "0x", 16)


def chr(code):  # noqa: A001
    code = _index(code)
    if not 0 <= code <= 0x10FFFF:
        raise ValueError("chr() arg not in range(0x110000)")
    return String.fromCodePoint(code)


def ord(char):  # noqa: A001
    if kind(char) != "str":
        raise TypeError("ord() expected string of length 1, but " + type_name(char) + " found")
    if Array.js_from(char).length != 1:
        raise TypeError("ord() expected a character, but string of length " + char.length + " found")
    return char.codePointAt(0)


__pragma__("nokwargs")  # len, issubclass and __neg__, as above


def len(value):  # noqa: A001
    if Array.isArray(value) or __typeof__(value) == "string":
        return value.length
    family = kind(value)
    if family == "str" or _sequence(family) or family == "set":
        return value.length
    if family == "dict" or _plain_object(value):
        return Object.js_keys(value).length
    if family == "object" and hasattr(value, "__len__"):
        return value.__len__()
    raise TypeError("object of type '" + type_name(value) + "' has no len()")


def issubclass(cls, classinfo):  # noqa: A001
    if __typeof__(cls) != "function" and (cls == None or not hasattr(cls, "__bases__")):  # noqa: E711
        raise TypeError("issubclass() arg 1 must be a class")
    return __issubclass__(cls, classinfo)


def __neg__(a):
    if __typeof__(a) == "number":
        return -a
    if _numeric(kind(a)):
        return -Number(a)
    if kind(a) == "object" and hasattr(a, "__neg__"):
        return a.__neg__()
    raise TypeError("bad operand type for unary -: '" + type_name(a) + "'")


__pragma__("kwargs")


def round(number, ndigits=None):
    """Python's round: half to even on exact ties, judged on the number's exact binary value."""
    if not isFinite(number):
        if ndigits == None and number != number:  # noqa: E711
            raise ValueError("cannot convert float NaN to integer")
        if ndigits == None:  # noqa: E711
            raise OverflowError("cannot convert float infinity to integer")
        return number
    if ndigits == None:  # noqa: E711
        floor = Math.floor(number)
        rest = number - floor
        if rest > 0.5 or (rest == 0.5 and floor % 2 != 0):
            return floor + 1
        return floor
    if ndigits < 0:
        scale = Math.pow(10, -ndigits)
        return round(number / scale) * scale
    if ndigits > 20 or Number.isInteger(number):
        return number
    rounded = Number(format_value(Math.abs(number), "." + ndigits + "f"))
    return -rounded if number < 0 else rounded


def pow(base, exponent, modulus=None):
    if modulus == None:  # noqa: E711
        if Number(base) == 0 and exponent < 0:
            raise ZeroDivisionError("0.0 cannot be raised to a negative power")
        return Math.pow(base, exponent)
    if modulus == 0:
        raise ValueError("pow() 3rd argument cannot be 0")
    if exponent < 0:
        return __modpow__(_inverse(base, modulus), -exponent, modulus)
    return __modpow__(base, exponent, modulus)


def _inverse(base, modulus):
    """base's inverse modulo modulus, for pow with a negative exponent."""
    size = Math.abs(modulus)
    remainder, previous_remainder = size, ((base % size) + size) % size
    factor, previous_factor = 0, 1
    while remainder != 0:
        quotient = Math.floor(previous_remainder / remainder)
        previous_remainder, remainder = remainder, previous_remainder - quotient * remainder
        previous_factor, factor = factor, previous_factor - quotient * factor
    if previous_remainder != 1:
        raise ValueError("base is not invertible for the given modulus")
    return ((previous_factor % size) + size) % size


def format(value, spec=""):
    return format_value(value, spec)


def py_str_format(receiver, *args, **kwargs):
    """`receiver.format(...)`: lower.py calls this in its place, since the runtime's str.format cannot be replaced."""
    if kind(receiver) == "str":
        return format_template(receiver, args, kwargs)
    return receiver.format(*args, **kwargs)


_DECIMAL = RegExp("^[+-]?\\d+(_\\d+)*$")
_FLOAT = RegExp("^[+-]?((\\d+(_\\d+)*)(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?$")
_SPECIAL_FLOATS = {"inf": js_Infinity, "infinity": js_Infinity, "nan": js_NaN}
_PREFIXES = {"0x": 16, "0o": 8, "0b": 2}
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


_OTHER_DIGIT = RegExp("[^\\x00-\\x7f]", "gu")
_DIGIT = RegExp("\\p{Nd}", "u")


def _ascii_digits(text):
    """Every decimal digit of any script (٣) as its ASCII digit. Unicode gives each script its ten digits in a run,
    0 to 9, and runs may follow each other: a digit's value is the count of digits before it in the row, modulo 10."""
    def digit(char):
        if not _DIGIT.test(char):
            return char
        code, value = char.codePointAt(0), 0
        while _DIGIT.test(String.fromCodePoint(code - value - 1)):
            value += 1
        return String(value % 10)
    return text.js_replace(_OTHER_DIGIT, digit)


def _parse_int(text, base):
    """`text` in `base` (0: from its prefix), with Python's rules for signs, prefixes and underscores."""
    digits = _ascii_digits(text.strip()).toLowerCase()
    sign = -1 if digits.startsWith("-") else 1
    if digits.startsWith("-") or digits.startsWith("+"):
        digits = digits.slice(1)
    prefix = digits.slice(0, 2)
    if _PREFIXES.get(prefix) and (base == 0 or base == _PREFIXES.get(prefix)):
        base = _PREFIXES.get(prefix)
        digits = digits.slice(2).js_replace(RegExp("^_"), "")
    elif base == 0:
        base = 10
        if digits.length > 1 and digits[0] == "0" and RegExp("[^0_]").test(digits):
            base = -1
    valid = base >= 2 and digits.length > 0 and not RegExp("^_|_$|__").test(digits)
    value = 0
    for char in digits:
        if char == "_":
            continue
        digit = _DIGITS.indexOf(char)
        if digit < 0 or digit >= base:
            valid = False
            break
        value = value * base + digit
    if not valid:
        raise ValueError("invalid literal for int() with base " + String(10 if base <= 0 else base) + ": "
                         + repr_str(text))
    return sign * value


def py_int(value=0, base=None):
    family = kind(value)
    if base != None:  # noqa: E711
        if family != "str":
            raise TypeError("int() can't convert non-string with explicit base")
        return _parse_int(value, base)
    if family == "number":
        if value != value:
            raise ValueError("cannot convert float NaN to integer")
        if not isFinite(value):
            raise OverflowError("cannot convert float infinity to integer")
        return Math.trunc(value) + 0
    if family == "bool":
        return 1 if value else 0
    if family == "str":
        if not _DECIMAL.test(_ascii_digits(value.strip())):
            raise ValueError("invalid literal for int() with base 10: " + repr_str(value))
        return _parse_int(value, 10)
    if family == "object" and hasattr(value, "__int__"):
        return value.__int__()
    raise TypeError("int() argument must be a string, a bytes-like object or a real number, not '"
                    + type_name(value) + "'")


def py_float(value=0.0):
    family = kind(value)
    if family == "number":
        return value
    if family == "bool":
        return 1 if value else 0
    if family == "str":
        text = _ascii_digits(value.strip())
        sign = -1 if text.startsWith("-") else 1
        bare = text.slice(1) if text.startsWith("-") or text.startsWith("+") else text
        if Object.prototype.hasOwnProperty.call(_SPECIAL_FLOATS, bare.toLowerCase()):
            return sign * _SPECIAL_FLOATS[bare.toLowerCase()]
        if not _FLOAT.test(text):
            raise ValueError("could not convert string to float: " + repr_str(value))
        return Number(text.js_replace(RegExp("_", "g"), ""))
    if family == "object" and hasattr(value, "__float__"):
        return value.__float__()
    raise TypeError("float() argument must be a string or a real number, not '" + type_name(value) + "'")


# A script that passes int or float around as a value gets these; they print as the types do.
py_int.__repr__ = lambda: "<class 'int'>"
py_float.__repr__ = lambda: "<class 'float'>"


def py_list(*iterable):
    return items(iterable[0]).slice() if iterable.length else []


def py_tuple(*iterable):
    return tuple(items(iterable[0]) if iterable.length else [])


def py_set(*iterable):
    return set(items(iterable[0]) if iterable.length else [])


def py_assign(value, count):
    """`a, b = value`: the elements of value, exactly as many as there are targets."""
    elements = items(value)
    if elements.length > count:
        raise ValueError("too many values to unpack (expected " + count + ")")
    if elements.length < count:
        raise ValueError("not enough values to unpack (expected " + count + ", got " + elements.length + ")")
    return elements


def py_dict(*args, **pairs):
    if args.length > 1:
        raise TypeError("dict expected at most 1 argument, got " + args.length)
    result = dict(args[0] if args.length else js_undefined)
    result.py_update(pairs)
    return result

"""`itertools` for built scripts: the finite functions, each returning a list (of tuples where Python yields tuples).

Compiled by Transcrypt only, with operator overloading off; it takes the place of the `itertools` Transcrypt ships,
whose generators built code cannot loop over. Endless iterators (count, cycle, repeat without times) have no list
form and are not here; the checker says so where a script uses them.
"""

from pybuiltins import __add__
from pyvalues import equal, items

# __pragma__ ("skip")
__pragma__ = None
# __pragma__ ("noskip")

__pragma__("noopov")


def chain(*iterables):
    result = []
    for iterable in iterables:
        for element in items(iterable):
            result.push(element)
    return result


def _from_iterable(iterables):
    return chain(*items(iterables))


chain.from_iterable = _from_iterable


def islice(iterable, *bounds):
    start, stop, step = 0, None, 1
    if bounds.length == 1:
        stop = bounds[0]
    elif bounds.length >= 2:
        start = 0 if bounds[0] == None else bounds[0]  # noqa: E711
        stop = bounds[1]
        if bounds.length == 3 and bounds[2] != None:  # noqa: E711
            step = bounds[2]
    if start < 0 or stop != None and stop < 0:  # noqa: E711
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if step < 1:
        raise ValueError("Step for islice() must be a positive integer or None.")
    elements = items(iterable)
    end = elements.length if stop == None else min(stop, elements.length)  # noqa: E711
    return [elements[i] for i in range(start, end, step)]


def accumulate(iterable, func=None, initial=None):
    result = [] if initial == None else [initial]  # noqa: E711
    for element in items(iterable):
        if result.length == 0:
            result.push(element)
        else:
            last = result[result.length - 1]
            result.push(func(last, element) if func else __add__(last, element))
    return result


def repeat(element, times):
    return [element for _ in range(times)]


def product(*iterables, repeat=1):
    pools = []
    for _ in range(repeat):
        for iterable in iterables:
            pools.push(items(iterable))
    result = [[]]
    for pool in pools:
        result = [combination.concat([element]) for combination in result for element in pool]
    return [tuple(combination) for combination in result]


def permutations(iterable, r=None):
    pool = items(iterable)
    r = pool.length if r == None else r  # noqa: E711
    result = []

    def extend(prefix, used):
        if prefix.length == r:
            result.push(tuple(prefix))
            return
        for index in range(pool.length):
            if not used[index]:
                used[index] = True
                extend(prefix.concat([pool[index]]), used)
                used[index] = False

    if r <= pool.length:
        extend([], [False for _ in pool])
    return result


def _combine(pool, r, again):
    result = []

    def extend(prefix, start):
        if prefix.length == r:
            result.push(tuple(prefix))
            return
        for index in range(start, pool.length):
            extend(prefix.concat([pool[index]]), index if again else index + 1)

    extend([], 0)
    return result


def combinations(iterable, r):
    return _combine(items(iterable), r, False)


def combinations_with_replacement(iterable, r):
    return _combine(items(iterable), r, True)


def groupby(iterable, key=None):
    """(key, list of elements) pairs; Python gives an iterator of elements in place of the list."""
    result = []
    for element in items(iterable):
        group_key = key(element) if key else element
        if result.length and equal(result[result.length - 1][0], group_key):
            result[result.length - 1][1].push(element)
        else:
            result.push(tuple([group_key, [element]]))
    return result


def zip_longest(*iterables, fillvalue=None):
    arrays = [items(iterable) for iterable in iterables]
    size = max([array.length for array in arrays]) if arrays.length else 0
    return [tuple([array[i] if i < array.length else fillvalue for array in arrays]) for i in range(size)]


def starmap(func, iterable):
    return [func(*arguments) for arguments in items(iterable)]


def takewhile(predicate, iterable):
    result = []
    for element in items(iterable):
        if not predicate(element):
            break
        result.push(element)
    return result


def dropwhile(predicate, iterable):
    elements = items(iterable)
    start = 0
    while start < elements.length and predicate(elements[start]):
        start += 1
    return elements.slice(start)


def compress(data, selectors):
    flags, elements = items(selectors), items(data)
    return [elements[i] for i in range(min(flags.length, elements.length)) if flags[i]]


def pairwise(iterable):
    elements = items(iterable)
    return [tuple([elements[i], elements[i + 1]]) for i in range(elements.length - 1)]


def filterfalse(predicate, iterable):
    return [element for element in items(iterable) if not (predicate(element) if predicate else element)]


def tee(iterable, n=2):
    """n lists of the elements, in a tuple (Python gives n iterators)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    elements = items(iterable)
    return tuple([elements.slice() for _ in range(n)])

"""`random` for built scripts: CPython's Mersenne Twister and algorithms, so a seed gives CPython's numbers.

Compiled by Transcrypt only, with operator overloading off; it takes the place of the `random` Transcrypt ships,
which lacks uniform, sample and choices and draws other numbers than CPython. Seeds are ints (CPython hashes str
seeds with SHA-512, which is not here).
"""

# __pragma__ ("skip")
__pragma__ = Math = Number = Set = __genrand_uint32__ = __init_by_array__ = __new__ = None
__typeof__ = None
# __pragma__ ("noskip")

__pragma__("noopov")

__pragma__("js", "{}", """
const __state__ = {mt: new Uint32Array (624), index: 625};

function __init_genrand__ (seed) {
    const mt = __state__.mt;
    mt [0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
        const previous = mt [i - 1] ^ (mt [i - 1] >>> 30);
        mt [i] = (Math.imul (1812433253, previous) + i) >>> 0;
    }
    __state__.index = 624;
}

function __init_by_array__ (key) {
    const mt = __state__.mt;
    __init_genrand__ (19650218);
    let i = 1, j = 0;
    for (let k = Math.max (624, key.length); k; k--) {
        const previous = mt [i - 1] ^ (mt [i - 1] >>> 30);
        mt [i] = ((mt [i] ^ Math.imul (previous, 1664525)) + key [j] + j) >>> 0;
        i++;
        j++;
        if (i >= 624) {
            mt [0] = mt [623];
            i = 1;
        }
        if (j >= key.length) {
            j = 0;
        }
    }
    for (let k = 623; k; k--) {
        const previous = mt [i - 1] ^ (mt [i - 1] >>> 30);
        mt [i] = ((mt [i] ^ Math.imul (previous, 1566083941)) - i) >>> 0;
        i++;
        if (i >= 624) {
            mt [0] = mt [623];
            i = 1;
        }
    }
    mt [0] = 0x80000000;
    __state__.index = 624;
}

function __genrand_uint32__ () {
    const mt = __state__.mt;
    if (__state__.index >= 624) {
        if (__state__.index == 625) {
            __init_by_array__ ([(Math.random () * 4294967296) >>> 0, (Math.random () * 4294967296) >>> 0]);
        }
        for (let k = 0; k < 624; k++) {
            const y = (mt [k] & 0x80000000) | (mt [(k + 1) % 624] & 0x7fffffff);
            mt [k] = mt [(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
        }
        __state__.index = 0;
    }
    let y = mt [__state__.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
}
""")


def seed(a=None):
    if a == None:  # noqa: E711
        a = Math.floor(Math.random() * 9007199254740992)
    if __typeof__(a) != "number" or not Number.isInteger(a):
        raise TypeError("seed must be an int in built scripts")
    n, key = Math.abs(a), []
    while n > 0:
        key.push(n % 4294967296)
        n = Math.floor(n / 4294967296)
    __init_by_array__(key if key.length else [0])


def random():
    a = Math.floor(__genrand_uint32__() / 32)
    b = Math.floor(__genrand_uint32__() / 64)
    return (a * 67108864 + b) / 9007199254740992


def getrandbits(k):
    if k <= 32:
        return Math.floor(__genrand_uint32__() / Math.pow(2, 32 - k)) if k > 0 else 0
    low = __genrand_uint32__()
    return low + getrandbits(k - 32) * 4294967296


def _randbelow(n):
    bits = n.toString(2).length
    r = getrandbits(bits)
    while r >= n:
        r = getrandbits(bits)
    return r


def randrange(start, stop=None, step=1):
    if stop == None:  # noqa: E711
        if start > 0:
            return _randbelow(start)
        raise ValueError("empty range for randrange()")
    width = stop - start
    if step == 1:
        if width > 0:
            return start + _randbelow(width)
        raise ValueError("empty range for randrange()")
    if step == 0:
        raise ValueError("zero step for randrange()")
    count = Math.floor((width + step - 1) / step) if step > 0 else Math.floor((width + step + 1) / step)
    if count <= 0:
        raise ValueError("empty range for randrange()")
    return start + step * _randbelow(count)


def randint(a, b):
    return randrange(a, b + 1)


def uniform(a, b):
    return a + (b - a) * random()


def choice(sequence):
    if len(sequence) == 0:
        raise IndexError("Cannot choose from an empty sequence")
    return sequence[_randbelow(len(sequence))]


def shuffle(sequence):
    for i in range(len(sequence) - 1, 0, -1):
        j = _randbelow(i + 1)
        sequence[i], sequence[j] = sequence[j], sequence[i]


def sample(population, k):
    n = len(population)
    if not 0 <= k <= n:
        raise ValueError("Sample larger than population or is negative")
    result = [None for _ in range(k)]
    setsize = 21
    if k > 5:
        setsize += Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)))
    if n <= setsize:
        pool = [population[i] for i in range(n)]
        for i in range(k):
            j = _randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
    else:
        selected = __new__(Set())
        for i in range(k):
            j = _randbelow(n)
            while selected.has(j):
                j = _randbelow(n)
            selected.add(j)
            result[i] = population[j]
    return result


def choices(population, weights=None, cum_weights=None, k=1):
    n = len(population)
    if cum_weights == None:  # noqa: E711
        if weights == None:  # noqa: E711
            return [population[Math.floor(random() * n)] for _ in range(k)]
        cum_weights, total = [], 0
        for weight in weights:
            total += weight
            cum_weights.push(total)
    total = cum_weights[cum_weights.length - 1]
    picks = []
    for _ in range(k):
        target, low, high = random() * total, 0, n - 1
        while low < high:
            middle = Math.floor((low + high) / 2)
            if target < cum_weights[middle]:
                high = middle
            else:
                low = middle + 1
        picks.push(population[low])
    return picks

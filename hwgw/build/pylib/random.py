"""`random` for built scripts: CPython's Mersenne Twister and algorithms, so a seed gives CPython's numbers.

Compiled by Transcrypt only, with operator overloading off; it takes the place of the `random` Transcrypt ships,
which lacks uniform, sample and choices and draws other numbers than CPython. Seeds are ints, floats and strs, each
turned into the generator's key as CPython does.
"""

# __pragma__ ("skip")
__pragma__ = BigInt = Math = Number = Set = __float_key__ = __genrand_uint32__ = __init_by_array__ = __new__ = None
__str_key__ = __typeof__ = __words__ = isFinite = None
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

// SHA-512, for str seeds as CPython hashes them. Its constants, 16 hex digits each.
const __SHA512_K__ = (
    '428a2f98d728ae227137449123ef65cdb5c0fbcfec4d3b2fe9b5dba58189dbbc3956c25bf348b53859f111f1b605d019' +
    '923f82a4af194f9bab1c5ed5da6d8118d807aa98a303024212835b0145706fbe243185be4ee4b28c550c7dc3d5ffb4e2' +
    '72be5d74f27b896f80deb1fe3b1696b19bdc06a725c71235c19bf174cf692694e49b69c19ef14ad2efbe4786384f25e3' +
    '0fc19dc68b8cd5b5240ca1cc77ac9c652de92c6f592b02754a7484aa6ea6e4835cb0a9dcbd41fbd476f988da831153b5' +
    '983e5152ee66dfaba831c66d2db43210b00327c898fb213fbf597fc7beef0ee4c6e00bf33da88fc2d5a79147930aa725' +
    '06ca6351e003826f142929670a0e6e7027b70a8546d22ffc2e1b21385c26c9264d2c6dfc5ac42aed53380d139d95b3df' +
    '650a73548baf63de766a0abb3c77b2a881c2c92e47edaee692722c851482353ba2bfe8a14cf10364a81a664bbc423001' +
    'c24b8b70d0f89791c76c51a30654be30d192e819d6ef5218d69906245565a910f40e35855771202a106aa07032bbd1b8' +
    '19a4c116b8d2d0c81e376c085141ab532748774cdf8eeb9934b0bcb5e19b48a8391c0cb3c5c95a634ed8aa4ae3418acb' +
    '5b9cca4f7763e373682e6ff3d6b2b8a3748f82ee5defb2fc78a5636f43172f6084c87814a1f0ab728cc702081a6439ec' +
    '90befffa23631e28a4506cebde82bde9bef9a3f7b2c67915c67178f2e372532bca273eceea26619cd186b8c721c0c207' +
    'eada7dd6cde0eb1ef57d4f7fee6ed17806f067aa72176fba0a637dc5a2c898a6113f9804bef90dae1b710b35131c471b' +
    '28db77f523047d8432caab7b40c724933c9ebe0a15c9bebc431d67c49c100d4c4cc5d4becb3e42b6597f299cfc657e2a' +
    '5fcb6fab3ad6faec6c44198c4a475817').match (/.{16}/g).map (hex => BigInt ('0x' + hex));
const __SHA512_H__ = (
    '6a09e667f3bcc908bb67ae8584caa73b3c6ef372fe94f82ba54ff53a5f1d36f1510e527fade682d19b05688c2b3e6c1f' +
    '1f83d9abfb41bd6b5be0cd19137e2179').match (/.{16}/g).map (hex => BigInt ('0x' + hex));

function __sha512__ (bytes) {
    const mask = (BigInt (1) << BigInt (64)) - BigInt (1);
    const rotate = (x, n) => ((x >> BigInt (n)) | (x << BigInt (64 - n))) & mask;
    const padded = Array.from (bytes);
    padded.push (0x80);
    while (padded.length % 128 != 112) {
        padded.push (0);
    }
    const bits = BigInt (bytes.length * 8);
    for (let i = 15; i >= 0; i--) {
        padded.push (Number ((bits >> BigInt (8 * i)) & BigInt (255)));
    }
    let hash = __SHA512_H__.slice ();
    for (let offset = 0; offset < padded.length; offset += 128) {
        const w = [];
        for (let t = 0; t < 16; t++) {
            let word = BigInt (0);
            for (let b = 0; b < 8; b++) {
                word = (word << BigInt (8)) | BigInt (padded [offset + 8 * t + b]);
            }
            w.push (word);
        }
        for (let t = 16; t < 80; t++) {
            const s0 = rotate (w [t - 15], 1) ^ rotate (w [t - 15], 8) ^ (w [t - 15] >> BigInt (7));
            const s1 = rotate (w [t - 2], 19) ^ rotate (w [t - 2], 61) ^ (w [t - 2] >> BigInt (6));
            w.push ((w [t - 16] + s0 + w [t - 7] + s1) & mask);
        }
        let [a, b, c, d, e, f, g, h] = hash;
        for (let t = 0; t < 80; t++) {
            const s1 = rotate (e, 14) ^ rotate (e, 18) ^ rotate (e, 41);
            const choice = (e & f) ^ (~e & mask & g);
            const t1 = (h + s1 + choice + __SHA512_K__ [t] + w [t]) & mask;
            const s0 = rotate (a, 28) ^ rotate (a, 34) ^ rotate (a, 39);
            const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) & mask;
            [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & mask, c, b, a, (t1 + t2) & mask];
        }
        hash = [a, b, c, d, e, f, g, h].map ((x, i) => (hash [i] + x) & mask);
    }
    return hash;
}

// CPython's seed of a str: the int of its UTF-8 bytes followed by their SHA-512, as 32-bit words, lowest first.
function __str_key__ (text) {
    const bytes = new TextEncoder ().encode (text);
    let n = BigInt (0);
    for (const byte of bytes) {
        n = (n << BigInt (8)) | BigInt (byte);
    }
    for (const word of __sha512__ (bytes)) {
        n = (n << BigInt (64)) | word;
    }
    return __words__ (n);
}

function __words__ (n) {
    const key = [];
    while (n > BigInt (0)) {
        key.push (Number (n & BigInt (0xffffffff)));
        n >>= BigInt (32);
    }
    return key.length ? key : [0];
}

// CPython's seed of a float: its hash, as an unsigned 64-bit int.
function __float_key__ (value) {
    const modulus = (BigInt (1) << BigInt (61)) - BigInt (1);
    let [mantissa, exponent] = [Math.abs (value), 0];
    while (!Number.isInteger (mantissa)) {
        mantissa *= 2;
        exponent -= 1;
    }
    const shift = ((exponent % 61) + 61) % 61;
    let hash = (BigInt (mantissa) % modulus << BigInt (shift)) % modulus;
    if (value < 0) {
        hash = -hash;
    }
    if (hash == BigInt (-1)) {
        hash = BigInt (-2);
    }
    return __words__ (hash < BigInt (0) ? hash + (BigInt (1) << BigInt (64)) : hash);
}
""")


def seed(a=None):
    if a == None:  # noqa: E711
        a = Math.floor(Math.random() * 9007199254740992)
    if __typeof__(a) == "string":
        __init_by_array__(__str_key__(a))
    elif __typeof__(a) == "number" and Number.isInteger(a):
        __init_by_array__(__words__(BigInt(Math.abs(a))))
    elif __typeof__(a) == "number" and isFinite(a):
        __init_by_array__(__float_key__(a))
    else:
        raise TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")


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

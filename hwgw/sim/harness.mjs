// Runs built Netscript modules for the emulator. The game state lives in the Python process; this side gives every
// running script an `ns`, holds the ports, and talks to Python over two pipes, one JSON object per line:
//   to Python (fd argv[2]):  {t:"call", p, f, a} | {t:"fs", h} | {t:"src", k} | {t:"timer", ms} | {t:"idle"}
//                            and, needing no reply, {t:"done", p, e, l} | {t:"untimer", w} | {t:"wake", w}
//                            (a port write's reader, when the game's latency is modelled: w is its wait's id)
//   from Python (fd argv[3]): replies {v} value, {e} error, {w} id of a pending promise, {d} caller is dead,
//                            plus actions {a: [...]}; the reply to "idle" also carries the clock {n} or {x} to stop,
//                            which this side answers with where its time went {wait, json, pipe, total, cpu} (ms).
// Every request waits for its reply, so this process only runs while Python waits, and virtual time moves only when
// every script is blocked: after each batch of actions we let all promise jobs run, then report "idle".
import { readSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import vm from "node:vm";

const TO_PYTHON = Number(process.argv[2]);
const FROM_PYTHON = Number(process.argv[3]);
const chunk = Buffer.alloc(1 << 16);
const decoder = new StringDecoder("utf8");
let pending = "";
let now = 0;
const realNow = performance.now.bind(performance);
const startedAt = realNow();
const wall = { wait: 0, json: 0, pipe: 0 };

function revive(key, value) {
  return value !== null && typeof value === "object" && "$n" in value ? Number(value.$n) : value;
}

function receive() {
  for (;;) {
    const end = pending.indexOf("\n");
    if (end >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      const started = realNow();
      const message = line.includes('"$n"') ? JSON.parse(line, revive) : JSON.parse(line);
      wall.json += realNow() - started;
      return message;
    }
    const started = realNow();
    const count = readSync(FROM_PYTHON, chunk, 0, chunk.length, null);
    wall.wait += realNow() - started;
    if (count === 0) process.exit(0);
    pending += decoder.write(chunk.subarray(0, count));
  }
}

// Messages that need no reply wait here and go with the next request, in one write: Python acts only on requests,
// and reads the messages in order before each.
let unsent = "";

function tell(message) {
  const started = realNow();
  unsent += JSON.stringify(message) + "\n";
  wall.json += realNow() - started;
}
process.on("exit", () => {
  if (unsent) writeSync(TO_PYTHON, unsent);  // a crash's last messages, before Python reads the end of the pipe
});

function send(message) {
  const started = realNow();
  const data = Buffer.from(unsent + JSON.stringify(message) + "\n");
  unsent = "";
  const encoded = realNow();
  let offset = 0;
  while (offset < data.length) offset += writeSync(TO_PYTHON, data, offset);
  wall.json += encoded - started;
  wall.pipe += realNow() - encoded;
}

function request(message) {
  send(message);
  const reply = receive();
  if ("n" in reply) now = reply.n;
  if (reply.a) applyActions(reply.a);
  return reply;
}

const config = receive();

// The clock scripts see.
const RealDate = Date;
globalThis.Date = class Date extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(config.epoch + Math.floor(now));
    else super(...args);
  }
  static now() {
    return config.epoch + Math.floor(now);
  }
};
performance.now = () => config.perfOrigin + now;

// A seeded Math.random (sfc32), so that runs repeat.
{
  let a = config.seed >>> 0, b = 0x9e3779b9, c = 0x243f6a88, d = 0xb7e15162;
  Math.random = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b | 0) + d | 0;
    d = d + 1 | 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) Math.random();
}

class ScriptDeath extends Error {
  constructor(script) {
    super(`${script.path} (pid ${script.pid}) was killed`);
    this.name = "ScriptDeath";
  }
}

// A killed script's promises that nothing awaits (a loop started without await) reject with ScriptDeath; the game
// ignores such rejections, so the emulator does too instead of stopping.
process.on("unhandledRejection", (reason) => {
  if (!(reason instanceof ScriptDeath)) throw reason;
});

// Promises waiting on Python: hack/grow/weaken/sleep landings and timers.
const waits = new Map();

globalThis.setTimeout = (callback, ms = 0, ...args) => {
  const id = request({ t: "timer", ms: Number(ms) || 0 }).w;
  waits.set(id, { timer: () => callback(...args) });
  return id;
};
globalThis.clearTimeout = (id) => {
  if (waits.delete(id)) tell({ t: "untimer", w: id });
};
const intervals = new Map();
globalThis.setInterval = (callback, ms = 0, ...args) => {
  const state = {};
  const tick = () => {
    state.id = globalThis.setTimeout(tick, ms);
    callback(...args);
  };
  state.id = globalThis.setTimeout(tick, ms);
  intervals.set(state, true);
  return state;
};
globalThis.clearInterval = (state) => {
  if (state && intervals.delete(state)) globalThis.clearTimeout(state.id);
};

// Ports: global, numbered, holding structured clones.
const ports = new Map();
const portWaiters = new Map();

function portOf(fn, number) {
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new Error(`${fn}: invalid port ${JSON.stringify(number)}; use a positive whole number`);
  }
  let data = ports.get(number);
  if (!data) ports.set(number, (data = []));
  return data;
}

function copyForPort(value) {
  return typeof value === "object" && value !== null ? structuredClone(value) : value;
}

// A port wake's wait gets its id here, without a round trip to Python, whose ids for its waits are positive.
let lastWake = 0;

function notifyPort(number) {
  const waiting = portWaiters.get(number);
  if (waiting) {
    portWaiters.delete(number);
    for (const resolve of waiting) {
      if (config.portWake) {
        waits.set(--lastWake, { timer: resolve });
        tell({ t: "wake", w: lastWake });
      } else resolve();
    }
  }
}

const portFunctions = {
  writePort(number, value) {
    const data = portOf("writePort", number);
    data.push(copyForPort(value));
    notifyPort(number);
    return data.length > config.portCapacity ? data.shift() : null;
  },
  tryWritePort(number, value) {
    const data = portOf("tryWritePort", number);
    if (data.length >= config.portCapacity) return false;
    data.push(copyForPort(value));
    notifyPort(number);
    return true;
  },
  readPort(number) {
    const data = portOf("readPort", number);
    return data.length ? data.shift() : "NULL PORT DATA";
  },
  peek(number) {
    const data = portOf("peek", number);
    return data.length ? data[0] : "NULL PORT DATA";
  },
  clearPort(number) {
    portOf("clearPort", number).length = 0;
  },
  nextPortWrite(number) {
    portOf("nextPortWrite", number);
    return new Promise((resolve) => {
      if (!portWaiters.has(number)) portWaiters.set(number, []);
      portWaiters.get(number).push(resolve);
    });
  },
  isFullPort(number) {
    return portOf("isFullPort", number).length >= config.portCapacity;
  },
  isEmptyPort(number) {
    return portOf("isEmptyPort", number).length === 0;
  },
  getPortHandle(number) {
    portOf("getPortHandle", number);
    const f = portFunctions;
    return {
      n: number,
      write: (value) => f.writePort(number, value),
      tryWrite: (value) => f.tryWritePort(number, value),
      read: () => f.readPort(number),
      peek: () => f.peek(number),
      nextWrite: () => f.nextPortWrite(number),
      full: () => f.isFullPort(number),
      empty: () => f.isEmptyPort(number),
      clear: () => f.clearPort(number),
    };
  },
};

// Modules: one instance per (set of script files on a host, path), so identical copies share module state.
const sources = new Map();
const listings = new Map();
const instances = new Map();
const origins = new WeakMap();

function resolvePath(specifier, from) {
  let parts;
  if (specifier.startsWith("/")) parts = specifier.slice(1).split("/");
  else if (specifier.startsWith("./") || specifier.startsWith("../")) {
    parts = from.split("/").slice(0, -1).concat(specifier.split("/"));
  } else parts = specifier.split("/");
  const out = [];
  for (const part of parts) {
    if (part === "..") {
      if (!out.length) return null;
      out.pop();
    } else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

function moduleFor(host, signature, path) {
  const key = `${signature}\0${path}`;
  let module = instances.get(key);
  if (module) return module;
  let listing = listings.get(signature);
  if (!listing) listings.set(signature, (listing = request({ t: "fs", h: host }).v));
  const hash = listing[path];
  if (!hash) throw new Error(`Invalid module: "${path}" does not exist on ${host}`);
  let source = sources.get(hash);
  if (source === undefined) sources.set(hash, (source = request({ t: "src", k: hash }).v));
  module = new vm.SourceTextModule(source, { identifier: `${host}/${path}` });
  origins.set(module, { host, signature, path });
  instances.set(key, module);
  return module;
}

async function link(specifier, referencing) {
  const { host, signature, path } = origins.get(referencing);
  const target = resolvePath(specifier, path);
  if (target === null) throw new Error(`Invalid module: "${specifier}" imported by ${path} leaves the root`);
  return moduleFor(host, signature, target);
}

const ready = new WeakMap();
// Node cannot link two module graphs that share a module at the same time ("request for ... is not in cache"), so
// scripts starting together link one after another.
let linking = Promise.resolve();

function load(host, signature, path) {
  const module = moduleFor(host, signature, path);
  let promise = ready.get(module);
  if (!promise) {
    promise = (async () => {
      const linked = linking.then(() => (module.status === "unlinked" ? module.link(link) : undefined));
      linking = linked.catch(() => undefined);
      await linked;
      await module.evaluate();
      return module.namespace;
    })();
    ready.set(module, promise);
  }
  return promise;
}

// Running scripts.
const scripts = new Map();
const EXEMPT = new Set(["asleep"]);
const LOG_LINES = 50;

function describe(error) {
  if (error instanceof Error) return error.stack || `${error.name}: ${error.message}`;
  return String(error);
}

function callPython(script, name, args) {
  if (script.dead) throw new ScriptDeath(script);
  if (script.running && !EXEMPT.has(name)) {
    throw new Error(
      `${name}: concurrent calls to Netscript functions are not allowed; ${script.running}() is still running ` +
        `in ${script.path} (pid ${script.pid}). Did you forget to await a promise-returning ns function?`,
    );
  }
  const reply = request({ t: "call", p: script.pid, f: name, a: args });
  if (reply.d || script.dead) {
    script.dead = true;
    throw new ScriptDeath(script);
  }
  if ("e" in reply) throw new Error(`${name}: ${reply.e}`);
  if ("w" in reply) {
    if (!EXEMPT.has(name)) script.running = name;
    return new Promise((resolve, reject) => waits.set(reply.w, { resolve, reject, script, name }));
  }
  return reply.v;
}

const existing = new Set(config.known);

function missing(path) {
  const thrower = () => {
    if (existing.has(path)) throw new Error(`ns.${path}: exists in the game but hwgw sim does not emulate it`);
    throw new Error(`ns.${path}: not a Netscript function in game v${config.version}`);
  };
  return new Proxy(thrower, {
    get: (target, key) => (typeof key === "symbol" || key === "then" ? undefined : missing(`${path}.${key}`)),
  });
}

// What an ns member resolves to: a function served by Python, one of the local ones below, or a namespace.
const served = new Set(config.functions);
const spaces = new Set();
for (const name of config.functions) {
  const parts = name.split(".");
  for (let i = 1; i < parts.length; i++) spaces.add(parts.slice(0, i).join("."));
}

// Members that need no trip to Python, each made for one script.
const local = {
  args: (script) => script.args.slice(),
  pid: (script) => script.pid,
  print: (script) => (...parts) => logLine(script, text(parts)),
  tprint: (script) => (...parts) => callPython(script, "tprint", [text(parts)]),
  toast: (script) => (message, variant = "success", duration = 2000) =>
    callPython(script, "toast", [String(message), variant, duration]),
  disableLog: (script) => (name) => script.quiet.add(name),
  enableLog: (script) => (name) => script.quiet.delete(name),
  isLogEnabled: (script) => (name) => !script.quiet.has(name) && !script.quiet.has("ALL"),
  clearLog: (script) => () => (script.log.length = 0),
  getScriptLogs: (script) => () => script.log.slice(),
  getScriptName: (script) => () => script.path,
  atExit: (script) => (callback, id = "default") => script.atExit.set(id, callback),
  exit: (script) => () => {
    callPython(script, "exit", []);
    throw new ScriptDeath(script);
  },
};
for (const [name, fn] of Object.entries(portFunctions)) local[name] = () => fn;
const VALUES = new Set(["args", "pid"]);

function member(script, path) {
  if (Object.hasOwn(local, path)) {
    const made = local[path](script);
    if (VALUES.has(path) || path === "exit") return made;
    return (...args) => {
      if (script.dead) throw new ScriptDeath(script);
      return made(...args);
    };
  }
  if (served.has(path)) return (...args) => callPython(script, path, args);
  if (spaces.has(path)) return namespace(script, `${path}.`);
  return missing(path);
}

// The names directly under each namespace prefix ("" for ns itself).
const children = new Map();
for (const name of [...config.functions, ...spaces, ...Object.keys(local)]) {
  const dot = name.lastIndexOf(".");
  const prefix = dot < 0 ? "" : name.slice(0, dot + 1);
  if (!children.has(prefix)) children.set(prefix, new Set());
  children.get(prefix).add(name.slice(dot + 1));
}

// ns and its namespaces are built lazily: a script that uses three functions pays for three. They behave like plain
// objects (Object.prototype members work, as Transcrypt's keyword-argument check needs), and any other name gives a
// function that throws an error naming it.
function namespace(script, prefix) {
  const names = children.get(prefix) || new Set();
  const made = new Map();
  const value = (key) => {
    if (!made.has(key)) made.set(key, member(script, prefix + key));
    return made.get(key);
  };
  return new Proxy({}, {
    get(target, key) {
      if (made.has(key) || names.has(key)) return value(key);
      if (typeof key === "symbol" || key in Object.prototype) return Reflect.get(target, key);
      if (key === "then" || key === "toJSON") return undefined;
      return value(key);
    },
    set(target, key, assigned) {
      made.set(key, assigned);
      return true;
    },
    has: (target, key) => made.has(key) || names.has(key) || key in target,
    ownKeys: () => [...new Set([...names, ...made.keys()])],
    getOwnPropertyDescriptor(target, key) {
      if (!made.has(key) && !names.has(key)) return undefined;
      return { value: value(key), writable: true, enumerable: true, configurable: true };
    },
  });
}

function makeNs(script) {
  return namespace(script, "");
}

function text(parts) {
  return parts.map((part) => (typeof part === "object" && part !== null ? JSON.stringify(part) : String(part))).join("");
}

function logLine(script, line) {
  script.log.push(line);
  if (script.log.length > LOG_LINES) script.log.shift();
}

function runAtExit(script) {
  const callbacks = [...script.atExit.values()];
  script.atExit.clear();
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      logLine(script, `atExit: ${describe(error)}`);
    }
  }
}

async function startScript(pid, host, signature, path, args, threads) {
  const script = { pid, host, path, args, threads, dead: false, running: null, log: [], quiet: new Set(),
    atExit: new Map() };
  scripts.set(pid, script);
  let error = null;
  try {
    await null;
    const exports = await load(host, signature, path);
    if (typeof exports.main !== "function") throw new Error(`${path} does not export a function main(ns)`);
    await exports.main(makeNs(script));
  } catch (caught) {
    error = caught;
  }
  scripts.delete(pid);
  if (script.dead) return;
  script.running = null;
  runAtExit(script);
  script.dead = true;
  const failed = error && !(error instanceof ScriptDeath);
  tell({ t: "done", p: pid, e: failed ? describe(error) : null, l: failed ? script.log : [] });
}

function kill(pid) {
  const script = scripts.get(pid);
  if (!script || script.dead) return;
  scripts.delete(pid);
  runAtExit(script);
  script.dead = true;
  for (const [id, wait] of waits) {
    if (wait.script === script) {
      waits.delete(id);
      wait.reject(new ScriptDeath(script));
    }
  }
}

function applyActions(actions) {
  for (const action of actions) {
    switch (action[0]) {
      case "s":
        startScript(...action.slice(1));
        break;
      case "r": {
        const wait = waits.get(action[1]);
        if (!wait) break;
        waits.delete(action[1]);
        if (wait.timer) {
          try {
            wait.timer();
          } catch (error) {
            process.stderr.write(`uncaught error in a timer callback: ${describe(error)}\n`);
          }
        } else {
          wait.script.running = null;
          wait.resolve(action[2]);
        }
        break;
      }
      case "k":
        kill(action[1]);
        break;
      default:
        throw new Error(`unknown action ${JSON.stringify(action)}`);
    }
  }
}

for (;;) {
  await new Promise((resolve) => setImmediate(resolve));
  const reply = request({ t: "idle" });
  if (reply.x) break;
}
const cpu = process.cpuUsage();
send({ ...wall, total: realNow() - startedAt, cpu: (cpu.user + cpu.system) / 1000 });
process.exit(0);

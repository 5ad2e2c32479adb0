// Node module hooks: resolve the game's root-absolute imports ("/hwgw/lib/runtime.js") inside the folder named by
// HWGW_GAME_ROOT, the way the game resolves them on a server.
import { register } from "node:module";
import { pathToFileURL } from "node:url";

const root = pathToFileURL((process.env.HWGW_GAME_ROOT || ".").replace(/\/*$/, "/")).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith("/") && !specifier.startsWith("//")) {
    return nextResolve(new URL(specifier.slice(1), root).href, context);
  }
  return nextResolve(specifier, context);
}

if (!process.env.HWGW_LOADER_REGISTERED) {
  process.env.HWGW_LOADER_REGISTERED = "1";
  register(import.meta.url);
}

import type { Command } from "commander";
import { register as ner } from "./ner.js";
import { register as attribution } from "./attribution.js";
import { register as ingest } from "./ingest.js";
import { register as actors } from "./actors.js";
import { register as actor } from "./actor.js";
import { register as claims } from "./claims.js";
import { register as search } from "./search.js";
import { register as worker } from "./worker.js";
import { register as timex } from "./timex.js";
import { register as seed } from "./seed.js";
import { register as exportCommand } from "./export.js";
import { register as serve } from "./serve.js";
import { register as token } from "./token.js";
import { register as extract } from "./extract.js";
import { register as watch } from "./watch.js";
import { register as places } from "./places.js";
import { register as events } from "./events.js";
import { register as plover } from "./plover.js";

/** Each command module adds its commands to the program; add one line per module here. */
type Register = (program: Command) => void;

const modules: Register[] = [seed, attribution, timex, ingest, actors, actor, claims, search, worker, ner, exportCommand, extract, watch, serve, token, places, events, plover];

export function registerCommands(program: Command): void {
  for (const register of modules) register(program);
}

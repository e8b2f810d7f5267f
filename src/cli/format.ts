/** Plain-text rendering shared by the store commands: stable, one item per line, source words quoted. */
import type { Store } from "../graph/store.js";
import type { Actor, Provenance } from "../model/index.js";

/** Resolves actor ids to names for display, caching look-ups. */
export class ActorNames {
  private readonly cache = new Map<string, string>();
  constructor(
    private readonly store: Store,
    known: Record<string, Actor> = {},
  ) {
    for (const actor of Object.values(known)) this.cache.set(actor.id, actor.name);
  }

  async name(id: string | null): Promise<string> {
    if (id === null) return "-";
    let name = this.cache.get(id);
    if (name === undefined) {
      name = (await this.store.findActor(id))?.name ?? id;
      this.cache.set(id, name);
    }
    return name;
  }
}

/** `“source words” (doc-…, 120-170)`, whitespace collapsed so each stays one line. */
export function formatProvenance(p: Provenance): string {
  return `\u201c${oneLine(p.text)}\u201d (${p.document}, ${p.start}-${p.end})`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function actorLabel(actor: Actor): string {
  return `${actor.name} (${actor.type}${actor.subtype ? `, ${actor.subtype}` : ""})`;
}

/** Lines for an item: the header line after its date, then its source words indented beneath. */
export function itemLines(date: string, header: string, provenance: Provenance[], indent = "  "): string[] {
  const pad = `${indent}${" ".repeat(date.length + 2)}`;
  return [`${indent}${date}  ${header}`, ...provenance.map((p) => `${pad}${formatProvenance(p)}`)];
}

export function suffixes(parts: { time?: string; attributedTo?: string; extra?: string }): string {
  return [
    parts.extra ? ` ${parts.extra}` : "",
    parts.time ? ` [time: ${parts.time}]` : "",
    parts.attributedTo ? ` (claimed by ${parts.attributedTo})` : "",
  ].join("");
}

/**
 * C0 controls but tab and line breaks. Printed words come from hostile documents, and in a terminal
 * such bytes are commands (ESC [ ... recolours, hides or rewrites what is shown, sets the title).
 * JSON and GraphML output never hold them raw, so exports written to stdout are unchanged.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, "\uFFFD");
}

/** Makes every string written to `stream` terminal-safe. */
export function guardTerminal(stream: NodeJS.WritableStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === "string" ? terminalSafe(chunk) : chunk, ...rest)) as typeof stream.write;
}

import type { Component } from "./doc.js";
import { analyseDoc } from "./pipeline.js";

/**
 * For the event components' tests: the events `component` adds to what the `earlier` components read of `text`,
 * as "TYPE source -> target (claimed by X)" by entity name.
 */
export function eventsAdded(component: Component, text: string, earlier: Component[]): string[] {
  const doc = analyseDoc({ id: "doc", date: "2024-05-02", text, sha256: "" }, earlier);
  const before = new Set(doc.events);
  component.run(doc);
  const name = (id: string | null) => (id ? doc.entity(id)!.name : "-");
  return doc.events.filter((e) => !before.has(e)).map((e) => `${e.type} ${name(e.source)} -> ${name(e.target)}${e.attributed_to ? ` (claimed by ${name(e.attributed_to)})` : ""}`);
}

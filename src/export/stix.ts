import { createHash } from "node:crypto";
import worldCountries, { type Country } from "world-countries";
import type { Actor, Claim, Document, Event, GraphExport, Provenance, Relation } from "../model/index.js";
import { timexToTimestamp } from "./timestamp.js";

/**
 * STIX 2.1 export of a GraphExport. Pure: the same graph always gives the same bundle
 * (ids are UUIDv5 of stable keys, timestamps come from the documents' dates).
 *
 * Mapping:
 * - armed groups (ORG/armed_group) → threat-actor; persons tied to an armed group by a
 *   document-asserted membership/leadership/founding → threat-actor; other persons → identity (individual);
 * - states (GPE other than city/region) → identity (organization, government-national) for what they do,
 *   plus a location for where things are; cities, regions and LOC → location only;
 *   other organisations and publications → identity (organization);
 * - relations and events the document asserts, between two actors → relationship (start_time from the time);
 * - relations and events an actor only claims (attributed_to), or without an object → note;
 * - claims → note authored by the speaker, applied to the speaker and the actors it is about;
 * - each document → report whose object_refs are the objects read from it.
 */

export type StixObject = { type: string; id: string; [property: string]: unknown };

export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

/** Namespace of Dossier's UUIDv5 identifiers (a fixed random UUID). */
const DOSSIER_NAMESPACE = "1b671a64-40d5-491e-99b0-da01ff1f3341";
/** A fixed date for the producer identity so that it is identical in every bundle. */
const PRODUCER_CREATED = "2026-01-01T00:00:00.000Z";

export function uuidV5(name: string, namespace = DOSSIER_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(`${type}|${key}`)}`;
}

/** STIX region-ov values for world-countries' subregions; continents otherwise. */
const SUBREGION_OV: Record<string, string> = {
  Caribbean: "caribbean",
  "Southern Asia": "southern-asia",
  "Middle Africa": "middle-africa",
  "Northern Europe": "northern-europe",
  "Southeast Europe": "southern-europe",
  "Southern Europe": "southern-europe",
  "Western Asia": "western-asia",
  "South America": "south-america",
  Polynesia: "polynesia",
  "Australia and New Zealand": "australia-new-zealand",
  "Eastern Africa": "eastern-africa",
  "Western Europe": "western-europe",
  "Western Africa": "western-africa",
  "Eastern Europe": "eastern-europe",
  "Central America": "central-america",
  "North America": "northern-america",
  "South-Eastern Asia": "south-eastern-asia",
  "Southern Africa": "southern-africa",
  "Eastern Asia": "eastern-asia",
  "Northern Africa": "northern-africa",
  Melanesia: "melanesia",
  Micronesia: "micronesia",
  "Central Asia": "central-asia",
};
const REGION_OV: Record<string, string> = {
  Africa: "africa",
  Americas: "americas",
  Asia: "asia",
  Europe: "europe",
  Oceania: "oceania",
  Antarctic: "antarctica",
};

// world-countries is CommonJS: at run time its default import is the array its types call `default`.
const countries = worldCountries as unknown as Country[];
let countryIndex: Map<string, Country> | undefined;

function findCountry(names: string[]): Country | undefined {
  if (!countryIndex) {
    countryIndex = new Map();
    for (const country of countries) {
      for (const name of [country.name.common, country.name.official, ...country.altSpellings]) {
        // Two-letter alt spellings ("US") are codes; they collide with ordinary words only in lower case.
        if (name.length > 2) countryIndex.set(name.toLowerCase(), country);
      }
      countryIndex.set(country.cca3.toLowerCase(), country);
    }
    countryIndex.set("us", countries.find((c) => c.cca2 === "US")!);
    countryIndex.set("uk", countries.find((c) => c.cca2 === "GB")!);
  }
  for (const name of names) {
    const country = countryIndex.get(name.trim().replace(/^the\s+/i, "").toLowerCase());
    if (country) return country;
  }
  return undefined;
}

type ActorKind = "threat-actor" | "identity" | "state" | "place";

const MEMBERSHIP: ReadonlySet<string> = new Set(["member_of", "leader_of", "founded", "affiliate_of"]);
const PLACE_PREDICATES: ReadonlySet<string> = new Set(["based_in", "operates_in", "located_in", "lives_in"]);

function actorKind(actor: Actor, armedGroupMembers: Set<string>): ActorKind {
  switch (actor.type) {
    case "ORG":
      return actor.subtype === "armed_group" ? "threat-actor" : "identity";
    case "PER":
      return armedGroupMembers.has(actor.id) ? "threat-actor" : "identity";
    case "GPE":
      return actor.subtype === "city" || actor.subtype === "region" ? "place" : "state";
    case "LOC":
      return "place";
    case "WORK":
      return "identity";
  }
}

const SECTORS: Record<string, string[]> = {
  government: ["government-national"],
  military: ["defense"],
  media: ["communications"],
  periodical: ["communications"],
  company: ["commercial"],
};

interface Span {
  created: string;
  modified: string;
}

/** Collects the document dates that support each object, for created/modified. */
class DateSpans {
  private readonly spans = new Map<string, Span>();
  constructor(readonly fallback: string) {}
  add(key: string, date: string | undefined): void {
    if (!date) return;
    const span = this.spans.get(key);
    if (!span) this.spans.set(key, { created: date, modified: date });
    else {
      if (date < span.created) span.created = date;
      if (date > span.modified) span.modified = date;
    }
  }
  get(key: string): Span {
    return this.spans.get(key) ?? { created: this.fallback, modified: this.fallback };
  }
}

function provenanceOut(provenance: Provenance[], documents: Map<string, StixObject>): Record<string, unknown>[] {
  return provenance.map((p) => ({
    document: p.document,
    ...(documents.has(p.document) ? { report_ref: documents.get(p.document)!.id } : {}),
    start: p.start,
    end: p.end,
    text: p.text,
  }));
}

function compact<T extends Record<string, unknown>>(object: T): T {
  for (const [key, value] of Object.entries(object)) {
    // STIX forbids empty lists and empty strings carry nothing.
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete object[key];
  }
  return object;
}

/**
 * A document's URL as the RFC 3986 URI STIX requires (non-ASCII hosts and paths, spaces, `|` or `{`
 * in feeds and CSV rows are percent-encoded); left out when it is no absolute URL at all ("www.x.com/a").
 */
export function stixUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  return new URL(url).href
    .replace(/%(?![0-9A-Fa-f]{2})/g, "%25")
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

function percent(confidence: number | undefined): number | undefined {
  if (confidence === undefined || !Number.isFinite(confidence)) return undefined;
  return Math.max(0, Math.min(100, Math.round(confidence * 100)));
}

function provenanceKey(provenance: Provenance[], documentKeys: Map<string, string>): string {
  return provenance.map((p) => `${documentKeys.get(p.document) ?? p.document}:${p.start}-${p.end}`).join(",");
}

export function toStixBundle(graph: GraphExport): StixBundle {
  const documentsById = new Map<string, Document>(graph.documents.map((d) => [d.id, d]));
  const documentKeys = new Map(graph.documents.map((d) => [d.id, d.sha256]));
  const documentStamp = (id: string) => {
    const date = documentsById.get(id)?.date;
    return date ? timexToTimestamp(date) : undefined;
  };
  const allStamps = graph.documents.map((d) => timexToTimestamp(d.date)).filter((s): s is string => !!s).sort();
  const dates = new DateSpans(allStamps[0] ?? PRODUCER_CREATED);

  const producer: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: stixId("identity", "producer:dossier"),
    created: PRODUCER_CREATED,
    modified: PRODUCER_CREATED,
    name: "Dossier",
    identity_class: "system",
    description: "Knowledge graph extracted automatically from dated reports.",
  };
  const common = (type: string, id: string, key: string) => ({
    type,
    spec_version: "2.1",
    id,
    ...dates.get(key),
    created_by_ref: producer.id,
  });

  const actorsById = new Map(graph.actors.map((a) => [a.id, a]));
  const armedGroupMembers = new Set(
    graph.relations
      .filter(
        (r) =>
          r.attributed_to === null &&
          MEMBERSHIP.has(r.predicate) &&
          r.object !== null &&
          actorsById.get(r.object)?.subtype === "armed_group",
      )
      .map((r) => r.subject),
  );

  // Dates first: every item's documents date it and the actors at its ends.
  const itemActors = (item: { endpoints: (string | null)[]; provenance: Provenance[] }, key: string) => {
    for (const p of item.provenance) {
      const date = documentStamp(p.document);
      dates.add(key, date);
      for (const actor of item.endpoints) if (actor) dates.add(`actor:${actor}`, date);
    }
  };
  const relationKey = (r: Relation) =>
    `relation:${r.subject}|${r.predicate}|${r.object ?? ""}|${r.role ?? ""}|${r.time ?? ""}|${r.attributed_to ?? ""}|${provenanceKey(r.provenance, documentKeys)}`;
  const eventKey = (e: Event) =>
    `event:${e.type}|${e.source}|${e.target ?? ""}|${e.time ?? ""}|${e.attributed_to ?? ""}|${provenanceKey(e.provenance, documentKeys)}`;
  const claimKey = (c: Claim) => `claim:${c.speaker}|${c.about.join(",")}|${c.cue}|${provenanceKey(c.provenance, documentKeys)}`;
  for (const r of graph.relations) itemActors({ endpoints: [r.subject, r.object, r.attributed_to], provenance: r.provenance }, relationKey(r));
  for (const e of graph.events) itemActors({ endpoints: [e.source, e.target, e.attributed_to], provenance: e.provenance }, eventKey(e));
  for (const c of graph.claims) itemActors({ endpoints: [c.speaker, ...c.about], provenance: c.provenance }, claimKey(c));

  const objects: StixObject[] = [producer];
  /** STIX ids of each actor: `agent` for who acts, `place` for where (a state has both). */
  const refs = new Map<string, { agent?: string; place?: string }>();
  for (const actor of graph.actors) {
    const key = `actor:${actor.id}`;
    const kind = actorKind(actor, armedGroupMembers);
    const aliases = actor.aliases.filter((alias) => alias !== actor.name);
    const description = `${actor.type}${actor.subtype ? ` (${actor.subtype})` : ""} read by Dossier`;
    const extra = { x_dossier_actor_id: actor.id, x_dossier_type: actor.type, x_dossier_subtype: actor.subtype };
    const ref: { agent?: string; place?: string } = {};
    if (kind === "threat-actor") {
      const id = stixId("threat-actor", key);
      objects.push(compact({ ...common("threat-actor", id, key), name: actor.name, description, aliases, ...extra }));
      ref.agent = id;
    } else if (kind === "identity" || kind === "state") {
      const id = stixId("identity", key);
      const sectors = kind === "state" ? ["government-national"] : SECTORS[actor.subtype ?? ""];
      objects.push(
        compact({
          ...common("identity", id, key),
          name: actor.name,
          description,
          identity_class: actor.type === "PER" ? "individual" : "organization",
          sectors,
          x_dossier_aliases: aliases,
          ...extra,
        }),
      );
      ref.agent = id;
    }
    if (kind === "state" || kind === "place") {
      const id = stixId("location", key);
      objects.push(compact({ ...common("location", id, key), name: actor.name, description, ...placeFields(actor, graph, actorsById), ...extra }));
      ref.place = id;
    }
    refs.set(actor.id, ref);
  }
  const agentRef = (actorId: string) => refs.get(actorId)?.agent ?? refs.get(actorId)?.place;
  const targetRef = (actorId: string, predicate: string) =>
    PLACE_PREDICATES.has(predicate) ? (refs.get(actorId)?.place ?? agentRef(actorId)) : agentRef(actorId);
  const name = (actorId: string | null) => (actorId ? (actorsById.get(actorId)?.name ?? actorId) : "");

  const reports = new Map<string, StixObject>();
  for (const document of graph.documents) {
    reports.set(document.id, { type: "report", id: stixId("report", `document:${document.sha256}`) });
  }
  const reportRefs = new Map<string, Set<string>>(graph.documents.map((d) => [d.id, new Set<string>()]));
  /** Lists an object, and the objects it refers to, in the reports of the documents it was read from. */
  const cite = (id: string, provenance: Provenance[], refsOfObject: (string | undefined)[]) => {
    for (const p of provenance) {
      const set = reportRefs.get(p.document);
      if (!set) continue;
      set.add(id);
      for (const ref of refsOfObject) if (ref) set.add(ref);
    }
  };
  const evidence = (provenance: Provenance[]) =>
    provenance.length > 0 ? `Source words: ${provenance.map((p) => `"${p.text}"`).join("; ")}` : undefined;

  /** A statement that is not a plain asserted link between two actors: claimed by someone, or one-sided. */
  const statementNote = (
    key: string,
    summary: string,
    endpoints: (string | null)[],
    attributedTo: string | null,
    provenance: Provenance[],
    extra: Record<string, unknown>,
  ) => {
    const id = stixId("note", key);
    const objectRefs = [...new Set(endpoints.filter((a): a is string => !!a).map(agentRef).filter((r): r is string => !!r))];
    if (objectRefs.length === 0) return;
    objects.push(
      compact({
        ...common("note", id, key),
        abstract: attributedTo ? `${name(attributedTo)} claims: ${summary}` : summary,
        content: evidence(provenance) ?? summary,
        authors: attributedTo ? [name(attributedTo)] : undefined,
        object_refs: objectRefs,
        x_dossier_attributed_to_ref: attributedTo ? agentRef(attributedTo) : undefined,
        x_dossier_provenance: provenanceOut(provenance, reports),
        ...extra,
      }),
    );
    cite(id, provenance, [...objectRefs, attributedTo ? agentRef(attributedTo) : undefined]);
  };

  /** A link between two actors: a relationship when the document asserts it, else a note (see statementNote). */
  interface Link {
    key: string;
    type: string;
    summary: string;
    from: string;
    to: string | null;
    /** STIX ids of the two ends, when both resolve. */
    source?: string;
    target?: string;
    time?: string;
    attributedTo: string | null;
    provenance: Provenance[];
    extra: Record<string, unknown>;
  }
  const link = (l: Link) => {
    if (l.attributedTo !== null || !l.source || !l.target) {
      statementNote(l.key, l.summary, [l.from, l.to], l.attributedTo, l.provenance, l.extra);
      return;
    }
    const id = stixId("relationship", l.key);
    objects.push(
      compact({
        ...common("relationship", id, l.key),
        relationship_type: l.type,
        source_ref: l.source,
        target_ref: l.target,
        description: [l.summary, evidence(l.provenance)].filter(Boolean).join(". "),
        start_time: l.time ? timexToTimestamp(l.time) : undefined,
        x_dossier_provenance: provenanceOut(l.provenance, reports),
        ...l.extra,
      }),
    );
    cite(id, l.provenance, [l.source, l.target]);
  };

  for (const r of graph.relations) {
    link({
      key: relationKey(r),
      type: r.predicate.replace(/_/g, "-"),
      summary: `${name(r.subject)} ${r.predicate.replace(/_/g, " ")}${r.role ? ` (${r.role})` : ""}${r.object ? ` ${name(r.object)}` : ""}${r.time ? ` [${r.time}]` : ""}`,
      from: r.subject,
      to: r.object,
      source: agentRef(r.subject),
      target: r.object ? targetRef(r.object, r.predicate) : undefined,
      time: r.time,
      attributedTo: r.attributed_to,
      provenance: r.provenance,
      extra: { x_dossier_predicate: r.predicate, x_dossier_role: r.role, x_dossier_status: r.status, x_dossier_time: r.time, confidence: percent(r.confidence) },
    });
  }
  for (const e of graph.events) {
    link({
      key: eventKey(e),
      type: e.type.toLowerCase(),
      summary: `${name(e.source)} ${e.type}${e.target ? ` ${name(e.target)}` : ""}${e.time ? ` [${e.time}]` : ""}`,
      from: e.source,
      to: e.target,
      source: agentRef(e.source),
      target: e.target ? agentRef(e.target) : undefined,
      time: e.time,
      attributedTo: e.attributed_to,
      provenance: e.provenance,
      extra: { x_dossier_plover: e.type, x_dossier_time: e.time, confidence: percent(e.confidence) },
    });
  }

  for (const claim of graph.claims) {
    const key = claimKey(claim);
    const id = stixId("note", key);
    const objectRefs = [...new Set([claim.speaker, ...claim.about].map(agentRef).filter((r): r is string => !!r))];
    if (objectRefs.length === 0) continue;
    objects.push(
      compact({
        ...common("note", id, key),
        abstract: `${name(claim.speaker)} ${claim.cue}${claim.about.length ? ` about ${claim.about.map(name).join(", ")}` : ""}`,
        content: claim.text,
        authors: [name(claim.speaker)],
        object_refs: objectRefs,
        x_dossier_claim: true,
        x_dossier_speaker_ref: agentRef(claim.speaker),
        x_dossier_cue: claim.cue,
        x_dossier_quote: claim.quote,
        x_dossier_stance: claim.stance,
        x_dossier_time: claim.time,
        x_dossier_provenance: provenanceOut(claim.provenance, reports),
      }),
    );
    cite(id, claim.provenance, objectRefs);
  }

  for (const document of graph.documents) {
    const report = reports.get(document.id)!;
    const published = timexToTimestamp(document.date) ?? PRODUCER_CREATED;
    const refsOfDocument = [...reportRefs.get(document.id)!];
    objects.push(
      compact({
        ...report,
        spec_version: "2.1",
        created: published,
        modified: published,
        created_by_ref: producer.id,
        name: document.title ?? `${document.source ?? "Document"} ${document.date}`,
        description: refsOfDocument.length ? undefined : "Nothing was extracted from this document.",
        published,
        report_types: ["threat-report"],
        // A report must reference something; an empty one names its producer.
        object_refs: refsOfDocument.length ? refsOfDocument : [producer.id],
        external_references: [
          compact({
            source_name: document.source ?? "dossier",
            external_id: document.id,
            url: stixUrl(document.url),
            hashes: { "SHA-256": document.sha256 },
          }),
        ],
        x_dossier_document_id: document.id,
      }),
    );
  }

  const bundleKey = objects.map((o) => o.id).sort().join(",");
  return { type: "bundle", id: stixId("bundle", bundleKey), objects };
}

function placeFields(actor: Actor, graph: GraphExport, actorsById: Map<string, Actor>): Record<string, unknown> {
  const country = findCountry([actor.name, ...actor.aliases]);
  if (country) {
    return { country: country.cca2, region: SUBREGION_OV[country.subregion] ?? REGION_OV[country.region] };
  }
  // A place inside a known country (an asserted located_in) gets that country.
  const container = graph.relations.find((r) => r.subject === actor.id && r.predicate === "located_in" && r.object && r.attributed_to === null);
  const containerActor = container?.object ? actorsById.get(container.object) : undefined;
  const outer = containerActor ? findCountry([containerActor.name, ...containerActor.aliases]) : undefined;
  const field = actor.subtype === "city" ? "city" : "administrative_area";
  if (outer) return { country: outer.cca2, [field]: actor.name };
  // STIX needs a region, a country or coordinates; the region vocabulary is open, so the place names itself.
  return { region: actor.name };
}

/**
 * PETRARCH's Phoenix actor dictionary as a lookup (models/phoenix-actors.json, built by
 * scripts/build-phoenix-actors.ts): which known person a name denotes, that person's date-bounded
 * roles, and how many known persons share a surname (how ambiguous a bare surname is).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normaliseAlias } from "./match.js";

const MODEL = fileURLToPath(new URL("../../models/phoenix-actors.json", import.meta.url));

/** One date-bounded role: `PAKGOV` from 2008-09-09 to 2013-09-08 (ISO dates, absent when open). */
export interface PhoenixRole {
  code: string;
  country: string;
  /** What the code's role part means ("government", "military", "elite"...), or the raw part. */
  role: string;
  from?: string;
  to?: string;
}

export interface PhoenixPerson {
  /** Stable id: the slug of the dictionary's head name. */
  id: string;
  name: string;
  names: string[];
  roles: PhoenixRole[];
}

/** CAMEO role codes as the Phoenix dictionaries use them. */
const ROLE_NAMES: Record<string, string> = {
  GOV: "government",
  MIL: "military",
  ELI: "elite",
  COP: "police",
  JUD: "judiciary",
  LEG: "legislature",
  OPP: "opposition",
  REB: "rebel",
  SPY: "intelligence",
  BUS: "business",
  EDU: "education",
  HLH: "health",
  HRI: "human rights",
  MED: "media",
  REL: "religious",
  PTY: "party",
  LAB: "labour",
  AGR: "agriculture",
  ENV: "environment",
  CRM: "criminal",
  CVL: "civilian",
  REF: "refugee",
  IGO: "international organisation",
  NGO: "non-governmental organisation",
  INS: "insurgent",
  SEP: "separatist",
  UAF: "armed forces (unidentified)",
};

type Row = [name: string, synonyms: string[], roles: [string, string, string][]];

export class PhoenixDictionary {
  private readonly byName = new Map<string, PhoenixPerson>();
  private readonly byId = new Map<string, PhoenixPerson>();
  private readonly surnames = new Map<string, number>();

  constructor(rows: Row[]) {
    const owners = new Map<string, Set<string>>();
    for (const [name, synonyms, roles] of rows) {
      const id = slugOf(name);
      if (this.byId.has(id)) continue;
      const person: PhoenixPerson = { id, name, names: [name, ...synonyms], roles: roles.map(decodeRole) };
      this.byId.set(id, person);
      const surname = normaliseAlias(name).split(" ").at(-1)!;
      this.surnames.set(surname, (this.surnames.get(surname) ?? 0) + 1);
      // Only names of two words or more: a lone "Karzai" synonym is left to the surname rule.
      for (const n of person.names) {
        const norm = normaliseAlias(n);
        if (norm.includes(" ")) owners.set(norm, (owners.get(norm) ?? new Set()).add(id));
      }
    }
    // A name two dictionary persons share identifies neither.
    for (const [norm, ids] of owners) if (ids.size === 1) this.byName.set(norm, this.byId.get([...ids][0]!)!);
  }

  /** The one known person these names denote, if they all agree on one. */
  personFor(names: string[]): PhoenixPerson | undefined {
    const found = new Set<PhoenixPerson>();
    for (const name of names) {
      const person = this.byName.get(normaliseAlias(name));
      if (person) found.add(person);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  person(id: string): PhoenixPerson | undefined {
    return this.byId.get(id);
  }

  /** How many known persons have this surname (a common one says little on its own). */
  surnameCount(surname: string): number {
    return this.surnames.get(normaliseAlias(surname)) ?? 0;
  }
}

function slugOf(name: string): string {
  return normaliseAlias(name).replace(/[^\p{L}\p{Nd}]+/gu, "-").replace(/^-|-$/g, "");
}

function decodeRole([code, from, to]: [string, string, string]): PhoenixRole {
  const part = code.slice(3, 6);
  const role: PhoenixRole = { code, country: code.slice(0, 3), role: ROLE_NAMES[part] ?? part };
  if (from) role.from = from;
  if (to) role.to = to;
  return role;
}

/** Whether an ISO date (YYYY-MM-DD) falls inside a role's bounds (inclusive, as PETRARCH reads them). */
export function roleCovers(role: PhoenixRole, date: string): boolean {
  return (!role.from || role.from <= date) && (!role.to || date <= role.to);
}

let cached: PhoenixDictionary | undefined;

export function phoenixDictionary(): PhoenixDictionary {
  cached ??= new PhoenixDictionary((JSON.parse(readFileSync(MODEL, "utf8")) as { persons: Row[] }).persons);
  return cached;
}

/** The roles PETRARCH assigns on `date`: the dated ones covering it, else the undated defaults. */
export function rolesOn(person: PhoenixPerson, date: string): PhoenixRole[] {
  const dated = person.roles.filter((role) => (role.from || role.to) && roleCovers(role, date));
  return dated.length > 0 ? dated : person.roles.filter((role) => !role.from && !role.to);
}

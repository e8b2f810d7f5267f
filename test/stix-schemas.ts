import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/** The OASIS STIX 2.1 schemas beside the repo (../shared/data), compiled with every $ref resolvable. */
export const STIX_SCHEMA_DIR = fileURLToPath(new URL("../../shared/data/stix2-json-schemas/schemas/", import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith(".json") ? [path] : [];
  });
}

export interface StixValidators {
  /** bundle.json as shipped. */
  bundle: ValidateFunction;
  /** bundle.json with the STIX 2.1 SDOs it omits from its list (see below). */
  bundleComplete: ValidateFunction;
  byType: (type: string) => ValidateFunction | undefined;
}

export function stixValidators(): StixValidators {
  // The schemas write "\\-" in patterns, which the u flag rejects.
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is CommonJS; its default export is the plugin function.
  const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
  addFormats(ajv);
  // idn-hostname (in domain-name observables) is not in ajv-formats; Dossier emits no observables.
  ajv.addFormat("idn-hostname", true);
  const ids = new Map<string, string>();
  for (const file of jsonFiles(STIX_SCHEMA_DIR)) {
    const schema = JSON.parse(readFileSync(file, "utf8")) as { $id: string; title?: string };
    ajv.addSchema(schema);
    ids.set(file.slice(STIX_SCHEMA_DIR.length), schema.$id);
  }
  const get = (relative: string) => {
    const id = ids.get(relative);
    return id ? ajv.getSchema(id) : undefined;
  };
  return {
    bundle: get("common/bundle.json")!,
    bundleComplete: ajv.compile(completeBundleSchema(ids)),
    byType: (type) => get(`sdos/${type}.json`) ?? get(`sros/${type}.json`),
  };
}

/** STIX 2.1 SDOs that bundle.json (at 3bf9e69) leaves out of its list of known objects. */
export const SDOS_MISSING_FROM_BUNDLE = ["grouping", "incident", "location", "note", "opinion"];

/**
 * bundle.json lists the 2.1 SDOs in a oneOf but omits those above, so they fall to its
 * custom-object branch, where they match both core.json and cyber-observable-core.json and
 * fail that branch's oneOf: no bundle holding a location or a note can pass it. This copy adds
 * them to the list; everything else is the shipped schema.
 */
function completeBundleSchema(ids: Map<string, string>): object {
  const shipped = JSON.parse(readFileSync(join(STIX_SCHEMA_DIR, "common/bundle.json"), "utf8")) as {
    $id: string;
    properties: { objects: { items: { anyOf: [{ oneOf: { $ref: string }[] }, unknown] } } };
  };
  const known = shipped.properties.objects.items.anyOf[0].oneOf;
  for (const type of SDOS_MISSING_FROM_BUNDLE) known.push({ $ref: ids.get(`sdos/${type}.json`)! });
  return { ...shipped, $id: shipped.$id.replace(/bundle\.json$/, "bundle-complete.json") };
}

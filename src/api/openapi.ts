/** The API's OpenAPI 3.1 description, served at /openapi.json. Kept beside the routes in app.ts. */
import { ENTITY_TYPES, PLOVER_EVENT_TYPES, RELATION_PREDICATES } from "../model/index.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const array = (items: object) => ({ type: "array", items });
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(ref("Error"), description);
const query = (name: string, description: string, schema: object = { type: "string" }, required = false) => ({
  name,
  in: "query",
  required,
  description,
  schema,
});
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const limit = query("limit", "At most this many results", { type: "integer", minimum: 1, maximum: 1000 });
const page = [
  query("limit", "Results per page", { type: "integer", minimum: 1, maximum: 1000, default: 100 }),
  query("offset", "Results to skip (the next page's offset is in the Link header)", { type: "integer", minimum: 0, default: 0 }),
];
const nextLink = { Link: { description: 'The next page, as <path?query>; rel="next"; absent on the last page', schema: { type: "string" } } };
const dated = (name: string) => ({ allOf: [ref(name), { type: "object", required: ["id", "date"], properties: { id: { type: "string" }, date: { type: "string", format: "date" } } }] });

const readErrors = { "401": error("A token is required (server bound beyond loopback) or the one given is wrong") };
const writeErrors = { "401": error("No valid bearer token") };

export function openApiDocument(): object {
  return {
    openapi: "3.1.0",
    info: {
      title: "Dossier API",
      version: "0.1.0",
      summary: "A temporal, source-grounded knowledge graph of actors, relations, events and claims read from dated reports.",
      description:
        "Reading is open when the server listens on loopback; beyond loopback every /api request needs a bearer token. " +
        "Writing always needs a bearer token made by `dossier token create`. Every item carries provenance: the document and character span it was read from.",
    },
    servers: [{ url: "/" }],
    security: [{}, { bearer: [] }],
    paths: {
      "/api/search": {
        get: {
          operationId: "search",
          summary: "Search actors (names and aliases), claims (their words) and documents (full text)",
          parameters: [query("q", "Words to look for", { type: "string", minLength: 1 }, true), limit],
          responses: {
            "200": json(
              {
                type: "object",
                required: ["actors", "claims", "documents"],
                properties: { actors: array(ref("Actor")), claims: array(dated("Claim")), documents: array(ref("SearchHit")) },
              },
              "Matches of each kind",
            ),
            "400": error("No query"),
            ...readErrors,
          },
        },
      },
      "/api/actors": {
        get: {
          operationId: "listActors",
          summary: "List actors",
          parameters: [query("type", "Entity type", { type: "string", enum: [...ENTITY_TYPES] }), query("q", "Part of a name or alias"), ...page],
          responses: { "200": { ...json(array(ref("Actor")), "Actors by name, one page"), headers: nextLink }, ...readErrors },
        },
      },
      "/api/actors/{actor}": {
        get: {
          operationId: "getActor",
          summary: "An actor's dossier: aliases with their sources, relations, events, claims by and about it",
          parameters: [path("actor", "Actor id, name or alias")],
          responses: { "200": json(ref("Dossier"), "The dossier"), "404": error("No such actor"), ...readErrors },
        },
      },
      "/api/actors/{actor}/merges": {
        get: {
          operationId: "actorMerges",
          summary: "The merges into an actor (rule, score, evidence) and those undone",
          parameters: [path("actor", "Actor id, name or alias")],
          responses: { "200": json(array(ref("ActorMerge")), "Merges, oldest first"), "404": error("No such actor"), ...readErrors },
        },
      },
      "/api/actors/{actor}/merge": {
        post: {
          operationId: "mergeActors",
          summary: "Merge another actor into this one (undoable with unmerge)",
          security: [{ bearer: [] }],
          parameters: [path("actor", "Actor id, name or alias to merge into")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["from"], properties: { from: { type: "string", description: "Actor id, name or alias merged in" } } } } },
          },
          responses: { "200": json(ref("ActorMerge"), "The merge"), "400": error("The store refused the merge"), "404": error("No such actor"), ...writeErrors },
        },
      },
      "/api/actors/{actor}/unmerge": {
        post: {
          operationId: "unmergeActor",
          summary: "Undo merges into an actor: the rows they brought move to a separate actor",
          security: [{ bearer: [] }],
          parameters: [path("actor", "Actor id, name or alias")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", properties: { from: { type: "string", description: "Which merge: a document id, a merged actor id or an alias; needed when there are several" } } } } },
          },
          responses: {
            "200": json(
              { type: "object", required: ["actor", "split_into", "undone"], properties: { actor: { type: "string" }, split_into: { type: "string" }, undone: array(ref("ActorMerge")) } },
              "What was undone",
            ),
            "400": error("Nothing to undo, or say which merge"),
            "404": error("No such actor"),
            ...writeErrors,
          },
        },
      },
      "/api/claims": {
        get: {
          operationId: "listClaims",
          summary: "Claims: who said what about whom",
          parameters: [query("speaker", "Actor id, name or alias"), query("about", "Actor id, name or alias"), query("q", "Words of the claim"), ...page],
          responses: { "200": { ...json(array(dated("Claim")), "Claims by document date, one page"), headers: nextLink }, ...readErrors },
        },
      },
      "/api/documents/{id}": {
        get: {
          operationId: "getDocument",
          summary: "A document with its mentions and the relations, events and claims read from it",
          parameters: [path("id", "Document id")],
          responses: { "200": json(ref("DocumentView"), "The document"), "404": error("No such document"), ...readErrors },
        },
      },
      "/api/graph": {
        get: {
          operationId: "egoNetwork",
          summary: "The ego network of an actor",
          parameters: [
            query("actor", "Actor id, name or alias", { type: "string" }, true),
            query("depth", "Links from the actor", { type: "integer", minimum: 0, maximum: 4, default: 1 }),
            query("predicates", "Comma-separated relation predicates, PLOVER event types or `claim`"),
            query("from", "Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            query("to", "Latest date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            query("limit", "At most this many actors", { type: "integer", minimum: 1, maximum: 2000, default: 300 }),
          ],
          responses: { "200": json(ref("EgoNetwork"), "Nodes and edges"), "400": error("Bad parameter"), "404": error("No such actor"), ...readErrors },
        },
      },
      "/api/ingest": {
        get: {
          operationId: "listIngestJobs",
          summary: "Recent ingest jobs, newest first",
          responses: { "200": json(array(ref("IngestJob")), "Jobs"), ...readErrors },
        },
        post: {
          operationId: "ingest",
          summary: "Upload files to read, analyse and store (in the background)",
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["files"],
                  properties: {
                    files: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } },
                    date: { type: "string", format: "date", description: "Date for inputs that carry none" },
                    source: { type: "string", description: "Source for documents that name none" },
                  },
                },
              },
            },
          },
          responses: { "202": json(ref("IngestJob"), "The job, to poll"), "400": error("No files or a bad field"), "413": error("Upload too large"), ...writeErrors },
        },
      },
      "/api/ingest/{job}": {
        get: {
          operationId: "getIngestJob",
          summary: "Progress of an ingest job",
          parameters: [path("job", "Job id")],
          responses: { "200": json(ref("IngestJob"), "The job"), "404": error("No such job"), ...readErrors },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token from `dossier token create`" },
      },
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        Provenance: {
          type: "object",
          required: ["document", "start", "end", "text"],
          properties: {
            document: { type: "string" },
            start: { type: "integer", minimum: 0 },
            end: { type: "integer", minimum: 0 },
            text: { type: "string" },
            sentence: { type: "integer", minimum: 0 },
          },
        },
        Actor: {
          type: "object",
          required: ["id", "name", "type", "aliases"],
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            type: { type: "string", enum: [...ENTITY_TYPES] },
            subtype: { type: "string" },
            aliases: array({ type: "string" }),
          },
        },
        ActorMerge: {
          type: "object",
          required: ["id", "actor", "name", "rule", "score", "evidence", "explanation", "created_at"],
          properties: {
            id: { type: "integer" },
            actor: { type: "string" },
            document: { type: "string" },
            date: { type: "string" },
            name: { type: "string" },
            merged_actor: { type: "string" },
            rule: { type: "string" },
            score: { type: "number" },
            evidence: { type: "string" },
            explanation: { type: "string" },
            renamed_from: { type: "string" },
            created_at: { type: "string" },
            undone_at: { type: "string" },
            split_into: { type: "string" },
          },
        },
        AliasSource: {
          type: "object",
          required: ["alias", "document", "date", "global"],
          properties: { alias: { type: "string" }, document: { type: "string" }, date: { type: "string", format: "date" }, global: { type: "boolean" } },
        },
        Relation: {
          type: "object",
          required: ["subject", "predicate", "object", "attributed_to", "confidence", "provenance"],
          properties: {
            subject: { type: "string" },
            predicate: { type: "string", enum: [...RELATION_PREDICATES] },
            object: { type: ["string", "null"] },
            role: { type: "string" },
            status: { type: "string" },
            time: { type: "string", description: "TIMEX3 value" },
            attributed_to: { type: ["string", "null"], description: "null: the document asserts it; else the actor who claims it" },
            confidence: { type: "number" },
            provenance: array(ref("Provenance")),
          },
        },
        Event: {
          type: "object",
          required: ["type", "source", "target", "attributed_to", "provenance"],
          properties: {
            type: { type: "string", enum: [...PLOVER_EVENT_TYPES] },
            source: { type: "string" },
            target: { type: ["string", "null"] },
            time: { type: "string" },
            attributed_to: { type: ["string", "null"] },
            confidence: { type: ["number", "null"] },
            provenance: array(ref("Provenance")),
          },
        },
        Claim: {
          type: "object",
          required: ["speaker", "about", "cue", "text", "quote", "provenance"],
          properties: {
            speaker: { type: "string" },
            about: array({ type: "string" }),
            cue: { type: "string" },
            text: { type: "string" },
            quote: { type: "string", enum: ["direct", "indirect"] },
            stance: { type: "string", enum: ["negative", "positive", "neutral"] },
            time: { type: "string" },
            provenance: array(ref("Provenance")),
          },
        },
        Document: {
          type: "object",
          required: ["id", "date", "text", "sha256"],
          properties: {
            id: { type: "string" },
            date: { type: "string", format: "date" },
            title: { type: "string" },
            source: { type: "string" },
            url: { type: "string" },
            text: { type: "string" },
            sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
          },
        },
        Mention: {
          type: "object",
          required: ["doc", "start", "end", "text", "type"],
          properties: {
            doc: { type: "string" },
            start: { type: "integer" },
            end: { type: "integer" },
            text: { type: "string" },
            type: { type: "string", enum: [...ENTITY_TYPES] },
            actor: { type: "string" },
          },
        },
        SearchHit: {
          type: "object",
          required: ["document", "snippet", "rank"],
          properties: {
            document: {
              type: "object",
              required: ["id", "date"],
              properties: { id: { type: "string" }, date: { type: "string" }, title: { type: "string" }, source: { type: "string" }, url: { type: "string" } },
            },
            snippet: { type: "string", description: "Plain text; matches are marked with « and »" },
            rank: { type: "number" },
          },
        },
        Dossier: {
          type: "object",
          required: ["actor", "aliasSources", "relations", "events", "claimsBy", "claimsAbout", "related"],
          properties: {
            actor: ref("Actor"),
            aliasSources: array(ref("AliasSource")),
            relations: array(dated("Relation")),
            events: array(dated("Event")),
            claimsBy: array(dated("Claim")),
            claimsAbout: array(dated("Claim")),
            related: { type: "object", additionalProperties: ref("Actor") },
          },
        },
        DocumentView: {
          type: "object",
          required: ["document", "mentions", "relations", "events", "claims", "actors"],
          properties: {
            document: ref("Document"),
            mentions: array(ref("Mention")),
            relations: array(dated("Relation")),
            events: array(dated("Event")),
            claims: array(dated("Claim")),
            actors: { type: "object", additionalProperties: ref("Actor") },
          },
        },
        EgoNetwork: {
          type: "object",
          required: ["center", "nodes", "edges", "truncated"],
          properties: {
            center: { type: "string" },
            truncated: { type: "boolean" },
            nodes: array({
              type: "object",
              required: ["id", "name", "type", "depth"],
              properties: { id: { type: "string" }, name: { type: "string" }, type: { type: "string" }, subtype: { type: "string" }, depth: { type: "integer" } },
            }),
            edges: array({
              type: "object",
              required: ["id", "kind", "source", "target", "predicate", "label", "date", "attributed_to", "provenance"],
              properties: {
                id: { type: "string" },
                kind: { type: "string", enum: ["relation", "event", "claim"] },
                source: { type: "string" },
                target: { type: "string" },
                predicate: { type: "string" },
                label: { type: "string" },
                time: { type: "string" },
                date: { type: "string", format: "date" },
                attributed_to: { type: ["string", "null"] },
                provenance: array(ref("Provenance")),
              },
            }),
          },
        },
        IngestJob: {
          type: "object",
          required: ["id", "created", "status", "total", "processed", "inserted", "duplicate", "failed", "files", "documents"],
          properties: {
            id: { type: "string" },
            created: { type: "string", format: "date-time" },
            status: { type: "string", enum: ["queued", "running", "done"] },
            total: { type: "integer" },
            processed: { type: "integer" },
            inserted: { type: "integer" },
            duplicate: { type: "integer" },
            failed: { type: "integer" },
            files: array({
              type: "object",
              required: ["name", "documents", "inserted", "duplicate", "errors"],
              properties: {
                name: { type: "string" },
                documents: { type: "integer" },
                inserted: { type: "integer" },
                duplicate: { type: "integer" },
                errors: array({ type: "string" }),
              },
            }),
            documents: array({ type: "string" }),
          },
        },
      },
    },
  };
}

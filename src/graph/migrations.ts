/**
 * Versioned schema migrations, run on every open. Kysely's Migrator records applied versions in
 * `schema_migrations` and holds a lock while migrating, so concurrent openers (workers) are safe.
 * Never edit a released migration: add the next version.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        CREATE TABLE documents (
          seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          date text NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          title text,
          source text,
          url text,
          text text NOT NULL,
          sha256 text NOT NULL UNIQUE,
          ingested_at timestamptz NOT NULL DEFAULT now(),
          tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', text)
          ) STORED
        )`.execute(db);
      await sql`CREATE INDEX documents_tsv ON documents USING GIN (tsv)`.execute(db);
      await sql`CREATE INDEX documents_date ON documents (date)`.execute(db);

      await sql`
        CREATE TABLE actors (
          seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          name text NOT NULL,
          type text NOT NULL,
          subtype text,
          first_document text NOT NULL REFERENCES documents (id)
        )`.execute(db);
      await sql`CREATE INDEX actors_type ON actors (type)`.execute(db);

      await sql`
        CREATE TABLE actor_aliases (
          actor_id text NOT NULL REFERENCES actors (id),
          alias text NOT NULL,
          norm text NOT NULL,
          document_id text NOT NULL REFERENCES documents (id),
          global boolean NOT NULL
        )`.execute(db);
      // A global alias is recorded once (with its first document); an in-document one once per document.
      await sql`CREATE UNIQUE INDEX actor_aliases_global ON actor_aliases (actor_id, norm) WHERE global`.execute(db);
      await sql`CREATE UNIQUE INDEX actor_aliases_local ON actor_aliases (actor_id, norm, document_id) WHERE NOT global`.execute(db);
      await sql`CREATE INDEX actor_aliases_match ON actor_aliases (norm) WHERE global`.execute(db);

      await sql`
        CREATE TABLE mentions (
          document_id text NOT NULL REFERENCES documents (id),
          start integer NOT NULL,
          "end" integer NOT NULL,
          text text NOT NULL,
          type text NOT NULL,
          actor_id text REFERENCES actors (id)
        )`.execute(db);
      await sql`CREATE INDEX mentions_document ON mentions (document_id)`.execute(db);
      await sql`CREATE INDEX mentions_actor ON mentions (actor_id)`.execute(db);

      await sql`
        CREATE TABLE relations (
          seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          document_id text NOT NULL REFERENCES documents (id),
          subject text NOT NULL REFERENCES actors (id),
          predicate text NOT NULL,
          object text REFERENCES actors (id),
          role text,
          status text,
          time text,
          attributed_to text REFERENCES actors (id),
          confidence double precision NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX relations_subject ON relations (subject)`.execute(db);
      await sql`CREATE INDEX relations_object ON relations (object)`.execute(db);
      await sql`CREATE INDEX relations_attributed ON relations (attributed_to)`.execute(db);

      await sql`
        CREATE TABLE events (
          seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          document_id text NOT NULL REFERENCES documents (id),
          type text NOT NULL,
          source text NOT NULL REFERENCES actors (id),
          target text REFERENCES actors (id),
          time text,
          attributed_to text REFERENCES actors (id),
          confidence double precision
        )`.execute(db);
      await sql`CREATE INDEX events_source ON events (source)`.execute(db);
      await sql`CREATE INDEX events_target ON events (target)`.execute(db);

      await sql`
        CREATE TABLE claims (
          seq integer GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          document_id text NOT NULL REFERENCES documents (id),
          speaker text NOT NULL REFERENCES actors (id),
          cue text NOT NULL,
          text text NOT NULL,
          quote text NOT NULL CHECK (quote IN ('direct', 'indirect')),
          stance text,
          time text
        )`.execute(db);
      await sql`CREATE INDEX claims_speaker ON claims (speaker)`.execute(db);

      await sql`
        CREATE TABLE claim_about (
          claim_id text NOT NULL REFERENCES claims (id),
          position integer NOT NULL,
          actor_id text NOT NULL REFERENCES actors (id),
          PRIMARY KEY (claim_id, position)
        )`.execute(db);
      await sql`CREATE INDEX claim_about_actor ON claim_about (actor_id)`.execute(db);

      await sql`
        CREATE TABLE provenance (
          seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          item_id text NOT NULL,
          document_id text NOT NULL REFERENCES documents (id),
          sentence integer,
          start integer NOT NULL,
          "end" integer NOT NULL,
          text text NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX provenance_item ON provenance (item_id)`.execute(db);

      await sql`
        CREATE TABLE timexes (
          document_id text NOT NULL REFERENCES documents (id),
          start integer NOT NULL,
          "end" integer NOT NULL,
          text text NOT NULL,
          type text NOT NULL,
          value text NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX timexes_document ON timexes (document_id)`.execute(db);
    },
  },
  "0002_places_and_event_clusters": {
    // Geocoded places (resolve/geo) and cross-document event clusters (resolve/events).
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        CREATE TABLE places (
          actor_id text PRIMARY KEY REFERENCES actors (id),
          name text NOT NULL,
          lat double precision NOT NULL,
          lon double precision NOT NULL,
          country_code text,
          feature_type text NOT NULL,
          admin_code text,
          approximate boolean NOT NULL DEFAULT false,
          score double precision NOT NULL,
          reason text NOT NULL,
          alternatives jsonb NOT NULL,
          document_id text NOT NULL REFERENCES documents (id)
        )`.execute(db);
      await sql`
        CREATE TABLE event_places (
          event_id text PRIMARY KEY REFERENCES events (id),
          mention text NOT NULL,
          name text NOT NULL,
          lat double precision NOT NULL,
          lon double precision NOT NULL,
          country_code text,
          feature_type text NOT NULL,
          approximate boolean NOT NULL DEFAULT false,
          reason text NOT NULL
        )`.execute(db);
      await sql`
        CREATE TABLE event_figures (
          event_id text NOT NULL REFERENCES events (id),
          kind text NOT NULL,
          value bigint NOT NULL,
          qualifier text,
          text text NOT NULL,
          start integer NOT NULL,
          "end" integer NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX event_figures_event ON event_figures (event_id)`.execute(db);
      await sql`
        CREATE TABLE event_clusters (
          event_id text PRIMARY KEY REFERENCES events (id),
          cluster_id text NOT NULL,
          rule text,
          score double precision,
          explanation text
        )`.execute(db);
      await sql`CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id)`.execute(db);
      // Pairs an analyst split apart; the resolver never merges them again.
      await sql`
        CREATE TABLE event_splits (
          event_a text NOT NULL REFERENCES events (id),
          event_b text NOT NULL REFERENCES events (id),
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (event_a, event_b)
        )`.execute(db);
    },
  },
  // Near-duplicate (syndicated) copies: stored as sources pointing at the document read for extraction;
  // MinHash signatures and LSH band keys of those documents find the copies (src/ingest/dedupe.ts).
  "0003_near_duplicates": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`ALTER TABLE documents ADD COLUMN duplicate_of text REFERENCES documents (id)`.execute(db);
      await sql`CREATE INDEX documents_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL`.execute(db);
      await sql`
        CREATE TABLE document_signatures (
          document_id text PRIMARY KEY REFERENCES documents (id),
          minhash bytea NOT NULL
        )`.execute(db);
      await sql`
        CREATE TABLE document_bands (
          band_key text NOT NULL,
          document_id text NOT NULL REFERENCES documents (id),
          PRIMARY KEY (band_key, document_id)
        )`.execute(db);
    },
  },
  // Explained, reversible cross-document actor merges (src/graph/actor-merges.ts): every merge with
  // its rule, score and evidence and the rows it brought; the keys that join actors across documents;
  // evidence an analyst unmerged, never used again to join the same actor.
  "0004_actor_merges": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        CREATE TABLE actor_merges (
          seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          actor_id text NOT NULL,
          document_id text REFERENCES documents (id),
          merged_actor text,
          name text NOT NULL,
          type text NOT NULL,
          subtype text,
          rule text NOT NULL,
          score double precision NOT NULL,
          evidence text NOT NULL,
          explanation text NOT NULL,
          renamed_from text,
          items jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          undone_at timestamptz,
          split_into text
        )`.execute(db);
      await sql`CREATE INDEX actor_merges_actor ON actor_merges (actor_id)`.execute(db);
      await sql`CREATE INDEX actor_merges_document ON actor_merges (document_id)`.execute(db);
      await sql`
        CREATE TABLE actor_keys (
          actor_id text NOT NULL REFERENCES actors (id),
          key text NOT NULL,
          document_id text NOT NULL REFERENCES documents (id),
          PRIMARY KEY (actor_id, key)
        )`.execute(db);
      await sql`CREATE INDEX actor_keys_key ON actor_keys (key)`.execute(db);
      await sql`
        CREATE TABLE actor_merge_blocks (
          actor_id text NOT NULL,
          evidence text NOT NULL,
          merge_seq integer REFERENCES actor_merges (seq),
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (actor_id, evidence)
        )`.execute(db);
    },
  },
  // The person-name-parts rule looks stored aliases up by their last word (a surname) at every ingest.
  "0005_actor_alias_last_word": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE INDEX actor_aliases_last_word ON actor_aliases ((regexp_replace(norm, '^.* ', '')))`.execute(db);
    },
  },
  // Ingest speed. A foreign key to documents costs every row naming a document (a dozen per document)
  // a lookup and a row lock in the documents table, and protects nothing: documents are never deleted
  // or re-keyed, and every row naming one is written by the transaction that stores it, after it
  // (src/graph/integrity.ts lists the references, which tests check). Foreign keys to actors, events
  // and claims stay: merges and unmerges move and delete those. Three indexes no query reads go too.
  "0006_no_document_foreign_keys": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        DO $$
        DECLARE fk record;
        BEGIN
          FOR fk IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint WHERE contype = 'f' AND confrelid = 'documents'::regclass LOOP
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
          END LOOP;
        END $$`.execute(db);
      await sql`DROP INDEX documents_date`.execute(db);
      await sql`DROP INDEX timexes_document`.execute(db);
      await sql`DROP INDEX actor_merges_document`.execute(db);
    },
  },
  // Every ingest batch reads the stored aliases of the persons its names may join, and readers list an
  // actor's aliases, by actor: the unique indexes are partial (global or not), so both scanned the table.
  "0007_actor_aliases_by_actor": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id)`.execute(db);
    },
  },
  // A stored document's 16 LSH band rows were the costliest rows of an ingest batch: each checked and
  // entered a unique (band_key, document_id) key. Only lookups by band key read them, and a document's
  // bands are distinct and written once, by the transaction that stores it: a plain index does.
  "0008_document_bands_by_key": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`ALTER TABLE document_bands DROP CONSTRAINT document_bands_pkey`.execute(db);
      await sql`CREATE INDEX document_bands_key ON document_bands (band_key)`.execute(db);
    },
  },
  // A tsvector holds at most 1 MB, so a long text of many distinct words (tables, lists of names,
  // book-length PDFs) could not be stored at all ("string is too long for tsvector"). Such a document
  // is now indexed for search by its first 300,000 characters (at most ~0.85 MB of vector); others whole.
  "0009_bounded_search_vector": {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`
        CREATE FUNCTION document_search_vector(title text, body text) RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        BEGIN
          -- 300,000 characters make under 1 MB of vector: no subtransaction for the usual document.
          IF length(body) + length(coalesce(title, '')) <= 300000 THEN
            RETURN setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', body);
          END IF;
          BEGIN
            RETURN setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', body);
          EXCEPTION WHEN program_limit_exceeded THEN
            RETURN setweight(to_tsvector('english', left(coalesce(title, ''), 10000)), 'A') || to_tsvector('english', left(body, 300000));
          END;
        END $$`.execute(db);
      await sql`ALTER TABLE documents DROP COLUMN tsv`.execute(db);
      await sql`ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (document_search_vector(title, text)) STORED`.execute(db);
      await sql`CREATE INDEX documents_tsv ON documents USING GIN (tsv)`.execute(db);
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to the latest version; throws if any migration fails. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`store schema migration${failed ? ` ${failed}` : ""} failed: ${reason}`);
  }
}

export const LATEST_SCHEMA_VERSION = Object.keys(MIGRATIONS).sort().at(-1) as string;

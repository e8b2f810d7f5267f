/**
 * Bearer tokens for the API's write endpoints. Only a SHA-256 of each token is kept (tokens are
 * 256 random bits, so a slow hash adds nothing), in a JSON file beside the store: `<dir>.tokens.json`
 * for an embedded store directory, `DOSSIER_TOKENS` (default `./dossier-tokens.json`) for PostgreSQL.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { isPostgresUrl } from "../graph/open.js";

export interface TokenRecord {
  id: string;
  label: string;
  created: string;
  sha256: string;
}

const TOKEN_PREFIX = "dsr_";

export function tokenFile(db: string): string {
  if (isPostgresUrl(db) || db.startsWith("memory://")) return resolve(process.env.DOSSIER_TOKENS ?? "dossier-tokens.json");
  return `${resolve(db).replace(/[\\/]+$/, "")}.tokens.json`;
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** The tokens of one store; read again on each check so `dossier token create` takes effect at once. */
export class TokenStore {
  constructor(readonly file: string) {}

  async list(): Promise<TokenRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const records = JSON.parse(text) as unknown;
    if (!Array.isArray(records)) throw new Error(`${this.file}: not a token list`);
    return records as TokenRecord[];
  }

  async hasAny(): Promise<boolean> {
    return (await this.list()).length > 0;
  }

  /** Makes a token, stores its hash and returns the token itself (shown once). */
  async create(label = "default"): Promise<{ token: string; record: TokenRecord }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    const record: TokenRecord = {
      id: randomBytes(6).toString("hex"),
      label,
      created: new Date().toISOString(),
      sha256: digest(token).toString("hex"),
    };
    const records = [...(await this.list()), record];
    await mkdir(dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written list that locks everyone out.
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(records, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.file);
    return { token, record };
  }

  async verify(token: string | undefined): Promise<boolean> {
    if (!token || !token.startsWith(TOKEN_PREFIX)) return false;
    const given = digest(token);
    let match = false;
    for (const record of await this.list()) {
      const stored = Buffer.from(record.sha256, "hex");
      // Compare every record in constant time, without stopping at the first match.
      if (stored.length === given.length && timingSafeEqual(stored, given)) match = true;
    }
    return match;
  }
}

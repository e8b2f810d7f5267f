import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/**
 * A reader for a gzipped resource committed under models/: the committed file is parsed once
 * and shared; another path is parsed on every call. A missing file names the script that builds it.
 */
export function committedFile<T>(committedPath: string, what: string, script: string, parse: (data: Buffer, path: string) => T): (path?: string) => T {
  let loaded: T | undefined;
  const read = (path: string): T => {
    if (!existsSync(path)) throw new Error(`${path}: ${what} missing; build them with npx tsx ${script}`);
    return parse(gunzipSync(readFileSync(path)), path);
  };
  return (path = committedPath) => {
    if (path !== committedPath) return read(path);
    loaded ??= read(path);
    return loaded;
  };
}

/**
 * HTTP(S) GET for untrusted URLs (feeds to watch): the host is resolved first and every address
 * must be public, so no connection is ever opened to a private, loopback (unless allowed),
 * link-local or otherwise reserved address; the connection then goes to the checked address
 * (no second DNS answer can swap it). Redirects are checked the same way; size and time are capped.
 */
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

export class FetchRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchRefused";
  }
}

export class FetchFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchFailed";
  }
}

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** Everything but public unicast: RFC 1918, CGNAT, link-local, documentation, benchmarking, multicast, reserved. */
const NON_PUBLIC_V4: [string, number, string][] = [
  ["0.0.0.0", 8, "this-network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "shared (CGNAT)"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
/** Inside global unicast 2000::/3, the ranges that are not reachable public hosts or embed IPv4 addresses. */
const NON_PUBLIC_V6: [string, number, string][] = [
  ["2001::", 32, "Teredo"],
  ["2001:10::", 28, "ORCHID"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4"],
  ["3fff::", 20, "documentation"],
];
const GLOBAL_V6 = new net.BlockList();
GLOBAL_V6.addSubnet("2000::", 3, "ipv6");
const MAPPED_V4 = new net.BlockList();
MAPPED_V4.addSubnet("::ffff:0:0", 96, "ipv6");

function listOf(ranges: [string, number, string][], family: "ipv4" | "ipv6"): [net.BlockList, string][] {
  return ranges.map(([network, prefix, why]) => {
    const list = new net.BlockList();
    list.addSubnet(network, prefix, family);
    return [list, why];
  });
}
const V4_RANGES = listOf(NON_PUBLIC_V4, "ipv4");
const V6_RANGES = listOf(NON_PUBLIC_V6, "ipv6");

/** Why `address` must not be contacted, or undefined if it is a public address (or allowed loopback). */
export function refusalReason(address: string, allowLoopback: boolean): string | undefined {
  const version = net.isIP(address);
  if (version === 0) return "not an IP address";
  const family = version === 4 ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, family)) return allowLoopback ? undefined : "loopback (pass --allow-loopback to allow)";
  // BlockList matches IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) against IPv4 rules.
  const v4Reason = V4_RANGES.find(([list]) => list.check(address, family))?.[1];
  if (v4Reason) return v4Reason;
  if (version === 4 || MAPPED_V4.check(address, "ipv6")) return undefined;
  if (!GLOBAL_V6.check(address, "ipv6")) return "non-global IPv6 (link-local, unique-local, multicast or reserved)";
  return V6_RANGES.find(([list]) => list.check(address, "ipv6"))?.[1];
}

/** Resolves `host` and returns one address to connect to, refusing if any of its addresses is not public. */
export async function resolvePublic(host: string, allowLoopback: boolean): Promise<{ address: string; family: 4 | 6 }> {
  const bare = host.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (net.isIP(bare)) addresses = [{ address: bare, family: net.isIP(bare) }];
  else {
    try {
      addresses = await lookup(bare, { all: true, verbatim: true });
    } catch (error) {
      throw new FetchFailed(`cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  for (const { address } of addresses) {
    const reason = refusalReason(address, allowLoopback);
    if (reason) throw new FetchRefused(`refusing ${host}: it resolves to ${address}, a ${reason} address`);
  }
  const first = addresses[0];
  if (!first) throw new FetchFailed(`cannot resolve ${host} (no addresses)`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface GetOptions {
  allowLoopback?: boolean;
  /** Whole request, redirects included. */
  timeoutMs?: number;
  /** Decoded body size limit. */
  maxBytes?: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
}

export interface GetResult {
  status: number;
  /** The URL finally answered, after redirects. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GET with the address guard, following up to `maxRedirects` redirects, each guarded. */
export async function guardedGet(url: string, options: GetOptions = {}): Promise<GetResult> {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let current = parseHttpUrl(url);
  for (let redirects = 0; ; redirects++) {
    const response = await getOnce(current, options, deadline);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return response;
    if (redirects >= (options.maxRedirects ?? 5)) throw new FetchFailed(`${url}: too many redirects`);
    current = parseHttpUrl(new URL(location, current).href);
  }
}

export function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchRefused(`not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused(`refusing ${url.protocol} URL (only http and https)`);
  if (url.username || url.password) throw new FetchRefused("refusing a URL with credentials");
  return url;
}

async function getOnce(url: URL, options: GetOptions, deadline: number): Promise<GetResult> {
  const target = await resolvePublic(url.hostname, options.allowLoopback ?? false);
  const remaining = deadline - Date.now();
  if (remaining <= 0) throw new FetchFailed(`${url.href}: timed out`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<GetResult>((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers: { "user-agent": "dossier-watch/0.1", "accept-encoding": "gzip, deflate", ...options.headers },
        // Connect to the address that passed the guard, whatever DNS answers now.
        lookup: ((_host, lookupOptions, callback) => {
          if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
          else callback(null, target.address, target.family);
        }) as net.LookupFunction,
      },
      (response) => {
        const length = Number(response.headers["content-length"]);
        if (Number.isFinite(length) && length > maxBytes) {
          response.destroy();
          return fail(new FetchFailed(`${url.href}: response of ${length} bytes is over the ${maxBytes}-byte limit`));
        }
        const encoding = response.headers["content-encoding"];
        let body: Readable = response;
        if (encoding === "gzip" || encoding === "x-gzip") body = response.pipe(zlib.createGunzip());
        else if (encoding === "deflate") body = response.pipe(zlib.createInflate());
        const chunks: Buffer[] = [];
        let size = 0;
        body.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            body.destroy();
            fail(new FetchFailed(`${url.href}: response is over the ${maxBytes}-byte limit`));
          } else chunks.push(chunk);
        });
        body.on("end", () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, url: url.href, headers: response.headers, body: Buffer.concat(chunks) });
        });
        body.on("error", (error) => fail(new FetchFailed(`${url.href}: ${error.message}`)));
      },
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new FetchFailed(`${url.href}: timed out`)), remaining);
    request.on("error", (error) => fail(error instanceof FetchFailed ? error : new FetchFailed(`${url.href}: ${error.message}`)));
  });
}

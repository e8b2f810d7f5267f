import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchFailed, FetchRefused, guardedGet, refusalReason } from "./fetch.js";

describe("address guard", () => {
  it.each([
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared (CGNAT)"],
    ["0.0.0.0", "this-network"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["127.0.0.1", "loopback (pass --allow-loopback to allow)"],
    ["127.9.9.9", "loopback (pass --allow-loopback to allow)"],
    ["::1", "loopback (pass --allow-loopback to allow)"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:7f00:1", "loopback (pass --allow-loopback to allow)"],
    ["fe80::1", "non-global IPv6 (link-local, unique-local, multicast or reserved)"],
    ["fd12:3456::1", "non-global IPv6 (link-local, unique-local, multicast or reserved)"],
    ["ff02::1", "non-global IPv6 (link-local, unique-local, multicast or reserved)"],
    ["::", "non-global IPv6 (link-local, unique-local, multicast or reserved)"],
    ["2001:db8::1", "documentation"],
    ["2002:a00:1::", "6to4"],
  ])("refuses %s (%s)", (address, reason) => {
    expect(refusalReason(address, false)).toBe(reason);
  });

  it.each(["8.8.8.8", "172.32.0.1", "193.0.14.129", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("accepts public %s", (address) => {
    expect(refusalReason(address, false)).toBeUndefined();
  });

  it("accepts loopback only when allowed, and nothing else private", () => {
    expect(refusalReason("127.0.0.1", true)).toBeUndefined();
    expect(refusalReason("::1", true)).toBeUndefined();
    expect(refusalReason("10.0.0.1", true)).toBe("private");
  });
});

describe("guarded GET against a local server", () => {
  let server: Server;
  let base: string;
  let connections = 0;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      const path = request.url ?? "/";
      if (path === "/ok") response.end("hello");
      else if (path === "/gzip") {
        response.writeHead(200, { "content-encoding": "gzip" });
        response.end(gzipSync("compressed hello"));
      } else if (path === "/big") {
        response.writeHead(200, { "content-length": String(2_000_000) });
        response.end(Buffer.alloc(2_000_000, 0x61));
      } else if (path === "/big-chunked") {
        response.writeHead(200);
        for (let i = 0; i < 20; i++) response.write(Buffer.alloc(100_000, 0x61));
        response.end();
      } else if (path === "/bomb") {
        response.writeHead(200, { "content-encoding": "gzip" });
        response.end(gzipSync(Buffer.alloc(50_000_000, 0)));
      } else if (path === "/slow") {
        response.writeHead(200);
        response.write("partial"); // and never ends
      } else if (path.startsWith("/redirect?")) {
        response.writeHead(302, { location: decodeURIComponent(path.slice("/redirect?".length)) });
        response.end();
      } else if (path === "/relative") {
        response.writeHead(301, { location: "/ok" });
        response.end();
      } else if (path === "/loop") {
        response.writeHead(302, { location: "/loop" });
        response.end();
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("fetches from loopback when allowed, following relative redirects and decoding gzip", async () => {
    expect((await guardedGet(`${base}/ok`, { allowLoopback: true })).body.toString()).toBe("hello");
    const redirected = await guardedGet(`${base}/relative`, { allowLoopback: true });
    expect(redirected.url).toBe(`${base}/ok`);
    expect(redirected.body.toString()).toBe("hello");
    expect((await guardedGet(`${base}/gzip`, { allowLoopback: true })).body.toString()).toBe("compressed hello");
  });

  it("refuses loopback without the flag before connecting, by IP and by name", async () => {
    const [beforeConnections, beforeRequests] = [connections, requests];
    await expect(guardedGet(`${base}/ok`)).rejects.toThrow(FetchRefused);
    await expect(guardedGet(`${base.replace("127.0.0.1", "localhost")}/ok`)).rejects.toThrow(/refusing localhost: it resolves to/);
    await expect(guardedGet(`http://[::ffff:127.0.0.1]:${new URL(base).port}/ok`)).rejects.toThrow(FetchRefused);
    expect([connections, requests]).toEqual([beforeConnections, beforeRequests]);
  });

  it("refuses private and link-local targets, also when redirected to them", async () => {
    await expect(guardedGet("http://10.0.0.1/feed", { allowLoopback: true })).rejects.toThrow(/10\.0\.0\.1, a private address/);
    await expect(guardedGet("http://169.254.169.254/latest/meta-data/", { allowLoopback: true })).rejects.toThrow(/link-local/);
    await expect(guardedGet("http://192.168.0.1/", { allowLoopback: true })).rejects.toThrow(FetchRefused);
    const before = requests;
    await expect(guardedGet(`${base}/redirect?${encodeURIComponent("http://10.0.0.1/x")}`, { allowLoopback: true })).rejects.toThrow(FetchRefused);
    expect(requests).toBe(before + 1); // only the loopback server was asked
  });

  it("refuses other schemes and credentials", async () => {
    await expect(guardedGet("file:///etc/passwd")).rejects.toThrow(/only http and https/);
    await expect(guardedGet(`${base}/redirect?${encodeURIComponent("file:///etc/passwd")}`, { allowLoopback: true })).rejects.toThrow(FetchRefused);
    await expect(guardedGet("http://user:pw@example.com/")).rejects.toThrow(/credentials/);
  });

  it("enforces the size limit by header, while streaming and after decompression", async () => {
    const options = { allowLoopback: true, maxBytes: 1_000_000 };
    await expect(guardedGet(`${base}/big`, options)).rejects.toThrow(/over the 1000000-byte limit/);
    await expect(guardedGet(`${base}/big-chunked`, options)).rejects.toThrow(/over the 1000000-byte limit/);
    await expect(guardedGet(`${base}/bomb`, options)).rejects.toThrow(/over the 1000000-byte limit/);
  });

  it("enforces the time limit and the redirect limit", async () => {
    const started = Date.now();
    await expect(guardedGet(`${base}/slow`, { allowLoopback: true, timeoutMs: 300 })).rejects.toThrow(FetchFailed);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(guardedGet(`${base}/loop`, { allowLoopback: true })).rejects.toThrow(/too many redirects/);
  });
});

// One HTTP(S) GET to one address, as a visitor of the name would make it: the Host header and TLS
// server name are the audited name, the connection goes to the address DNS gave. A hard deadline
// covers connect, handshake, headers and body, so a silent or trickling host costs at most
// `timeoutMs`; the body is capped. Certificates are read, not trusted: the audit judges them.
import type http from "node:http";
import type https from "node:https";
import type net from "node:net";
import type { DetailedPeerCertificate, TLSSocket } from "node:tls";
import { createRequire } from "node:module";

// Node's HTTP modules are loaded when first used, not when this module is: importing node:http
// loads undici too, 50-150 ms on this project's machines, and `npm run validate` carries this
// code for --network only (its bundle holds every module, run or not).
const builtin = createRequire(import.meta.url);
const httpModule = () => builtin("node:http") as typeof http;
const httpsModule = () => builtin("node:https") as typeof https;
const isIP = (host: string) => (builtin("node:net") as typeof net).isIP(host);

export const BROWSER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
export const SEARCH_BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
export const SEARCH_REFERRER = "https://www.google.com/search?q=";

const MAX_BODY = 512 * 1024;

export interface TlsSeen {
  cert: DetailedPeerCertificate;
  /** OpenSSL's verification error against the trusted roots (null when trusted). */
  authorizationError: string | null;
}

export type Fetched =
  | { ok: true; status: number; location?: string; body: string; tls?: TlsSeen }
  | { ok: false; error: string; timedOut: boolean };

export interface FetchOptions {
  address: string;
  port: number;
  host: string;
  secure: boolean;
  timeoutMs: number;
  userAgent: string;
  referrer?: string;
  /**
   * A keep-alive agent shared by the requests to one name and port: the page fetched three ways
   * costs one TLS handshake instead of three (handshakes dominate the audit's CPU time).
   */
  agent?: http.Agent;
}

/** Keep-alive agents for one audited name, one connection per port; destroy() when done. */
export function nameAgents(): { plain: http.Agent; secure: https.Agent; destroy(): void } {
  const plain = new (httpModule().Agent)({ keepAlive: true, maxSockets: 1 });
  const secure = new (httpsModule().Agent)({ keepAlive: true, maxSockets: 1, maxCachedSessions: 0 });
  return { plain, secure, destroy: () => (plain.destroy(), secure.destroy()) };
}

export function fetchOnce(o: FetchOptions): Promise<Fetched> {
  return new Promise((resolve) => {
    let settled = false;
    // Until headers arrive the deadline is a failure; after, it ends the body where it stands.
    let onDeadline = () => done({ ok: false, error: "ETIMEDOUT", timedOut: true });
    const done = (r: Fetched) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const headers: Record<string, string> = { Host: o.host, "User-Agent": o.userAgent, Accept: "text/html,*/*;q=0.8" };
    if (!o.agent) headers.Connection = "close";
    if (o.referrer) headers.Referer = o.referrer;
    const options = {
      host: o.address,
      port: o.port,
      path: "/",
      method: "GET",
      headers,
      agent: o.agent ?? (false as const),
      ...(o.secure ? { servername: isIP(o.host) ? "" : o.host, rejectUnauthorized: false } : {}),
    };
    const req = (o.secure ? httpsModule() : httpModule()).request(options, (res) => {
      let tls: TlsSeen | undefined;
      if (o.secure) {
        const socket = res.socket as TLSSocket;
        const cert = socket.getPeerCertificate(true);
        if (cert && Object.keys(cert).length) tls = { cert, authorizationError: socket.authorizationError ? String(socket.authorizationError) : null };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      const finish = () => {
        const location = typeof res.headers.location === "string" ? res.headers.location : undefined;
        done({ ok: true, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ...(location ? { location } : {}), ...(tls ? { tls } : {}) });
        // A body read to its end leaves the connection to the agent; one cut short is closed.
        if (!ended) req.destroy();
      };
      onDeadline = finish;
      res.on("data", (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        if (size >= MAX_BODY) finish();
      });
      res.on("end", () => {
        ended = true;
        finish();
      });
      res.on("error", finish);
      res.on("aborted", finish);
    });
    const timer = setTimeout(() => {
      onDeadline();
      req.destroy();
    }, o.timeoutMs);
    req.on("error", (e: NodeJS.ErrnoException) => done({ ok: false, error: e.code ?? e.message, timedOut: false }));
    req.end();
  });
}

/** fetchOnce with retries after a failure to get any answer (an HTTP error status is an answer). */
export async function fetchPage(o: FetchOptions, retries: number): Promise<Fetched> {
  let last: Fetched = { ok: false, error: "none", timedOut: false };
  for (let attempt = 0; attempt <= retries; attempt++) {
    last = await fetchOnce(o);
    if (last.ok) return last;
  }
  return last;
}

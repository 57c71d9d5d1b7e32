// HTTP and HTTPS servers on several 127.0.0.x addresses, each address with one behaviour: a clean
// page, gambling spam (open, cloaked by user agent, cloaked by referrer, or as hidden links), a
// hosting service's "not claimed" page, or silence (accepts connections, never answers).
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { KeyPair } from "./certs.ts";

export type Behaviour = "clean" | "gambling" | "cloak-ua" | "cloak-referrer" | "hidden-link" | "unclaimed-pages" | "silent";

export interface Site {
  address: string;
  behaviour: Behaviour;
  cert: KeyPair;
}

const page = (body: string) => `<!doctype html><html><head><title>Dinas Kabupaten Contoh</title></head><body>${body}</body></html>`;
/** A clean page with the things that must not be mistaken for spam: a hidden skip link, "foto gelap" (compacts to "...togel..."), a link to a news site. */
const CLEAN = page(
  `<a href="#isi" style="position:absolute;left:-9999px">Lewati ke isi</a><h1>Layanan Kesehatan</h1><p id="isi">Jadwal imunisasi, foto gelap dari arsip, dan berita.</p><a href="https://berita.contohkab.go.id/">Berita</a>`,
);
const SPAM = page(`<h1>SLOT GACOR hari ini</h1><p>Situs slot resmi, RTP live tertinggi, MAXWIN dijamin.</p>`);
const HIDDEN = page(`<h1>Layanan Kesehatan</h1><p>Jadwal imunisasi.</p><div style="display:none"><a href="https://slotgacor88.example/daftar">.</a><a href="https://agen-togel.example/">link</a></div>`);
const UNCLAIMED = `<html><body><h1>404</h1><p><strong>There isn't a GitHub Pages site here.</strong></p></body></html>`;

function respond(behaviour: Behaviour, req: http.IncomingMessage, res: http.ServerResponse): void {
  const ua = req.headers["user-agent"] ?? "";
  const referrer = req.headers.referer ?? "";
  let status = 200;
  let body = CLEAN;
  if (behaviour === "gambling") body = SPAM;
  if (behaviour === "cloak-ua" && /googlebot/i.test(ua)) body = SPAM;
  if (behaviour === "cloak-referrer" && /google\./i.test(referrer)) body = SPAM;
  if (behaviour === "hidden-link") body = HIDDEN;
  if (behaviour === "unclaimed-pages") [status, body] = [404, UNCLAIMED];
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(body);
}

export interface Web {
  httpPort: number;
  httpsPort: number;
  stop(): Promise<void>;
}

async function listenAll(servers: { server: net.Server; address: string }[], port: number): Promise<boolean> {
  for (const { server, address } of servers) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, address, () => resolve(true));
    });
    if (!ok) return false;
  }
  return true;
}

async function freePortPair(): Promise<[number, number]> {
  const one = () =>
    new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
  return [await one(), await one()];
}

export async function startWeb(sites: readonly Site[]): Promise<Web> {
  const sockets = new Set<net.Socket>();
  for (let attempt = 0; attempt < 10; attempt++) {
    const [httpPort, httpsPort] = await freePortPair();
    const plain: { server: net.Server; address: string }[] = [];
    const secure: { server: net.Server; address: string }[] = [];
    for (const s of sites) {
      const make = (tls: boolean): net.Server => {
        if (s.behaviour === "silent") return net.createServer((sock) => sockets.add(sock)); // never answers
        const handler = (req: http.IncomingMessage, res: http.ServerResponse) => respond(s.behaviour, req, res);
        return tls ? https.createServer({ key: s.cert.key, cert: s.cert.cert }, handler) : http.createServer(handler);
      };
      plain.push({ server: make(false), address: s.address });
      secure.push({ server: make(true), address: s.address });
    }
    const all = [...plain, ...secure];
    for (const { server } of all) server.on("connection", (sock: net.Socket) => sockets.add(sock));
    const ok = (await listenAll(plain, httpPort)) && (await listenAll(secure, httpsPort));
    const stop = async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(all.map(({ server }) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
    };
    if (ok) return { httpPort, httpsPort, stop };
    await stop();
  }
  throw new Error("no free port pair on the test addresses");
}

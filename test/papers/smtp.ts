// A real SMTP server (the smtp-server package) on 127.0.0.1 at a random port that keeps every
// message it receives, parsed with mailparser, and checks the login.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  envelope: { from: string; to: string[] };
  user: string | undefined;
  raw: string;
  mail: ParsedMail;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

export async function startSmtp(user: string, password: string): Promise<TestSmtp> {
  const received: Received[] = [];
  const server = new SMTPServer({
    // Plain connection on loopback: STARTTLS hidden so the client does not try it; login allowed.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              user: typeof session.user === "string" ? session.user : undefined,
              raw,
              mail,
            });
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

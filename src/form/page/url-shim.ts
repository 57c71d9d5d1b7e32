// node:url's domainToASCII and domainToUnicode for the browser bundle. Node's versions set the
// host of a `ws://` URL through the WHATWG URL parser (UTS #46 processing) and return "" when it
// refuses; the browser's URL does the same processing. Setting the host of two URLs with
// different hosts tells a refusal (each keeps its own) from a success (both get the same).
import punycode from "punycode/punycode.js";

function host(input: string): string {
  if (input === "") return "";
  const a = new URL("ws://x");
  const b = new URL("ws://y");
  a.hostname = input;
  b.hostname = input;
  return a.hostname === b.hostname ? a.hostname : "";
}

export function domainToASCII(domain: string): string {
  return host(String(domain));
}

/** Like Node (ada::idna::to_unicode): each valid xn-- label decoded, others kept as they are. */
export function domainToUnicode(domain: string): string {
  const ascii = host(String(domain));
  return ascii
    .split(".")
    .map((label) => {
      if (!label.startsWith("xn--")) return label;
      try {
        return punycode.decode(label.slice(4));
      } catch {
        return label;
      }
    })
    .join(".");
}

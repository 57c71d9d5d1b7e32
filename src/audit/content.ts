// Gambling spam in a page: keywords in its text and attributes, and hidden links (an anchor
// inside an element styled out of sight) whose text or address carries a keyword. Hand-written
// scanning of HTML tags, not a DOM: enough for the inline styles defacement kits use, and it
// never executes anything; CSS classes that hide elements from a stylesheet are not resolved.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|(?:left|top|text-indent)\s*:\s*-\d{3,}|opacity\s*:\s*0(?![.\d])|(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)/i;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Lowercase words separated by single spaces: "Slot-GACOR!!" -> "slot gacor". */
export const words = (s: string) => ` ${decodeEntities(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
/** Letters and digits only, for addresses: "slot-gacor88.xyz" -> "slotgacor88xyz". */
export const compact = (s: string) => decodeEntities(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : undefined;
}

export interface HiddenLink {
  href: string;
  text: string;
}

export interface PageScan {
  /** Keywords found in the page's text or attributes, in list order. */
  keywords: string[];
  /** Hidden anchors whose text or address carries a keyword. */
  hiddenLinks: HiddenLink[];
}

/** Keywords present as whole words in `text` (already passed through words()). */
function keywordsIn(text: string, keywords: readonly string[]): string[] {
  return keywords.filter((k) => text.includes(words(k)));
}

function addressHas(href: string, keywords: readonly string[]): boolean {
  const c = compact(href);
  return keywords.some((k) => c.includes(compact(k)));
}

export function scanPage(html: string, keywords: readonly string[]): PageScan {
  const textParts: string[] = [];
  const hiddenLinks: HiddenLink[] = [];
  const stack: { tag: string; hidden: boolean }[] = [];
  let openLink: { href: string; hidden: boolean; start: number } | undefined;
  let last = 0;
  let skip = false; // inside <script> or <style>: not page text
  for (const m of html.matchAll(TAG)) {
    if (!skip) textParts.push(html.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1] === "/";
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? "";
    if (tag === "script" || tag === "style") {
      skip = !closing;
      continue;
    }
    if (skip) continue;
    for (const a of ["title", "alt", "content"]) {
      const v = attr(attrs, a);
      if (v) textParts.push(` ${v} `);
    }
    const inHidden = stack.some((e) => e.hidden);
    if (closing) {
      if (tag === "a" && openLink) {
        const text = words(html.slice(openLink.start, m.index).replace(TAG, " ")).trim();
        if (openLink.hidden && (addressHas(openLink.href, keywords) || keywordsIn(` ${text} `, keywords).length)) hiddenLinks.push({ href: openLink.href, text });
        openLink = undefined;
      }
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    const style = attr(attrs, "style") ?? "";
    const hidden = HIDDEN_STYLE.test(style) || attr(attrs, "hidden") !== undefined;
    if (tag === "a") {
      const href = attr(attrs, "href");
      if (href !== undefined) openLink = { href: decodeEntities(href), hidden: hidden || inHidden, start: last };
    }
    if (!VOID.has(tag) && !/\/\s*$/.test(attrs)) stack.push({ tag, hidden });
  }
  if (!skip) textParts.push(html.slice(last));
  return { keywords: keywordsIn(words(textParts.join(" ")), keywords), hiddenLinks };
}

/** A redirect's target carrying a keyword (a defaced site sending visitors to a casino). */
export const locationHasKeyword = (location: string, keywords: readonly string[]) => addressHas(location, keywords);

export const hasGambling = (s: PageScan) => s.keywords.length > 0 || s.hiddenLinks.length > 0;

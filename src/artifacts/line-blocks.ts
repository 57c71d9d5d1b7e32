// Sorted lines kept in blocks (the snapshot's links.txt): the file is cut at line ends into blocks
// of about BLOCK bytes, and the index keeps each block's first line, its start and the CRC-32 of
// its bytes (./checksum.ts). A search finds the block its key starts in from the index alone, then reads and
// checks only the blocks holding its lines. A one-file plan makes a few dozen such searches in
// ~8 MB of lines (15,000 files); reading and checking all of it cost ~50 ms of a 0.5 s budget.
// (The arrangement of an SSTable's block index, kept to what this file needs.)
import { checkWord } from "./checksum.ts";
import { lowerBound } from "./sorted.ts";

/** About this many bytes a block: a search reads one or two. */
export const BLOCK = 16 * 1024;

/** Where the blocks are: their starts (one more for the end), each one's check word, and each one's first line. */
export interface BlockIndex {
  offsets: number[];
  digests: number[];
  first: string[];
}

/**
 * Takes lines in their order (each with its line end) and hands the text on a block at a time
 * (`write`), keeping the index. At least one block is made, even for no lines.
 */
export class LineBlocksWriter {
  readonly index: BlockIndex = { offsets: [0], digests: [], first: [] };
  private text = "";
  private bytes = 0;
  private at = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly block = BLOCK,
  ) {}

  line(line: string): void {
    if (this.text === "") this.index.first.push(line.slice(0, -1));
    this.text += line;
    this.bytes += Buffer.byteLength(line);
    if (this.bytes >= this.block) this.cut();
  }

  /** Ends the last block; returns the index. */
  end(): BlockIndex {
    if (this.text !== "" || this.index.first.length === 0) {
      if (this.text === "") this.index.first.push("");
      this.cut();
    }
    return this.index;
  }

  private cut(): void {
    this.index.digests.push(checkWord(this.text));
    this.write(this.text);
    this.at += this.bytes;
    this.index.offsets.push(this.at);
    this.text = "";
    this.bytes = 0;
  }
}

/**
 * The lines starting with `prefix`, in order, each without the prefix and its line end: from the
 * index's first lines, then the blocks `text(j)` gives (read and checked by the caller), starting
 * at the last block whose first line sorts before `prefix`. Lines compare as text, the order
 * they were written in.
 */
export function linesWithPrefix(first: readonly string[], text: (block: number) => string, prefix: string): string[] {
  // The last block whose first line is < prefix: every line before it is < prefix too.
  const lo = lowerBound(first, prefix);
  const out: string[] = [];
  for (let j = Math.max(0, lo - 1); j < first.length; j++) {
    const t = text(j);
    for (let at = 0; at < t.length; ) {
      let end = t.indexOf("\n", at);
      if (end < 0) end = t.length;
      const line = t.slice(at, end);
      at = end + 1;
      if (line.startsWith(prefix)) out.push(line.slice(prefix.length));
      else if (line > prefix) return out;
    }
  }
  return out;
}

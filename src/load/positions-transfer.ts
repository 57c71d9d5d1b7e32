// Positions cross between threads in a packed form. Structured cloning a Positions record (some 60
// keys per request file) costs more than the whole YAML parse on both sides of the channel; packed
// as one string and one Int32Array it is a pair of copies. The receiving side unpacks only when
// something reads `positions`: usually nothing does, since positions serve only diagnostics.
import { definePositions, type Positions } from "./parse.ts";

export interface PackedPositions {
  /** The pointers, concatenated. */
  keys: string;
  /** Per entry: length of its pointer in `keys`, line, column. */
  numbers: Int32Array;
}

export function packPositions(positions: Positions): PackedPositions {
  const keys = Object.keys(positions);
  const numbers = new Int32Array(keys.length * 3);
  for (let i = 0; i < keys.length; i++) {
    const [line, column] = positions[keys[i]!]!;
    numbers[3 * i] = keys[i]!.length;
    numbers[3 * i + 1] = line;
    numbers[3 * i + 2] = column;
  }
  return { keys: keys.join(""), numbers };
}

export function unpackPositions(packed: PackedPositions): Positions {
  const positions: Positions = {};
  const { keys, numbers } = packed;
  for (let i = 0, at = 0; i < numbers.length; i += 3) {
    // A pointer is "" or starts with "/": never __proto__, so a plain assignment is safe.
    positions[keys.slice(at, (at += numbers[i]!))] = [numbers[i + 1]!, numbers[i + 2]!];
  }
  return positions;
}

/**
 * Gives `target` a `positions` property that unpacks `packed` when first read, then stays a plain
 * data property (so reading, comparing and cloning see an ordinary record).
 */
export function definePackedPositions<T extends object>(target: T, packed: PackedPositions): T & { positions: Positions } {
  return definePositions(target, () => unpackPositions(packed));
}

// Limits on what a request or governance file may be. A request file is a few hundred bytes; the
// limits are far above honest use and far below what could hurt the validator.
export const LIMITS = {
  /** Bytes of one request file. */
  requestBytes: 64 * 1024,
  /** Bytes of the governance file (it lists every OPD). */
  governanceBytes: 1024 * 1024,
  /** Nesting of collections; the deepest honest path is about 5. */
  depth: 16,
  /**
   * Columns of indentation plus compact block indicators (`- `, `? `, `: `) at the start of a
   * line. Block nesting can go no deeper than this, and checking it before parsing keeps a file
   * such as `- - - - ...` from overflowing the parser's stack (seen crashing Node outright, in
   * V8's regular-expression compiler, when the stack was nearly exhausted).
   */
  indent: 100,
};

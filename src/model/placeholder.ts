// The mark `npm run adopt` and `npm run import` put on values only a person can supply (the
// signer's name, an office address, a liaison's GitHub account). Validation warns about every
// marked value, so nothing invented reaches a letter unnoticed.

/** Prefix of a text value still to be filled in, e.g. "[ISI] nama Kepala Dinas". */
export const PLACEHOLDER_MARK = "[ISI]";

/** A GitHub account field cannot hold the mark; this login stands for "not yet named". */
export const PLACEHOLDER_HANDLE = "isi-akun-github";

export const placeholder = (what: string) => `${PLACEHOLDER_MARK} ${what}`;

export const isPlaceholder = (value: string) => value.includes(PLACEHOLDER_MARK) || value === PLACEHOLDER_HANDLE;

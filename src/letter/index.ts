// The reply letter (surat balasan): account details, words, number, PDF.
export { accountDetails, type AccountDetails, type AccountTarget, type AccountRecord, type AccountOptions } from "./account.ts";
export { letterContent, accountRows, type LetterInput, type LetterContent } from "./content.ts";
export { letterNumber, checkScheme, DEFAULT_SCHEME, type NumberFields } from "./number.ts";
export { romanMonth } from "./date.ts";
export { formatDate } from "../worktime/format.ts";
export { renderLetter } from "./render.ts";

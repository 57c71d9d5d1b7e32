// Dates in the request: letters are not dated in the future, and the review-by date is neither
// past (a reminder) nor further ahead than governance `review.maxMonths`.
import { addMonths } from "../dates.ts";
import { report, type FileRule } from "../rule.ts";

/** The letters whose dates letter.date checks, in the order check() lists their dates. */
const LETTERS = [
  { ptr: "/letter/date", what: { id: "surat permohonan", en: "request letter" } },
  { ptr: "/recommendation/date", what: { id: "rekomendasi", en: "recommendation" } },
  { ptr: "/decommission/letter/date", what: { id: "surat penghapusan", en: "decommission letter" } },
] as const;

export const letterDate: FileRule = {
  id: "letter.date",
  scope: "file",
  reads: ["letter", "recommendation", "decommission"],
  severity: "error",
  summary: { id: "Tanggal surat (permohonan, rekomendasi, penghapusan) tidak di masa depan", en: "Letter dates (request, recommendation, decommission) are not in the future" },
  check(req, ctx) {
    const r = req.request;
    const dates = [r.letter.date, r.recommendation?.date, r.decommission?.letter.date];
    const out = [];
    // Every file has dates, and almost none is in the future: nothing more is made unless one is.
    for (let i = 0; i < LETTERS.length; i++) {
      const d = dates[i];
      if (d === undefined || d <= ctx.today) continue;
      const { ptr, what } = LETTERS[i]!;
      out.push(
        report(this, req, ptr, {
          id: `Tanggal ${what.id} ${d} ada di masa depan (hari ini ${ctx.today}); tulis tanggal pada surat yang sudah ditandatangani.`,
          en: `The ${what.en} date ${d} is in the future (today is ${ctx.today}); write the date on the signed letter.`,
        }),
      );
    }
    return out;
  },
};

export const reviewExpired: FileRule = {
  id: "review.expired",
  scope: "file",
  reads: ["reviewBy", "decommission"],
  severity: "warning",
  summary: { id: "Peringatan bila tanggal tinjau ulang (reviewBy) sudah lewat", en: "Warns when the review-by date (reviewBy) has passed" },
  check(req, ctx) {
    const r = req.request;
    if (r.decommission || r.reviewBy >= ctx.today) return [];
    return [
      report(this, req, "/reviewBy", {
        id: `Tanggal tinjau ulang ${r.reviewBy} sudah lewat: OPD perlu menegaskan subdomain ini masih dipakai dengan memperbarui reviewBy, atau mengajukan penghapusan.`,
        en: `The review-by date ${r.reviewBy} has passed: the OPD should confirm the subdomain is still in use by updating reviewBy, or ask for its removal.`,
      }),
    ];
  },
};

/** today + maxMonths, kept while both stay the same: it is asked for every file of a run. */
let latestMemo = { today: "", max: NaN, latest: "" };
function latestReviewBy(today: string, max: number): string {
  if (latestMemo.today !== today || latestMemo.max !== max) latestMemo = { today, max, latest: addMonths(today, max) };
  return latestMemo.latest;
}

export const reviewTooFar: FileRule = {
  id: "review.too-far",
  scope: "file",
  reads: ["reviewBy"],
  severity: "error",
  summary: { id: "Tanggal tinjau ulang paling lama review.maxMonths bulan dari hari ini", en: "The review-by date is at most review.maxMonths months from today" },
  check(req, ctx) {
    const max = ctx.governance.review.maxMonths;
    const latest = latestReviewBy(ctx.today, max);
    if (req.request.reviewBy <= latest) return [];
    return [
      report(this, req, "/reviewBy", {
        id: `Tanggal tinjau ulang ${req.request.reviewBy} terlalu jauh: paling lama ${max} bulan dari hari ini, yaitu ${latest}.`,
        en: `The review-by date ${req.request.reviewBy} is too far ahead: at most ${max} months from today, that is ${latest}.`,
      }),
    ];
  },
};

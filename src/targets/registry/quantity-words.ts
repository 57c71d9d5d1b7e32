// Hosting sizes in words, for people: the registry page and the web form (formulir) say them alike.
import type { Lang } from "../../diagnostics/diagnostic.ts";

// One formatter per language: building one per call was most of a 10,000-row registry page's time.
const NUMBER_FORMAT = { id: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 3 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }) };

/** A Kubernetes quantity in words: 500m -> "0,5 inti", 10Gi -> "10 GiB". */
export function quantityWords(q: string, cores: boolean, lang: Lang): string {
  const num = (n: number) => NUMBER_FORMAT[lang].format(n);
  const m = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q);
  if (!m) return q;
  const n = Number(m[1]);
  if (cores) {
    const value = m[2] === "m" ? n / 1000 : n;
    return `${num(value)} ${lang === "id" ? "inti" : value === 1 ? "core" : "cores"}`;
  }
  const unit = m[2] ? (m[2].endsWith("i") ? `${m[2]}B` : `${m[2]}B`) : "B";
  return `${num(n)} ${unit}`;
}

export function hostingWords(h: { cpu: string; memory: string; storage: string }, lang: Lang): string {
  return lang === "id"
    ? `penyimpanan ${quantityWords(h.storage, false, lang)}, CPU ${quantityWords(h.cpu, true, lang)}, memori ${quantityWords(h.memory, false, lang)}`
    : `storage ${quantityWords(h.storage, false, lang)}, CPU ${quantityWords(h.cpu, true, lang)}, memory ${quantityWords(h.memory, false, lang)}`;
}

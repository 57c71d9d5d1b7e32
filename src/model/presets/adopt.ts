// A government's first governance.yaml, built from one of the presets: the preset decides the
// chain, its clock, required fields and review period; the adopting government supplies its zone,
// name, GitHub organisation and Diskominfo liaison; whatever only a person can know (letterhead,
// signer) is written as a marked placeholder that validation keeps pointing at. Pure: the caller
// validates the text and writes it.
import { Document, isMap, parseDocument, type Node, type YAMLMap } from "yaml";
import { retargetTeams } from "./apply.ts";
import { placeholder, PLACEHOLDER_HANDLE } from "../placeholder.ts";
import type { PresetName } from "./index.ts";

export interface AdoptionInput {
  zone: string;
  /** "Kabupaten Sukamaju", "Kota Contoh", or already "Pemerintah Kabupaten Sukamaju". */
  government: string;
  preset: PresetName;
  org: string;
  /** GitHub login of the Diskominfo liaison; a marked placeholder when not known yet. */
  liaison?: string;
  /** Code of the Diskominfo OPD (default "diskominfo"). */
  opdCode?: string;
  nameservers?: string[];
  /** The commit adopted from and today's date: where the government's own history starts. */
  base: string;
  date: string;
}

const RENDER = { lineWidth: 0, flowCollectionPadding: false } as const;

/** "Kabupaten Sukamaju" -> "Pemerintah Kabupaten Sukamaju"; the city for letters: "Sukamaju". */
export function governmentNames(government: string): { name: string; city: string } {
  const bare = government.trim().replace(/\s+/g, " ").replace(/^Pemerintah\s+/i, "");
  const city = bare.replace(/^(Kabupaten|Kota|Provinsi|Kab\.)\s+/i, "") || bare;
  return { name: `Pemerintah ${bare}`, city };
}

export function adoptionGovernance(presetText: string, input: AdoptionInput): { text: string; teams: string[] } {
  const doc = parseDocument(presetText);
  if (doc.errors.length || !isMap(doc.contents)) throw new Error(`preset ${input.preset} is not a YAML mapping`);
  const zone = input.zone.toLowerCase().replace(/\.$/, "");
  const { name, city } = governmentNames(input.government);
  const ns = input.nameservers?.length ? input.nameservers : [`ns1.${zone}`, `ns2.${zone}`];
  const code = input.opdCode ?? "diskominfo";
  const set = (key: string, value: unknown, comment?: string) => {
    const node = doc.createNode(value) as Node;
    if (comment) node.commentBefore = comment;
    (doc.contents as YAMLMap).set(key, node);
  };

  set(
    "government",
    {
      name,
      office: "Dinas Komunikasi dan Informatika",
      address: placeholder("alamat kantor sesuai kop surat"),
      city,
      email: placeholder("alamat e-mail dinas"),
      website: `https://diskominfo.${zone}`,
      head: {
        name: placeholder("nama lengkap Kepala Dinas beserta gelar"),
        title: "Kepala Dinas Komunikasi dan Informatika",
        rank: placeholder("pangkat/golongan"),
        nip: placeholder("NIP 18 digit"),
      },
    },
    " Kop surat dan penanda tangan: ganti setiap nilai bertanda [ISI]; npm run validate menunjukkan yang tersisa.",
  );
  set(
    "zones",
    [
      {
        name: zone,
        ttl: 3600,
        nameservers: ns,
        // The plan checks the record quota of this plan; zoneCreated before 2024-09-01 raises Free to 1,000.
        provider: { name: "cloudflare", plan: "free" },
        soa: { mname: ns[0], rname: `hostmaster@${zone}`, refresh: 3600, retry: 900, expire: 1209600, minimum: 300 },
        protected: ["@", "www", "mail", ...ns.filter((n) => n.endsWith(`.${zone}`)).map((n) => n.slice(0, -zone.length - 1))].filter((v, i, a) => a.indexOf(v) === i),
      },
    ],
    " Server nama dan nama yang dikelola di luar berkas permohonan: sesuaikan dengan zona yang berjalan (npm run import membantu).",
  );
  set("admins", { team: `${input.org}/admin-subdomain` });
  set(
    "opds",
    [{ code, name: "Dinas Komunikasi dan Informatika", liaisons: [input.liaison ?? PLACEHOLDER_HANDLE] }],
    " Satu OPD dulu: Diskominfo sendiri. Tambahkan OPD lain beserta akun GitHub penghubungnya.",
  );
  const teams = retargetTeams(doc.contents.get("disposition", true) as Node, input.org);
  set("adoption", { base: input.base, date: input.date }, " Awal riwayat pemerintah ini (ditulis npm run adopt; jangan diubah).");

  const header = [
    ` Tata kelola layanan subdomain ${name}.`,
    ` Dibuat oleh npm run adopt dari preset "${input.preset}" (src/model/presets/${input.preset}.yaml: pemetaan langkah SOP ada di sana).`,
    " Perubahan berkas ini hanya oleh admin (lihat .github/CODEOWNERS) dan selalu dibaca dari cabang dasar saat menilai pull request.",
  ].join("\n");
  // The preset's SOP mapping stays as the comment before the first key; its schema line points
  // from the preset folder, so the file gets its own.
  const contents = doc.contents;
  const firstKey = contents.items[0]?.key as Node | undefined;
  if (firstKey?.commentBefore)
    firstKey.commentBefore = firstKey.commentBefore
      .split("\n")
      .filter((l) => !l.includes("yaml-language-server"))
      .join("\n");
  const out = new Document(contents);
  out.commentBefore = header;
  const text = `# yaml-language-server: $schema=./schemas/governance.schema.json\n${out.toString(RENDER)}`;
  return { text, teams };
}

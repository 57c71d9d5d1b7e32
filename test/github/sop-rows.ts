// The rows of each SOP's table (transcribed by hand from the SOP texts summarised in
// /work/shared/SOPS.md, not derived from the presets), each mapped to what the product does or
// records for it: an approval of a step (by id), or an action of the product.
import type { PresetName } from "../../src/model/presets/index.ts";

export type RowAction =
  | { step: string }
  /** The liaison opens the request's pull request; CI validates it. */
  | { product: "intake" }
  /** The merge runs the deployment; its result is reported on the pull request. */
  | { product: "deploy" }
  /** The signed letter and the e-mail go to the OPD. */
  | { product: "send" }
  /** The letter is recorded in the agenda with its digest; the draft and approvals merged. */
  | { product: "archive" };

export type SopRow = [row: string, action: RowAction];

export const SOP_ROWS: Record<PresetName, SopRow[]> = {
  tulungagung: [
    ["1. Pemohon mengisi form E-Layanan", { product: "intake" }],
    ["2. Pelaksana memeriksa form (30 mnt)", { step: "pemeriksaan-pengajuan" }],
    ["3-4. Form dicetak, ditandatangani PJ, surat permohonan", { product: "intake" }],
    ["5. Kepala Diskominfo mendisposisi (1 jam)", { step: "kepala-dinas" }],
    ["6. Kabid Penyelenggaraan E-Government (1 jam)", { step: "kabid-egov" }],
    ["7. Kasi Pengembangan Aplikasi (1 jam)", { step: "kasi-aplikasi" }],
    ["8. Pelaksana menambah/mengubah subdomain atau hosting (30 mnt)", { step: "pembuatan" }],
    ["8. (penyediaan) perubahan diterapkan", { product: "deploy" }],
    ["9. Pelaksana memeriksa sistem dan melapor kepada Kasi (1 jam)", { step: "pemeriksaan-hasil" }],
    ["10. Kasi memeriksa; konsep surat balasan dan e-mail (1 jam)", { step: "kasi-konsep-surat" }],
    ["12. Kabid memeriksa konsep surat balasan (1 jam)", { step: "kabid-paraf" }],
    ["13. Kepala Diskominfo menandatangani surat balasan (1 hari)", { step: "kepala-dinas-tanda-tangan" }],
    ["11, 14. E-mail detail akun dan surat balasan diterima pemohon", { product: "send" }],
    ["(arsip) surat dan persetujuan tercatat", { product: "archive" }],
  ],
  demak: [
    ["1. OPD mengunggah surat permohonan ke MIPP", { product: "intake" }],
    ["2. Pelaksana memproses dan meneruskan ke Kadin (5 mnt)", { step: "registrasi" }],
    ["3. Kepala Dinas mendisposisi ke Sekretaris (10 mnt)", { step: "kepala-dinas" }],
    ["4. Sekretaris mendisposisi ke Kabid Aptika (10 mnt)", { step: "sekretaris" }],
    ["5. Kabid Aptika ke Sub Koordinator SPA (10 mnt)", { step: "kabid-aptika" }],
    ["6. Menganalisa bentuk subdomain dan hosting (30 mnt)", { step: "analisa" }],
    ["7. Pembuatan subdomain dan hosting (30 mnt)", { step: "pembuatan" }],
    ["7. (penyediaan) subdomain dan hosting dibuat", { product: "deploy" }],
    ["8. Surat akun ditandatangani (1 hari)", { step: "surat-akun" }],
    ["8. Surat akun dikirim ke OPD", { product: "send" }],
    ["(pencatatan) data subdomain dan hosting", { product: "archive" }],
  ],
  kaltara: [
    ["1. OPD mengirim surat permohonan dengan rekomendasi (1 hari)", { product: "intake" }],
    ["2. Kepala Dinas mendisposisikan (1-3 jam)", { step: "kepala-dinas" }],
    ["3. Kepala Bidang menganalisa dan mendisposisi tim teknis (1 hari)", { step: "kabid-aptika" }],
    ["4. Tim Teknis menganalisa kelengkapan berkas dan kebutuhan (7 hari)", { step: "analisa-tim-teknis" }],
    ["5. Tim Teknis membuat subdomain (1 hari)", { step: "pembuatan" }],
    ["5. (penyediaan) subdomain dibuat, daftar subdomain diperbarui", { product: "deploy" }],
    ["5. Surat persetujuan nama ditandatangani", { step: "surat-persetujuan" }],
    ["5. Surat dan e-mail persetujuan nama dikirim", { product: "send" }],
    ["5. Dokumentasi subdomain", { product: "archive" }],
  ],
  purbalingga: [
    ["1. OPD mengirim surat permohonan dan surat kuasa", { product: "intake" }],
    ["2. JFU menerima dan mencatat permohonan (5 mnt)", { step: "registrasi" }],
    ["3. Kepala Dinas mendisposisi dan memparaf (30 mnt)", { step: "kepala-dinas" }],
    ["4. Kepala Bidang menindaklanjuti disposisi (5 mnt)", { step: "kabid-informatika" }],
    ["5. Staf Teknis memverifikasi data dan nama (30 mnt)", { step: "verifikasi" }],
    ["6. Staf Teknis melaporkan hasil verifikasi (5 mnt)", { step: "laporan-verifikasi" }],
    ["7. Keputusan setuju/tolak (60 mnt)", { step: "keputusan" }],
    ["8. Pembuatan sub domain (30 mnt)", { step: "pembuatan" }],
    ["8. (penyediaan) sub domain dibuat", { product: "deploy" }],
    ["9. Konsep laporan dan surat (30 mnt)", { step: "konsep-laporan" }],
    ["10. Kasi memeriksa dan memparaf konsep laporan (30 mnt)", { step: "kasi-paraf" }],
    ["11. Kabid memparaf konsep laporan (10 mnt)", { step: "kabid-paraf" }],
    ["12. Kepala Dinas menandatangani laporan (15 mnt)", { step: "kepala-dinas-tanda-tangan" }],
    ["12. Mengirim sub domain pada OPD", { product: "send" }],
    ["13. Mengagendakan dan mengarsipkan (5 mnt)", { product: "archive" }],
  ],
  balangan: [
    ["1. Surat permohonan dari SKPD", { product: "intake" }],
    ["2. Kepala Dinas mendisposisikan surat (15 mnt)", { step: "kepala-dinas" }],
    ["3. Kabid Layanan e-Gov mendisposisi ke Kasi (15 mnt)", { step: "kabid-egov" }],
    ["4. Kasi memerintahkan staf prakom mengecek (15 mnt)", { step: "kasi-aplikasi" }],
    ["5. Staf prakom mengecek dan melapor ke Kasi (1 hari)", { step: "pengecekan" }],
    ["6. Kasi membuat laporan kepada Kabid (1 jam)", { step: "laporan-kasi" }],
    ["7. Kabid memeriksa laporan dan memutuskan (20 mnt)", { step: "keputusan" }],
    ["8. Staf prakom membuat sub domain (1 jam)", { step: "pembuatan" }],
    ["8. (penyediaan) sub domain dibuat", { product: "deploy" }],
    ["9. Konsep surat balasan ditandatangani", { step: "surat-balasan" }],
    ["9. Surat disampaikan ke SKPD", { product: "send" }],
    ["(pencatatan) surat, laporan, kegiatan", { product: "archive" }],
  ],
};

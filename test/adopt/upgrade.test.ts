// Two real git repositories: the product (upstream) and a government that adopted it. A later
// release changes code, its example requests and its example governance, and adds an example;
// `npm run upgrade` merges it without a conflict, and the government's requests, governance and
// letter numbers stay its own. A plain `git merge` of the same release conflicts.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadAgenda } from "../../src/letter/agenda-local.ts";
import { readGovernance } from "../../src/load/read.ts";
import { checkGovernance } from "../../src/validate/validate.ts";
import { cleanup, cli, cloneRelease, gitOk, sh, sukamajuRequest } from "./clone.ts";

afterAll(cleanup);

describe("npm run upgrade", () => {
  it("takes a later release without conflicts and without the examples coming back", { timeout: 180_000 }, () => {
    const upstream = cloneRelease("upstream-");
    const gov = cloneRelease("government-"); // same files; now make it a clone of upstream
    const root = gov.root;
    gitOk(root, "remote", "add", "produk", upstream.root);
    gitOk(root, "fetch", "-q", "produk");
    gitOk(root, "reset", "-q", "--hard", "produk/main");
    const release = gitOk(root, "rev-parse", "HEAD");

    expect(cli(root, "adopt", ["--zone", "sukamajukab.go.id", "--government", "Kabupaten Sukamaju", "--preset", "demak", "--org", "diskominfo-sukamaju", "--liaison", "rina-sukamaju"]).status).toBe(0);
    gitOk(root, "add", "-A");
    gitOk(root, "commit", "-q", "-m", "Adopsi");
    mkdirSync(join(root, "requests/diskominfo"), { recursive: true });
    writeFileSync(join(root, "requests/diskominfo/portal.yaml"), sukamajuRequest("portal", "103.147.26.10"));
    gitOk(root, "add", "-A");
    gitOk(root, "commit", "-q", "-m", "Permohonan portal");
    const ownGovernance = readFileSync(join(root, "governance.yaml"), "utf8");
    const ownRequests = gitOk(root, "ls-files", "requests");

    // The next release: code, an example request and the example governance change; an example is added.
    const u = upstream.root;
    writeFileSync(join(u, "src/release-note.ts"), "export const RELEASE = 2;\n");
    writeFileSync(join(u, "requests/dinkes/sehat.yaml"), readFileSync(join(u, "requests/dinkes/sehat.yaml"), "utf8").replace("purpose:", "# diubah di rilis 2\npurpose:"));
    mkdirSync(join(u, "requests/dinkes"), { recursive: true });
    writeFileSync(join(u, "requests/dinkes/contoh-baru.yaml"), readFileSync(join(u, "requests/dinkes/sehat.yaml"), "utf8").replace("label: sehat", "label: contoh-baru"));
    writeFileSync(join(u, "governance.yaml"), readFileSync(join(u, "governance.yaml"), "utf8").replace("maxMonths: 12", "maxMonths: 11"));
    gitOk(u, "add", "-A");
    gitOk(u, "commit", "-q", "-m", "Rilis 2");
    gitOk(root, "fetch", "-q", "produk");

    // A plain merge conflicts on the government's own files.
    const plain = sh(root, "git", ["merge", "--no-edit", "produk/main"]);
    expect(plain.status).not.toBe(0);
    expect(plain.stdout + plain.stderr).toMatch(/CONFLICT/);
    gitOk(root, "merge", "--abort");

    const r = cli(root, "upgrade", ["--from", "produk/main"]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(root, "src/release-note.ts"), "utf8")).toContain("RELEASE = 2"); // the release arrived
    expect(gitOk(root, "status", "--porcelain")).toBe(""); // committed, nothing left over
    expect(readFileSync(join(root, "governance.yaml"), "utf8")).toBe(ownGovernance);
    expect(gitOk(root, "ls-files", "requests")).toBe(ownRequests);
    expect(readdirSync(join(root, "requests"))).not.toContain("dinkes");
    expect(gitOk(root, "rev-list", "--count", "HEAD..produk/main")).toBe("0"); // a real merge: the next one starts from here
    expect(checkGovernance(readGovernance(root)).governance?.review.maxMonths).toBe(12);
    expect(cli(root, "validate").status).toBe(0);
    // Letter numbers are still the government's own: an upgrade brings no agenda with it.
    expect(loadAgenda(root, 2026).letters).toEqual([]);

    // Nothing new upstream: nothing to do.
    expect(cli(root, "upgrade", ["--from", "produk/main"]).stdout).toContain("Sudah memuat");
  });
});

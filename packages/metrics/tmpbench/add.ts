import { readFileSync } from "node:fs";
import { MetricsAccumulator } from "../src/compute";
import { loadAnalysts, loadCodebook, loadPeople, loadDocuments } from "../src/inputs";
import { Statement } from "@viewpoints/artifacts";
const dir = process.argv[2]!;
const lines = readFileSync(`${dir}/statements.jsonl`, "utf8").split("\n").filter(Boolean);
const { codebook, version } = await loadCodebook("data/codebook.json");
const analysts = await loadAnalysts("data/analysts.json");
const people = await loadPeople("data/people.json");
const t = (name: string, fn: () => unknown) => { const s = process.cpuUsage(); const r = fn(); const u = process.cpuUsage(s); console.log(name, ((u.user + u.system) / 1e3).toFixed(0), "ms"); return r; };
for (let round = 0; round < 3; round++) {
  const parsed = t("JSON.parse", () => lines.map((l) => JSON.parse(l))) as Statement[];
  t("zod", () => parsed.map((p) => Statement.parse(p)));
  const acc = new MetricsAccumulator({ codebook, analysts, people });
  t("add", () => { for (const s of parsed) acc.add(s); });
  const s0 = process.cpuUsage(); const docs = await loadDocuments(dir); console.log("loadDocuments", ((process.cpuUsage(s0).user) / 1e3).toFixed(0));
  const m = t("result", () => acc.result({ runId: "x", codebookVersion: version, documents: docs.documents }));
}

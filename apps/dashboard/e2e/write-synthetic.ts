/** Writes the made-up artifact set: `tsx e2e/write-synthetic.ts OUT_DIR CONFIG_DIR [STATEMENTS]`. */
import { generateSynthetic, writeSynthetic } from "./synthetic";

const [out, config, count] = process.argv.slice(2);
if (!out || !config) {
  process.stderr.write("usage: tsx e2e/write-synthetic.ts OUT_DIR CONFIG_DIR [STATEMENTS]\n");
  process.exit(2);
}
const n = count ? Number.parseInt(count, 10) : 120;
await writeSynthetic(generateSynthetic(n, Math.max(8, Math.ceil(n / 200))), out, config);
process.stdout.write(`wrote ${n} synthetic statements to ${out} (codebook in ${config})\n`);

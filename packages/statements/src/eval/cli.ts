import { readFile } from "node:fs/promises";
import { artifactPath, exists, MissingArtifactError, PeopleRegistry, readJsonFile } from "@viewpoints/artifacts";
import { CliError, consoleReporter, helpText, parseCommandArgs, pathOption, runMain, summaryLine, type CommandSpec } from "@viewpoints/runtime";
import { GoldRow, parseRows, PredictedRow } from "./gold";
import { formatReport } from "./report";
import { scoreRun, speakerResolver } from "./score";

const spec: CommandSpec = {
  name: "eval",
  summary: "Scores a run's statements.csv against a gold CSV: speaker attribution P/R/F1 (overall, per language, per kind), theme P/R/F1, frame and hedge accuracy, and lists misses and false positives.",
  options: {
    gold: { type: "string", value: "FILE", description: "gold CSV (doc_id,anchor,speaker,kind,frame,themes,hedged)", default: "data/gold/seeds.csv" },
    run: { type: "string", value: "DIR", description: "run directory holding statements.csv", default: "data/out" },
    people: { type: "string", value: "FILE", description: "people registry used to match spellings of speaker names, if present", default: "data/people.json" },
    json: { type: "boolean", description: "print the scores as JSON instead of a table" },
    "min-f1": { type: "string", value: "X", description: "exit with code 1 when attribution F1 is below X (0..1)" },
  },
  notes: ["Example: pnpm eval --gold data/gold/seeds.csv --run data/out --min-f1 0.6"],
};

async function readText(file: string): Promise<string> {
  if (!(await exists(file))) throw new MissingArtifactError(file);
  return readFile(file, "utf8");
}

runMain(async () => {
  const startedAt = performance.now();
  const options = parseCommandArgs(spec, process.argv.slice(2));
  if (!options) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const reporter = consoleReporter();
  const minF1 = options["min-f1"] === undefined ? undefined : Number(options["min-f1"]);
  if (minF1 !== undefined && !(minF1 >= 0 && minF1 <= 1)) throw new CliError(`--min-f1 must be a number from 0 to 1, got "${String(options["min-f1"])}"`, 2);

  const goldFile = pathOption(spec, options, "gold");
  const statementsFile = artifactPath(pathOption(spec, options, "run"), "statementsCsv");
  const peopleFile = pathOption(spec, options, "people");

  const gold = parseRows(await readText(goldFile), GoldRow, goldFile);
  let predictionsText: string;
  try {
    predictionsText = await readText(statementsFile);
  } catch (error) {
    if (error instanceof MissingArtifactError) throw new CliError(`${statementsFile}: not found; run \`pnpm statements\` (or pass --run DIR)`);
    throw error;
  }
  const predictions = parseRows(predictionsText, PredictedRow, statementsFile);
  const registry = (await exists(peopleFile)) ? (await readJsonFile(peopleFile, PeopleRegistry)).entries : [];

  const scores = scoreRun(gold, predictions, speakerResolver(registry));
  process.stdout.write(options.json ? `${JSON.stringify(scores, null, 2)}\n` : formatReport(scores));
  reporter.info(summaryLine("eval", { "gold rows": gold.length, "statements read": predictions.length, matched: scores.matched }, startedAt));
  if (minF1 !== undefined && scores.attribution.f1 < minF1) {
    reporter.warn(`attribution F1 ${scores.attribution.f1.toFixed(3)} is below --min-f1 ${minF1}`);
    return 1;
  }
  return 0;
});

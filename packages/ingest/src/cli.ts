import { CliError, runMain } from "@viewpoints/runtime";

runMain(async () => {
  throw new CliError("the ingest stage is not built yet");
});

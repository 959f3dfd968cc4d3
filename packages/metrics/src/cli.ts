import { CliError, runMain } from "@viewpoints/runtime";

runMain(async () => {
  throw new CliError("the metrics stage is not built yet");
});

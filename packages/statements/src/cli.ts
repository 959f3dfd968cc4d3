import { CliError, runMain } from "@viewpoints/runtime";

runMain(async () => {
  throw new CliError("the statements stage is not built yet");
});

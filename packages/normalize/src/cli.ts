import { CliError, runMain } from "@viewpoints/runtime";

runMain(async () => {
  throw new CliError("the normalize stage is not built yet");
});

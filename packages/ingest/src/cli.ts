import { runMain } from "@viewpoints/runtime";
import { main } from "./command";

runMain(() => main(process.argv.slice(2)));

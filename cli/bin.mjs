#!/usr/bin/env node
// `baocao` on a plain Node: registers tsx's loader so cli/main.ts runs from source, no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));

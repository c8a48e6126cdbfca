/** Rewrites the generated variables table in docs/CONFIGURATION.md from the config schema. */
import { readFile, writeFile } from "node:fs/promises";
import { replaceConfigTable } from "../src/config/config-docs.ts";

const file = new URL("../docs/CONFIGURATION.md", import.meta.url);
await writeFile(file, replaceConfigTable(await readFile(file, "utf8")));

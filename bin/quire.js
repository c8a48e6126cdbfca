#!/usr/bin/env node
// The `quire` executable (package.json bin): Node >= 22.18 runs the TypeScript sources directly.
import "../src/main.ts";

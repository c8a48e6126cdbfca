/**
 * Layer rules (DESIGN.md §2): dependencies point down only,
 * http → services → {engine, providers, storage, queue} → domain → shared. No cycles.
 * TypeScript 7 ships no compiler API, so dependency-cruiser parses with swc.
 */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    {
      name: "shared-is-a-leaf",
      severity: "error",
      from: { path: layer("shared") },
      to: { path: "^src/", pathNot: layer("shared") },
    },
    {
      name: "domain-imports-only-shared",
      severity: "error",
      from: { path: layer("domain") },
      to: { path: "^src/", pathNot: [layer("domain"), layer("shared")] },
    },
    {
      name: "engine-is-a-library",
      severity: "error",
      from: { path: layer("engine") },
      to: { path: "^src/", pathNot: [layer("engine"), layer("shared")] },
    },
    {
      name: "providers-stay-at-the-edge",
      severity: "error",
      from: { path: layer("providers") },
      to: { path: ["^src/(http|services|storage|queue|config)/"] },
    },
    {
      name: "storage-and-queue-below-services",
      severity: "error",
      from: { path: "^src/(storage|queue)/" },
      to: { path: ["^src/(http|services|engine|providers|config)/"] },
    },
    {
      name: "services-never-touch-http",
      severity: "error",
      from: { path: layer("services") },
      to: { path: ["^src/http/", "^src/config/", "fastify"] },
    },
    {
      name: "http-only-through-services",
      severity: "error",
      from: { path: layer("http") },
      to: { path: ["^src/(storage|queue|engine|providers|config)/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "config-is-read-only-by-the-composition-root",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/(app|main)\\.ts$", "^src/cli/", layer("config")] },
      to: { path: layer("config") },
    },
  ],
  options: {
    parser: "swc",
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.ts$" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};

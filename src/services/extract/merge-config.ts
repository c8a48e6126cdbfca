/**
 * overrideConfig semantics (spec §1.13): "Only the fields you provide will override the extractor's
 * saved configuration" — a deep merge of plain objects; arrays and scalars replace.
 */
export function mergeConfig<T extends object>(base: T, override: object | undefined): T {
  if (override === undefined) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfig(current, value) : value;
  }
  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

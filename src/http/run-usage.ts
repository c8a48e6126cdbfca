/** Usage in list summaries (RunUsageSummary): the run's credits without the per-charge breakdown. */
import type { Extend } from "extend-ai";

export function toUsageSummary(usage: object | null): Extend.RunUsageSummary | null {
  if (usage === null) return null;
  const { credits, totalCredits } = usage as Extend.RunUsage;
  return totalCredits === undefined ? { credits } : { credits, totalCredits };
}

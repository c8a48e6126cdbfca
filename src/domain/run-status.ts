/**
 * The run lifecycle shared by every run type: statuses and the only transitions allowed between them.
 * Batch runs start PENDING, single runs PROCESSING; PROCESSED, FAILED and CANCELLED are terminal.
 * Upstream parity: the parse status enum has no CANCELLED; the SDK's enums are open (`| string`) and
 * processor runs do have it, so a cancelled parse run reports CANCELLED (spec §2.3 note).
 */
export const RUN_STATUSES = ["PENDING", "PROCESSING", "PROCESSED", "FAILED", "CANCELLED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const TRANSITIONS: Record<RunStatus, readonly RunStatus[]> = {
  PENDING: ["PROCESSING", "FAILED", "CANCELLED"],
  PROCESSING: ["PROCESSED", "FAILED", "CANCELLED"],
  PROCESSED: [],
  FAILED: [],
  CANCELLED: [],
};

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses from which `to` may be entered: what a guarded UPDATE … WHERE status IN (…) uses. */
export function statusesLeadingTo(to: RunStatus): RunStatus[] {
  return RUN_STATUSES.filter((from) => canTransition(from, to));
}

export function isTerminal(status: RunStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Cancel applies to runs that have not finished (spec §1.10: parse/extract/… cancel PROCESSING runs). */
export function isCancellable(status: RunStatus): boolean {
  return canTransition(status, "CANCELLED");
}

export function isRunStatus(value: string): value is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(value);
}

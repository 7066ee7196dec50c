import type { LegalActionStatus } from '@habeas/contracts';

/** Where each status may go: proposed → drafting → filed → decided, and dismissed (reopenable) before filing. */
const NEXT: Record<LegalActionStatus, readonly LegalActionStatus[]> = {
  proposed: ['drafting', 'dismissed'],
  drafting: ['proposed', 'filed', 'dismissed'],
  filed: ['decided'],
  decided: [],
  dismissed: ['proposed'],
};

/** Statuses of an open card, the one a new trigger of its step joins. */
export const OPEN_STATUSES: readonly LegalActionStatus[] = ['proposed', 'drafting'];

export interface ActionChange {
  from: LegalActionStatus;
  to: LegalActionStatus;
  /** The draft text is being changed. */
  editsDraft: boolean;
  /** The outcome the action will have after the change. */
  outcome: string | null;
}

/** Why a change is not allowed, or null when it is; pure. */
export function refusedChange(change: ActionChange): string | null {
  if (change.to !== change.from && !NEXT[change.from].includes(change.to)) {
    return `a ${change.from} action cannot become ${change.to}; it can become ${NEXT[change.from].join(', ') || 'nothing else'}`;
  }
  if ((change.from === 'filed' || change.from === 'decided') && change.editsDraft) return 'the draft of a filed action is what was filed; it cannot change';
  if (change.to === 'decided' && !change.outcome) return 'say the outcome of a decided action';
  return null;
}

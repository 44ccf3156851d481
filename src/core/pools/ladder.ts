import type { LadderStep } from '../leads/index.js';
import type { Org } from '../org/index.js';
import { addBusinessHours } from '../shared/business-hours.js';

export type Ladder = { readonly nudgeAt: Date; readonly managerAt: Date; readonly reclaimAt: Date };

/**
 * The times of the escalation ladder from a start (assignment, claim, approval): nudge, manager copy, reclaim. A
 * lead's own reclaim period scales the first two steps in proportion (48 h → 24/36/48; 72 h → 36/54/72).
 */
export function ladderFrom(org: Org, from: Date, ownReclaimHours?: number): Ladder {
  const s = org.settings;
  const reclaimHours = ownReclaimHours ?? s.reclaimAfterHours;
  const scale = reclaimHours / s.reclaimAfterHours;
  const after = (hours: number) =>
    s.businessHours
      ? addBusinessHours(from, hours, s.businessHours, s.timeZone)
      : new Date(from.getTime() + hours * 3_600_000);
  return {
    nudgeAt: after(s.nudgeAfterHours * scale),
    managerAt: after(s.managerAfterHours * scale),
    reclaimAt: after(reclaimHours),
  };
}

/** The ladder's first step, as stored on a lead that has just become someone's. */
export function ladderStart(ladder: Ladder): { dueStep: LadderStep; dueAt: Date } & Ladder {
  return { ...ladder, dueStep: 'nudge', dueAt: ladder.nudgeAt };
}

/** What comes after a step, with its time; undefined after the reclaim. */
export function nextRung(ladder: Ladder, step: LadderStep): { dueStep: LadderStep; dueAt: Date } | undefined {
  if (step === 'nudge') return { dueStep: 'manager', dueAt: ladder.managerAt };
  if (step === 'manager') return { dueStep: 'reclaim', dueAt: ladder.reclaimAt };
  return undefined;
}

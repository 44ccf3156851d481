import type { LeadStage } from '../leads/index.js';
import type { StageChange } from './stage-evidence.js';

/**
 * Whether a change repeats what the lead's stage holds: no evidence given at all (`/阶段 L-1042 成交` on a won lead),
 * or the same quote, deal or loss as recorded. A new quote for a quoted lead is a new change (a revised price).
 */
export function sameEvidence(stage: LeadStage | undefined, change: StageChange): boolean {
  const { quote, deal, loss } = change;
  if (!quote && !deal && !loss) return true;
  if (quote && (quote.amount !== stage?.quote?.amount || quote.items !== stage?.quote?.items)) return false;
  if (deal) {
    const held = stage?.deal;
    if (deal.contractNo !== held?.contractNo || deal.amount !== held?.amount) return false;
    if (deal.signedAt?.getTime() !== held?.signedAt.getTime()) return false;
  }
  if (loss && (loss.reason !== stage?.loss?.reason || (loss.note ?? undefined) !== stage?.loss?.note))
    return false;
  return true;
}

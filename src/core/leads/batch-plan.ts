import type { LeadId, MemberId } from '../shared/ids.js';
import type { DedupeKeys, Lead } from './lead-types.js';
import type { TakeTurn } from './ports.js';
import type { RoutingCandidate } from './routing-types.js';

type Replay = { idempotencyKey?: string; source: string; externalId?: string };
type Original = Pick<Lead, 'id' | 'ownerId' | 'teamId' | 'keys'>;

/**
 * What a batch knows while it plans: leads already stored or planned earlier in the same batch, by replay key and by
 * dedupe key, so a batch that holds one customer twice yields one original and one duplicate, as two requests would.
 */
export class BatchIndex {
  private readonly byReplay = new Map<string, Lead | LeadId>();
  private readonly byKey = new Map<string, Original>();

  constructor(existing: readonly Lead[]) {
    for (const lead of existing) {
      if (lead.idempotencyKey) this.byReplay.set(`i:${lead.idempotencyKey}`, lead);
      if (lead.externalId) this.byReplay.set(`e:${lead.source}\u0000${lead.externalId}`, lead);
      if (lead.keys) this.addOriginal(lead);
    }
  }

  replayOf(r: Replay): Lead | LeadId | undefined {
    return (
      (r.idempotencyKey ? this.byReplay.get(`i:${r.idempotencyKey}`) : undefined) ??
      (r.externalId ? this.byReplay.get(`e:${r.source}\u0000${r.externalId}`) : undefined)
    );
  }

  originalOf(keys: DedupeKeys): Original | undefined {
    for (const k of ['phone', 'email', 'company'] as const) {
      const hit = keys[k] ? this.byKey.get(`${k}:${keys[k]}`) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }

  /** Remembers a lead planned in this batch: later items with its keys or replay keys refer to it. */
  plan(id: LeadId, r: Replay, original?: Original): void {
    if (r.idempotencyKey) this.byReplay.set(`i:${r.idempotencyKey}`, id);
    if (r.externalId) this.byReplay.set(`e:${r.source}\u0000${r.externalId}`, id);
    if (original) this.addOriginal(original);
  }

  private addOriginal(lead: Original): void {
    for (const k of ['phone', 'email', 'company'] as const) {
      const value = lead.keys?.[k];
      // The first seen (oldest, since existing leads come sorted by id) stays the original.
      if (value && !this.byKey.has(`${k}:${value}`)) this.byKey.set(`${k}:${value}`, lead);
    }
  }
}

/** One member's turns in a batch, folded into one conditional write. */
export class BatchTurns {
  private readonly turns = new Map<MemberId, TakeTurn>();

  add(candidate: RoutingCandidate, nextPass: number, day: string, newDay: boolean): void {
    const prev = this.turns.get(candidate.memberId);
    this.turns.set(candidate.memberId, {
      memberId: candidate.memberId,
      expectedPass: prev?.expectedPass ?? candidate.pass,
      nextPass,
      day,
      newDay: prev?.newDay ?? newDay,
      assignedToday: candidate.assignedToday + 1,
      dailyCap: candidate.dailyCap,
      poolCapacity: candidate.privatePoolCapacity,
      count: (prev?.count ?? 0) + 1,
    });
  }

  list(): TakeTurn[] {
    return [...this.turns.values()];
  }
}

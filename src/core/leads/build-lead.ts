import type { Org } from '../org/index.js';
import { ladderFrom, ladderStart } from '../pools/index.js';
import type { LeadId, MemberId } from '../shared/ids.js';
import type { LeadInput } from './lead-input.js';
import type { Assignment, DedupeKeys, Lead } from './lead-types.js';
import type { NewLead } from './ports.js';
import type { LeadScore } from './score-lead.js';

/** The stored form of a lead before its fate is decided: contact, tags, score, and the request's key and fingerprint. */
export function leadDraft(
  org: Org,
  id: LeadId,
  input: LeadInput,
  scored: LeadScore,
  now: Date,
  request: { readonly idempotencyKey?: string | undefined; readonly fingerprint: string },
): Omit<NewLead, 'status' | 'history'> {
  const contact = Object.fromEntries(
    (['name', 'phone', 'email', 'company', 'wechat'] as const)
      .filter((k) => input[k] !== undefined)
      .map((k) => [k, input[k]]),
  );
  return {
    id,
    orgId: org.id,
    contact,
    source: input.source,
    tags: input.tags,
    score: scored.score,
    grade: scored.grade,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...(input.region !== undefined ? { region: input.region } : {}),
    ...(input.productLine !== undefined ? { productLine: input.productLine } : {}),
    ...(input.campaign !== undefined ? { campaign: input.campaign } : {}),
    ...(input.intent !== undefined ? { intent: input.intent } : {}),
    ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
    ...(input.reclaimAfterHours !== undefined ? { reclaimAfterHours: input.reclaimAfterHours } : {}),
    ...(request.idempotencyKey !== undefined ? { idempotencyKey: request.idempotencyKey } : {}),
    fingerprint: request.fingerprint,
  };
}

/** A routed lead: owned (with its nudge and reclaim times) or waiting in the team's public pool. */
export function routedLead(
  org: Org,
  draft: Omit<NewLead, 'status' | 'history'>,
  keys: DedupeKeys,
  assignment: Assignment,
  ownerName: string | undefined,
): NewLead {
  const now = draft.createdAt;
  const owner = assignment.ownerId;
  const common = { ...draft, keys, assignment, ...(assignment.teamId ? { teamId: assignment.teamId } : {}) };
  if (!owner) {
    return {
      ...common,
      status: 'pooled',
      history: [{ type: 'pooled', at: now, reason: { kind: 'assignment', code: assignment.reason } }],
    };
  }
  return {
    ...common,
    status: 'assigned',
    ownerId: owner,
    ...(ownerName ? { ownerName } : {}),
    assignedAt: now,
    followUpStatus: 'unfollowed',
    ...ladderStart(ladderFrom(org, now, draft.reclaimAfterHours)),
    history: [
      { type: 'assigned', at: now, ownerId: owner, reason: { kind: 'assignment', code: assignment.reason } },
    ],
  };
}

/** A 撞单: stored for the record and linked to its original, never routed; the original's owner is told. */
export function duplicateLead(
  draft: Omit<NewLead, 'status' | 'history'>,
  original: Pick<Lead, 'id' | 'ownerId' | 'teamId'>,
  matchedOn: readonly (keyof DedupeKeys)[],
): NewLead {
  return {
    ...draft,
    status: 'duplicate',
    duplicateOf: original.id,
    duplicateMatch: matchedOn,
    ...(original.ownerId ? { duplicateOwnerId: original.ownerId as MemberId } : {}),
    ...(original.teamId ? { teamId: original.teamId } : {}),
    history: [
      { type: 'duplicate', at: draft.createdAt, reason: { kind: 'duplicate', originalId: original.id } },
    ],
  };
}

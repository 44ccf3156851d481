import { Types } from 'mongoose';
import {
  type Assignment,
  type EventReason,
  HISTORY_LIMIT,
  type Lead,
  type OwnershipEvent,
  type ReleaseRecord,
} from '../../core/leads/lead-types.js';
import type { LeadChange, NewLead } from '../../core/leads/ports.js';
import { customerId, type LeadId, leadId, memberId, orgId, teamId } from '../../core/shared/ids.js';
import type { LeadDoc } from '../models/lead-model.js';
import { mustObjectId } from '../object-id.js';

// History and assignment name members by id; stored as ObjectIds so they can be queried like the other ids.
export function eventToDoc(e: OwnershipEvent): Record<string, unknown> {
  return {
    ...e,
    ...(e.actorId ? { actorId: mustObjectId(e.actorId) } : {}),
    ...(e.ownerId ? { ownerId: mustObjectId(e.ownerId) } : {}),
    ...(e.fromOwnerId ? { fromOwnerId: mustObjectId(e.fromOwnerId) } : {}),
    ...(e.managerId ? { managerId: mustObjectId(e.managerId) } : {}),
  };
}

function eventFromDoc(d: Record<string, unknown>): OwnershipEvent {
  const id = (k: string) =>
    d[k] instanceof Types.ObjectId ? memberId((d[k] as Types.ObjectId).toHexString()) : undefined;
  const actorId = id('actorId');
  const ownerId = id('ownerId');
  const fromOwnerId = id('fromOwnerId');
  const managerId = id('managerId');
  return {
    type: d.type as OwnershipEvent['type'],
    at: d.at as Date,
    ...(actorId ? { actorId } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(fromOwnerId ? { fromOwnerId } : {}),
    ...reasonFromDoc(d.reason),
    ...(typeof d.actorName === 'string' ? { actorName: d.actorName } : {}),
    ...(managerId ? { managerId } : {}),
    ...(d.release ? { release: releaseFromDoc(d.release) as ReleaseRecord } : {}),
    ...(d.stage ? { stage: d.stage as NonNullable<OwnershipEvent['stage']> } : {}),
  };
}

export function leadToDoc(lead: NewLead & { id: LeadId; code?: string }): LeadDoc {
  const doc: Record<string, unknown> = {
    ...lead,
    _id: mustObjectId(lead.id),
    orgId: mustObjectId(lead.orgId),
    history: lead.history.slice(-HISTORY_LIMIT).map(eventToDoc),
    historyTotal: lead.history.length,
    noticesPending: true,
  };
  delete doc.id;
  // The driver would store an undefined field as null; absent is what every query here means.
  for (const [k, v] of Object.entries(doc)) if (v === undefined) delete doc[k];
  if (lead.teamId) doc.teamId = mustObjectId(lead.teamId);
  if (lead.ownerId) doc.ownerId = mustObjectId(lead.ownerId);
  if (lead.duplicateOf) doc.duplicateOf = mustObjectId(lead.duplicateOf);
  if (lead.duplicateOwnerId) doc.duplicateOwnerId = mustObjectId(lead.duplicateOwnerId);
  if (lead.assignment) doc.assignment = lead.assignment;
  return doc as LeadDoc;
}

export function leadFromDoc(doc: LeadDoc): Lead {
  const opt = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    id: leadId(doc._id.toHexString()),
    orgId: orgId(doc.orgId.toHexString()),
    ...opt('code', doc.code),
    contact: doc.contact ?? {},
    source: doc.source,
    tags: doc.tags ?? [],
    score: doc.score,
    grade: doc.grade,
    status: doc.status,
    history: (doc.history ?? []).map(eventFromDoc),
    ...(historyDropped(doc) > 0 ? { historyDropped: historyDropped(doc) } : {}),
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    ...opt('region', doc.region),
    ...opt('productLine', doc.productLine),
    ...opt('campaign', doc.campaign),
    ...opt('intent', doc.intent),
    ...opt('externalId', doc.externalId),
    ...opt('idempotencyKey', doc.idempotencyKey),
    ...opt('fingerprint', doc.fingerprint),
    ...opt('teamId', doc.teamId ? teamId(doc.teamId.toHexString()) : undefined),
    ...opt('ownerId', doc.ownerId ? memberId(doc.ownerId.toHexString()) : undefined),
    ...opt('ownerName', doc.ownerName),
    ...opt('duplicateOf', doc.duplicateOf ? leadId(doc.duplicateOf.toHexString()) : undefined),
    ...opt(
      'duplicateOwnerId',
      doc.duplicateOwnerId ? memberId(doc.duplicateOwnerId.toHexString()) : undefined,
    ),
    ...opt('duplicateMatch', doc.duplicateMatch as Lead['duplicateMatch']),
    ...opt('keys', doc.keys),
    ...opt('assignment', doc.assignment as Assignment | undefined),
    ...opt('assignedAt', doc.assignedAt),
    ...opt('claimedAt', doc.claimedAt),
    ...opt('nudgeAt', doc.nudgeAt),
    ...opt('managerAt', doc.managerAt),
    ...opt('followUpStatus', doc.followUpStatus),
    ...opt('reclaimAfterHours', doc.reclaimAfterHours),
    ...opt('dueStep', doc.dueStep),
    ...opt('dueAt', doc.dueAt),
    ...opt('cooldowns', doc.cooldowns as Lead['cooldowns']),
    ...opt('pendingRelease', releaseFromDoc(doc.pendingRelease) as Lead['pendingRelease']),
    ...opt('reclaimAt', doc.reclaimAt),
    ...opt('respondedAt', doc.respondedAt),
    ...opt('lastReclaim', lastReclaimFromDoc(doc.lastReclaim)),
    ...opt('stage', doc.stage as Lead['stage']),
    ...opt('plan', doc.plan as Lead['plan']),
    ...opt('lastFollowUp', doc.lastFollowUp as Lead['lastFollowUp']),
    ...opt('customerId', doc.customerId ? customerId(doc.customerId.toHexString()) : undefined),
  };
}

// Top-level ids are stored as ObjectIds (they are queried); ids inside sub-documents stay strings.
const ID_FIELDS = new Set(['ownerId', 'teamId', 'customerId']);
const idsOf = (key: string, value: unknown): unknown =>
  key === 'lastReclaim'
    ? { ...(value as object), fromOwnerId: mustObjectId((value as { fromOwnerId: string }).fromOwnerId) }
    : ID_FIELDS.has(key)
      ? mustObjectId(value as string)
      : value;

/**
 * A LeadChange as one MongoDB update: $set/$unset the fields, bump the version, append the event. The history keeps
 * its newest HISTORY_LIMIT events (`$push` with `$each` + `$slice`) and `historyTotal` counts every event ever
 * appended, in the same write; what was dropped is `historyTotal - history.length`, exact however many writes race
 * (a claim's write is not conditional on the version read, so a count computed from the read could be off).
 */
export function changeToUpdate(change: LeadChange): Record<string, unknown> {
  const set: Record<string, unknown> = { updatedAt: change.event.at, noticesPending: true };
  for (const [key, value] of Object.entries(change.set ?? {})) {
    if (value === undefined) continue;
    set[key] = idsOf(key, value);
  }
  const unset = Object.fromEntries((change.unset ?? []).map((k) => [k, 1]));
  return {
    $set: set,
    ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
    $inc: { version: 1, historyTotal: 1 },
    $push: { history: { $each: [eventToDoc(change.event)], $slice: -HISTORY_LIMIT } },
  };
}

// The reclaimed-from member is stored as an ObjectId (the reports group by it), read back as an id.
function lastReclaimFromDoc(value: LeadDoc['lastReclaim']): Lead['lastReclaim'] {
  if (!value) return undefined;
  return {
    at: value.at,
    fromOwnerId: memberId(value.fromOwnerId.toHexString()),
    stale: value.stale === true,
  };
}

/** Events dropped from a stored history; a lead stored before `historyTotal` existed counts from its first write. */
export function historyDropped(doc: Pick<LeadDoc, 'history' | 'historyTotal'>): number {
  const kept = (doc.history ?? []).length;
  return Math.max(0, (doc.historyTotal ?? kept) - kept);
}

/**
 * Reasons were stored as sentences before they became data; such an old one is read as what someone typed, so it
 * is still shown as it was and never mistaken for a cause the catalogue words.
 */
function reasonFromDoc(value: unknown): { reason?: EventReason } {
  if (typeof value === 'string') return { reason: { kind: 'typed', text: value } };
  if (value && typeof value === 'object' && typeof (value as { kind?: unknown }).kind === 'string') {
    return { reason: value as EventReason };
  }
  return {};
}

/** A release record (or a pending one) with its reason read as `reasonFromDoc` reads an event's. */
function releaseFromDoc(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const { reason } = reasonFromDoc(record.reason);
  return { ...record, ...(reason ? { reason } : {}) };
}

import { Types } from 'mongoose';
import type { DueLeadsReader, DueQuery } from '../../core/follow-ups/index.js';
import { leadCodeOf } from '../../core/leads/lead-code.js';
import type { DedupeKeys, Lead } from '../../core/leads/lead-types.js';
import {
  type InsertConflict,
  type LeadChange,
  type LeadCondition,
  type LeadQuery,
  type LeadRepository,
  type NewLead,
  statusesOfQuery,
} from '../../core/leads/ports.js';
import { type LeadId, leadId, type OrgId } from '../../core/shared/ids.js';
import type { LeadDoc } from '../models/lead-model.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';
import { mongoCounters } from './counter-repository.js';
import { findDueLists } from './lead-due-lists.js';
import { changeToUpdate, leadFromDoc, leadToDoc } from './lead-mapping.js';

/** The counter lead codes are numbered from. */
export const LEAD_CODE_SEQUENCE = 'lead_code';

type Replay = { idempotencyKey?: string; source: string; externalId?: string };

/** The unique index a duplicate-key error names tells a replayed request from a second lead of one customer. */
function conflictOf(error: { errmsg?: string; message?: string }): InsertConflict | undefined {
  const text = error.errmsg ?? error.message ?? '';
  if (text.includes('lead_replay_')) return 'replay';
  if (text.includes('lead_dedupe_')) return 'duplicate';
  return undefined;
}

function replayClauses(replays: readonly Replay[]): Record<string, unknown>[] {
  const keys = replays.flatMap((r) => (r.idempotencyKey ? [r.idempotencyKey] : []));
  const external = replays.filter((r) => r.externalId !== undefined);
  return [
    ...(keys.length ? [{ idempotencyKey: { $in: keys } }] : []),
    ...external.map((r) => ({ source: r.source, externalId: r.externalId })),
  ];
}

function keyClauses(keys: readonly DedupeKeys[]): Record<string, unknown>[] {
  return (['phone', 'email', 'company'] as const).flatMap((k) => {
    const values = [...new Set(keys.flatMap((x) => (x[k] ? [x[k]] : [])))];
    return values.length ? [{ [`keys.${k}`]: values.length === 1 ? values[0] : { $in: values } }] : [];
  });
}

const isReplayOf = (lead: Lead, r: Replay) =>
  (r.idempotencyKey !== undefined && lead.idempotencyKey === r.idempotencyKey) ||
  (r.externalId !== undefined && lead.source === r.source && lead.externalId === r.externalId);

/**
 * Leads in MongoDB. Inserts go through the driver's collection directly: the lead was built and typed by core, and
 * skipping mongoose's per-document casting and validation keeps a 10,000-lead import inside its CPU budget.
 */
export function mongoLeadRepository(models: Models): LeadRepository & DueLeadsReader {
  const { Lead: Model } = models;
  const counters = mongoCounters(models);
  /** Codes for leads about to be stored in one org: one `$inc` for the lot. A refused insert leaves a gap, harmlessly. */
  const codesFor = async (org: OrgId, count: number) => {
    const first = await counters.reserve(org, LEAD_CODE_SEQUENCE, count);
    return Array.from({ length: count }, (_, i) => leadCodeOf(first + i));
  };
  const findOr = async (org: OrgId, clauses: Record<string, unknown>[]) =>
    clauses.length === 0
      ? []
      : // Through the driver: a plain query needs none of mongoose's query building and casting (CPU per lead).
        (
          await Model.collection
            .find({ orgId: mustObjectId(org), $or: clauses })
            .sort({ _id: 1 })
            .toArray()
        ).map((d) => leadFromDoc(d as unknown as LeadDoc));

  /** A batch is one org's in practice, but each org gets its own range all the same. */
  const codesForMany = async (leads: readonly NewLead[]) => {
    const codes: string[] = new Array(leads.length);
    for (const org of new Set(leads.map((l) => l.orgId))) {
      const at = leads.flatMap((l, i) => (l.orgId === org ? [i] : []));
      const range = await codesFor(org, at.length);
      at.forEach((i, k) => {
        codes[i] = range[k]!;
      });
    }
    return codes;
  };

  return {
    newId: () => leadId(new Types.ObjectId().toHexString()),
    async get(org, id) {
      const _id = toObjectId(id);
      const doc = _id ? await Model.findOne({ _id, orgId: mustObjectId(org) }).lean<LeadDoc>() : null;
      return doc ? leadFromDoc(doc) : undefined;
    },
    async findExisting(org, keys, replay) {
      const found = await findOr(org, [...replayClauses([replay]), ...keyClauses([keys])]);
      const hit = found.find((l) => isReplayOf(l, replay));
      // Oldest first: a customer matching several originals is a duplicate of the first one seen.
      const original = found.find((l) => l.keys !== undefined && l !== hit && sharesKey(l.keys, keys));
      return { ...(hit ? { replay: hit } : {}), ...(original ? { original } : {}) };
    },
    async findByCode(org, code) {
      const doc = await Model.findOne({ orgId: mustObjectId(org), code }).lean<LeadDoc>();
      return doc ? leadFromDoc(doc) : undefined;
    },
    findExistingMany: (org, keys, replays) => findOr(org, [...replayClauses(replays), ...keyClauses(keys)]),
    async insert(lead: NewLead) {
      const id = lead.id ?? leadId(new Types.ObjectId().toHexString());
      const [code] = await codesFor(lead.orgId, 1);
      const doc = leadToDoc({ ...lead, id, ...(code ? { code } : {}) });
      try {
        await Model.collection.insertOne(doc);
        return { lead: leadFromDoc(doc) };
      } catch (error) {
        const conflict =
          (error as { code?: number }).code === 11000 ? conflictOf(error as object) : undefined;
        if (conflict) return { conflict };
        throw error;
      }
    },
    async insertMany(leads: readonly NewLead[]) {
      if (leads.length === 0) return [];
      const codes = await codesForMany(leads);
      const docs = leads.map((l, i) =>
        leadToDoc({ ...l, id: l.id ?? leadId(new Types.ObjectId().toHexString()), code: codes[i]! }),
      );
      const failed = new Map<number, InsertConflict>();
      try {
        await Model.collection.insertMany(docs, { ordered: false });
      } catch (error) {
        const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
        const list = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as {
          index: number;
          code: number;
          errmsg?: string;
        }[];
        if (list.length === 0) throw error;
        for (const e of list) {
          const conflict = e.code === 11000 ? conflictOf(e) : undefined;
          if (!conflict) throw error;
          failed.set(e.index, conflict);
        }
      }
      return docs.map((doc, i) => {
        const conflict = failed.get(i);
        return conflict ? { conflict } : { lead: leadFromDoc(doc) };
      });
    },
    async updateIf(org: OrgId, id: LeadId, condition: LeadCondition, change: LeadChange) {
      const doc = await Model.findOneAndUpdate(
        { _id: mustObjectId(id), orgId: mustObjectId(org), ...conditionFilter(condition) },
        changeToUpdate(change),
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return doc ? leadFromDoc(doc) : undefined;
    },
    async findDue(now: Date, limit: number) {
      const docs = await Model.find({ dueAt: { $lte: now } })
        .sort({ dueAt: 1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(leadFromDoc);
    },
    async findPlanDue(now: Date, limit: number) {
      const docs = await Model.find({ 'plan.dueAt': { $lte: now } })
        .sort({ 'plan.dueAt': 1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(leadFromDoc);
    },
    findDueLists: (org: OrgId, q: DueQuery) => findDueLists(models, org, q),
    async list(org: OrgId, q: LeadQuery) {
      const filter = queryFilter(org, q);
      if (q.before)
        filter._id = { $lt: toObjectId(q.before) ?? new Types.ObjectId('000000000000000000000000') };
      const docs = await Model.find(filter).sort({ _id: -1 }).limit(q.limit).lean<LeadDoc[]>();
      return docs.map(leadFromDoc);
    },
    async count(org: OrgId, q: Omit<LeadQuery, 'limit' | 'before'>) {
      return Model.countDocuments(queryFilter(org, q));
    },
  };
}

/** The filter of a list query, shared by `list` and `count` so the two never disagree on what matches. */
function queryFilter(org: OrgId, q: Omit<LeadQuery, 'limit' | 'before'>): Record<string, unknown> {
  const filter: Record<string, unknown> = { orgId: mustObjectId(org) };
  if (q.ownerId) filter.ownerId = toObjectId(q.ownerId) ?? null;
  if (q.teamId) filter.teamId = toObjectId(q.teamId) ?? null;
  else if (q.teamIds) filter.teamId = { $in: q.teamIds.map((t) => toObjectId(t) ?? null) };
  const statuses = statusesOfQuery(q);
  if (statuses) filter.status = { $in: statuses };
  if (q.source) filter.source = q.source;
  if (q.campaign) filter.campaign = q.campaign;
  if (q.from || q.to)
    filter.createdAt = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lt: q.to } : {}) };
  return filter;
}

function sharesKey(a: DedupeKeys, b: DedupeKeys): boolean {
  return (['phone', 'email', 'company'] as const).some((k) => a[k] !== undefined && a[k] === b[k]);
}

/** The filter a condition adds: the version read, or "still claimable by this member" (the claim race). */
function conditionFilter(condition: LeadCondition): Record<string, unknown> {
  if ('version' in condition) return { version: condition.version };
  const member = mustObjectId(condition.claimableBy);
  return { $or: [{ status: 'pooled' }, { status: 'assigned', ownerId: member }] };
}

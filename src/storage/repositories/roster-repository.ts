import type { PoolClaimLimits, RosterMember, RosterRepository, TakeTurn } from '../../core/leads/ports.js';
import { type MemberId, memberId, type OrgId, teamId } from '../../core/shared/ids.js';
import type { MemberDoc } from '../models/member-model.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';

const ROSTER_FIELDS = {
  name: 1,
  teamId: 1,
  level: 1,
  roles: 1,
  active: 1,
  availability: 1,
  dailyCap: 1,
  poolCapacity: 1,
  routing: 1,
};

function toRosterMember(doc: MemberDoc): RosterMember {
  const r = doc.routing ?? {};
  return {
    memberId: memberId(doc._id.toHexString()),
    name: doc.name,
    teamId: teamId(doc.teamId?.toHexString() ?? ''),
    level: doc.level,
    roles: doc.roles,
    active: doc.active,
    onLeave: doc.availability === 'on_leave',
    ...(typeof doc.dailyCap === 'number' ? { dailyCap: doc.dailyCap } : {}),
    ...(typeof doc.poolCapacity === 'number' ? { poolCapacity: doc.poolCapacity } : {}),
    pass: r.pass ?? 0,
    ...(r.day ? { day: r.day } : {}),
    assignedToday: r.today ?? 0,
    openLeads: r.open ?? 0,
  };
}

// A member never routed has no pass yet; `null` matches the missing field, so pass 0 means "0 or never set".
const passIs = (pass: number) => (pass === 0 ? { $in: [0, null] } : pass);

/**
 * The turn's whole condition in one filter: the pass unchanged since the read (nobody took this member's turn
 * meanwhile), still active and available, today's count below the cap and room in the private pool for the leads
 * this turn gives. The counts are checked and moved with `$inc`, so an undone turn (`$inc -1`) stays exact.
 */
function turnFilter(org: OrgId, t: TakeTurn): Record<string, unknown> {
  return {
    _id: mustObjectId(t.memberId),
    orgId: mustObjectId(org),
    active: true,
    availability: 'available',
    'routing.pass': passIs(t.expectedPass),
    'routing.open': { $not: { $gt: t.poolCapacity - t.count } },
    ...(t.newDay
      ? { 'routing.day': { $ne: t.day } }
      : { 'routing.day': t.day, 'routing.today': { $lte: t.dailyCap - t.count } }),
  };
}

function turnUpdate(t: TakeTurn) {
  return t.newDay
    ? {
        $set: { 'routing.pass': t.nextPass, 'routing.day': t.day, 'routing.today': t.count },
        $inc: { 'routing.open': t.count },
      }
    : { $set: { 'routing.pass': t.nextPass }, $inc: { 'routing.open': t.count, 'routing.today': t.count } };
}

/** Routing state lives on the member documents, so a turn is one conditional write on one document. */
export function mongoRosterRepository(models: Models): RosterRepository {
  const { Member } = models;
  const readRoster = async (filter: Record<string, unknown>) => {
    const docs = await Member.collection
      .find(filter, { projection: ROSTER_FIELDS })
      .sort({ _id: 1 })
      .toArray();
    return docs.map((d) => toRosterMember(d as unknown as MemberDoc));
  };
  return {
    // Both read through the driver: routing reads the roster on every intake, and mongoose's query building was a
    // measurable share of intake CPU (npm run bench).
    async load(org, team) {
      return readRoster({ orgId: mustObjectId(org), teamId: mustObjectId(team) });
    },
    async loadAll(org) {
      return readRoster({ orgId: mustObjectId(org), teamId: { $exists: true } });
    },
    async takeTurn(org, turn) {
      // `$not` also matches a missing counter (0 leads), which is right only while the limit is not below 0.
      if (turn.assignedToday > turn.dailyCap || turn.count > turn.poolCapacity) return false;
      const result = await Member.collection.updateOne(turnFilter(org, turn), turnUpdate(turn));
      return result.modifiedCount === 1;
    },
    async takeTurns(org, turns) {
      if (turns.length === 0) return [];
      if (turns.some((t) => t.count > t.poolCapacity))
        throw new Error('a batch turn larger than the private pool');
      const result = await Member.collection.bulkWrite(
        turns.map((t) => ({ updateOne: { filter: turnFilter(org, t), update: turnUpdate(t) } })),
        { ordered: false },
      );
      if (result.modifiedCount === turns.length) return turns.map(() => true);
      // Some lost a race: a member whose pass is now ours took the turn; the others did not.
      const docs = await Member.find(
        { orgId: mustObjectId(org), _id: { $in: turns.map((t) => mustObjectId(t.memberId)) } },
        { routing: 1 },
      ).lean<MemberDoc[]>();
      const passOf = new Map(docs.map((d) => [d._id.toHexString(), d.routing?.pass ?? 0]));
      return turns.map((t) => passOf.get(t.memberId) === t.nextPass);
    },
    async undoTurn(org, turn) {
      // Only today's count is given back; a turn of another day has already been reset by the day's first turn.
      const back = { 'routing.open': -turn.count, 'routing.today': -turn.count };
      // Restore the pass only if nobody has moved it since; otherwise the rotation has moved on without us.
      const restored = await Member.collection.updateOne(
        { _id: mustObjectId(turn.memberId), orgId: mustObjectId(org), 'routing.pass': turn.nextPass },
        { $set: { 'routing.pass': turn.expectedPass }, $inc: back },
      );
      if (restored.modifiedCount === 0) {
        await Member.collection.updateOne(
          { _id: mustObjectId(turn.memberId), orgId: mustObjectId(org) },
          { $inc: back },
        );
      }
    },
    async reservePoolSlot(org, member: MemberId, limits: PoolClaimLimits) {
      if (limits.capacity < 1) return 'capacity';
      if (limits.perDay < 1) return 'daily_limit';
      const base = {
        _id: mustObjectId(member),
        orgId: mustObjectId(org),
        'routing.open': { $not: { $gte: limits.capacity } },
      };
      // Today's claims go on counting; a member's first claim of the day starts the count again. Two tries of each:
      // a concurrent claim by the same member may start the day between our two writes.
      for (let attempt = 0; attempt < 2; attempt++) {
        const sameDay = await Member.collection.updateOne(
          { ...base, 'routing.poolDay': limits.day, 'routing.poolClaims': { $lt: limits.perDay } },
          { $inc: { 'routing.open': 1, 'routing.poolClaims': 1 } },
        );
        if (sameDay.modifiedCount === 1) return 'ok';
        const newDay = await Member.collection.updateOne(
          { ...base, 'routing.poolDay': { $ne: limits.day } },
          { $set: { 'routing.poolDay': limits.day, 'routing.poolClaims': 1 }, $inc: { 'routing.open': 1 } },
        );
        if (newDay.modifiedCount === 1) return 'ok';
      }
      const doc = await Member.findOne(
        { _id: mustObjectId(member), orgId: mustObjectId(org) },
        { routing: 1 },
      ).lean<MemberDoc>();
      return (doc?.routing?.open ?? 0) >= limits.capacity ? 'capacity' : 'daily_limit';
    },
    async unreservePoolSlot(org, member: MemberId, day: string) {
      await Member.collection.updateOne(
        {
          _id: mustObjectId(member),
          orgId: mustObjectId(org),
          'routing.poolDay': day,
          'routing.poolClaims': { $gt: 0 },
        },
        { $inc: { 'routing.poolClaims': -1 } },
      );
      await this.freePoolSlot(org, member);
    },
    async freePoolSlot(org, member: MemberId) {
      await Member.collection.updateOne(
        { _id: mustObjectId(member), orgId: mustObjectId(org), 'routing.open': { $gt: 0 } },
        { $inc: { 'routing.open': -1 } },
      );
    },
    async freePoolSlots(org, members: readonly MemberId[]) {
      if (members.length === 0) return;
      await Member.collection.bulkWrite(
        members.map((m) => ({
          updateOne: {
            filter: { _id: mustObjectId(m), orgId: mustObjectId(org), 'routing.open': { $gt: 0 } },
            update: { $inc: { 'routing.open': -1 } },
          },
        })),
        { ordered: true },
      );
    },
    async addToPool(org, member: MemberId) {
      await Member.collection.updateOne(
        { _id: mustObjectId(member), orgId: mustObjectId(org) },
        { $inc: { 'routing.open': 1 } },
      );
    },
  };
}

import type {
  PoolClaimLimits,
  RosterMember,
  RosterRepository,
  TakeTurn,
} from '../../src/core/leads/ports.js';
import type { Member } from '../../src/core/org/types.js';
import type { MemberId, OrgId, TeamId } from '../../src/core/shared/ids.js';

/** A member's routing state as the member document stores it (`routing.*`); absent counters are 0. */
type State = {
  readonly member: Member;
  pass?: number;
  day?: string;
  today?: number;
  open?: number;
  poolDay?: string;
  poolClaims?: number;
};

/**
 * The roster in memory, with the mongo repository's conditions (the contract test holds both to them): a turn is
 * taken only if the pass is unchanged, the member active and available, under the daily cap and with room in the
 * private pool; each write checks and changes in one synchronous step after a turn of the event loop.
 */
export class FakeRosterRepository implements RosterRepository {
  private readonly states = new Map<MemberId, State>();

  constructor(members: readonly Member[] = []) {
    for (const member of members) this.add(member);
  }

  add(member: Member, routing: Omit<State, 'member'> = {}): void {
    this.states.set(member.id, { member, ...routing });
  }

  /** A member's stored routing state (test assertions only). */
  stateOf(id: MemberId): Omit<State, 'member'> {
    const state = this.states.get(id);
    if (!state) return {};
    const { member: _member, ...routing } = state;
    return routing;
  }

  async load(org: OrgId, team: TeamId) {
    await turn();
    return this.roster(org).filter((m) => m.teamId === team);
  }

  async loadAll(org: OrgId) {
    await turn();
    return this.roster(org).filter((m) => (m.teamId as string) !== '');
  }

  async takeTurn(org: OrgId, t: TakeTurn) {
    if (t.assignedToday > t.dailyCap || t.count > t.poolCapacity) return false;
    await turn();
    return this.takeNow(org, t);
  }

  async takeTurns(org: OrgId, turns: readonly TakeTurn[]) {
    if (turns.some((t) => t.count > t.poolCapacity))
      throw new Error('a batch turn larger than the private pool');
    await turn();
    return turns.map((t) => this.takeNow(org, t));
  }

  async undoTurn(org: OrgId, t: TakeTurn) {
    await turn();
    const s = this.state(org, t.memberId);
    if (!s) return;
    if ((s.pass ?? 0) === t.nextPass) s.pass = t.expectedPass;
    s.open = (s.open ?? 0) - t.count;
    s.today = (s.today ?? 0) - t.count;
  }

  async reservePoolSlot(org: OrgId, id: MemberId, limits: PoolClaimLimits) {
    if (limits.capacity < 1) return 'capacity' as const;
    if (limits.perDay < 1) return 'daily_limit' as const;
    await turn();
    const s = this.state(org, id);
    if (!s || (s.open ?? 0) >= limits.capacity) return 'capacity' as const;
    if (s.poolDay === limits.day && (s.poolClaims ?? 0) >= limits.perDay) return 'daily_limit' as const;
    if (s.poolDay === limits.day) s.poolClaims = (s.poolClaims ?? 0) + 1;
    else Object.assign(s, { poolDay: limits.day, poolClaims: 1 });
    s.open = (s.open ?? 0) + 1;
    return 'ok' as const;
  }

  async unreservePoolSlot(org: OrgId, id: MemberId, day: string) {
    await turn();
    const s = this.state(org, id);
    if (s && s.poolDay === day && (s.poolClaims ?? 0) > 0) s.poolClaims = (s.poolClaims ?? 0) - 1;
    await this.freePoolSlot(org, id);
  }

  async freePoolSlot(org: OrgId, id: MemberId) {
    await turn();
    const s = this.state(org, id);
    if (s && (s.open ?? 0) > 0) s.open = (s.open ?? 0) - 1;
  }

  async freePoolSlots(org: OrgId, ids: readonly MemberId[]) {
    for (const id of ids) await this.freePoolSlot(org, id);
  }

  async addToPool(org: OrgId, id: MemberId) {
    await turn();
    const s = this.state(org, id);
    if (s) s.open = (s.open ?? 0) + 1;
  }

  private takeNow(org: OrgId, t: TakeTurn): boolean {
    const s = this.state(org, t.memberId);
    if (!s?.member.active || s.member.availability !== 'available') return false;
    if ((s.pass ?? 0) !== t.expectedPass || (s.open ?? 0) > t.poolCapacity - t.count) return false;
    if (t.newDay ? s.day === t.day : s.day !== t.day || (s.today ?? 0) > t.dailyCap - t.count) return false;
    s.pass = t.nextPass;
    s.open = (s.open ?? 0) + t.count;
    if (t.newDay) Object.assign(s, { day: t.day, today: t.count });
    else s.today = (s.today ?? 0) + t.count;
    return true;
  }

  private state(org: OrgId, id: MemberId): State | undefined {
    const s = this.states.get(id);
    return s?.member.orgId === org ? s : undefined;
  }

  private roster(org: OrgId): RosterMember[] {
    return [...this.states.values()]
      .filter((s) => s.member.orgId === org)
      .sort((a, b) => (a.member.id < b.member.id ? -1 : 1))
      .map((s) => toRosterMember(s));
  }
}

function toRosterMember(s: State): RosterMember {
  const m = s.member;
  return {
    memberId: m.id,
    name: m.name,
    teamId: (m.teamId ?? '') as TeamId,
    level: m.level,
    roles: m.roles,
    active: m.active,
    onLeave: m.availability === 'on_leave',
    ...(m.dailyCap !== undefined ? { dailyCap: m.dailyCap } : {}),
    ...(m.poolCapacity !== undefined ? { poolCapacity: m.poolCapacity } : {}),
    pass: s.pass ?? 0,
    ...(s.day ? { day: s.day } : {}),
    assignedToday: s.today ?? 0,
    openLeads: s.open ?? 0,
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

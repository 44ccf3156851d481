import type { Task } from '../../../src/core/after-sales/index.js';
import type { Lead, LeadChange } from '../../../src/core/leads/index.js';
import type {
  BeginOutcome,
  LeadMove,
  OffboardingRun,
  OffboardingStore,
} from '../../../src/core/offboarding/index.js';
import type { Member, PlatformIdentity } from '../../../src/core/org/index.js';
import { leadId, type MemberId, type OrgId, type TeamId } from '../../../src/core/shared/ids.js';
import { type FakeMemberRepository, ORG_ID, TEAM_ID } from '../fakes.js';

/** A lead with what offboarding reads of it; the rest of a stored lead does not matter to it. */
export function openLead(n: number, owner: Member, grade: 'normal' | 'important' = 'normal'): Lead {
  return {
    id: leadId(`lead-${n}`),
    orgId: ORG_ID,
    code: `L-${1000 + n}`,
    status: 'claimed',
    ownerId: owner.id,
    ownerName: owner.name,
    teamId: owner.teamId ?? TEAM_ID,
    grade,
    contact: { name: `客户${n}` },
    history: [],
    version: 1,
  } as unknown as Lead;
}

/** Offboarding's store in memory: the run on the member (fake repository), leads and their bulk moves counted. */
export class FakeOffboardingStore implements OffboardingStore {
  readonly leads = new Map<string, Lead>();
  readonly runs = new Map<MemberId, OffboardingRun>();
  readonly former = new Map<MemberId, readonly PlatformIdentity[]>();
  readonly openCounts = new Map<MemberId, number>();
  readonly tokens: { memberId: MemberId; revokedAt?: Date }[] = [];
  /** How many bulk writes were sent, and with how many leads each. */
  readonly bulkWrites: number[] = [];
  /** Runs before each bulk write is applied (a test changes a lead under it, or throws). */
  beforeMove: (moves: readonly LeadMove[]) => void = () => {};

  constructor(private readonly members: FakeMemberRepository) {}

  add(...leads: Lead[]) {
    for (const lead of leads) this.leads.set(lead.id, lead);
  }

  async begin(org: OrgId, id: MemberId, run: OffboardingRun, identities: readonly PlatformIdentity[]) {
    const member = await this.members.get(org, id);
    if (!member) return { refused: 'not_found' } as BeginOutcome;
    const stored = this.runs.get(id);
    if (member.active) {
      this.members.members.set(id, { ...member, active: false, identities: [] });
      this.former.set(id, identities);
      this.runs.set(id, run);
      return { started: 'fresh', run } as BeginOutcome;
    }
    if (stored && !stored.finishedAt && stored.leaseUntil.getTime() <= run.startedAt.getTime()) {
      this.runs.set(id, { ...stored, leaseUntil: run.leaseUntil });
      return { started: 'resumed', run: stored } as BeginOutcome;
    }
    if (stored && !stored.finishedAt) return { refused: 'held', run: stored } as BeginOutcome;
    return { refused: 'done', ...(stored ? { run: stored } : {}) } as BeginOutcome;
  }
  async renew(_org: OrgId, id: MemberId, leaseUntil: Date) {
    const run = this.runs.get(id);
    if (run && !run.finishedAt) this.runs.set(id, { ...run, leaseUntil });
  }
  async finish(_org: OrgId, id: MemberId, at: Date) {
    this.runs.set(id, { ...this.runs.get(id)!, finishedAt: at });
    this.openCounts.set(id, 0);
  }
  private open(id: MemberId) {
    return [...this.leads.values()].filter(
      (l) => l.ownerId === id && (l.status === 'assigned' || l.status === 'claimed'),
    );
  }
  async openLeadsOf(_org: OrgId, id: MemberId, limit: number) {
    return this.open(id).slice(0, limit);
  }
  async countOpenLeads(_org: OrgId, id: MemberId) {
    return this.open(id).length;
  }
  async moveLeads(_org: OrgId, moves: readonly LeadMove[]) {
    this.bulkWrites.push(moves.length);
    this.beforeMove(moves);
    let applied = 0;
    for (const { lead, change } of moves) {
      const now = this.leads.get(lead.id);
      if (!now || now.version !== lead.version) continue;
      this.leads.set(lead.id, apply(now, change));
      applied++;
    }
    return applied;
  }
  async addOpenLeads(_org: OrgId, id: MemberId, n: number) {
    this.openCounts.set(id, (this.openCounts.get(id) ?? 0) + n);
  }
  async handedOver(
    _org: OrgId,
    leaver: MemberId,
    to: { memberId: MemberId } | { poolOfTeam: TeamId },
    limit: number,
  ) {
    const mine = [...this.leads.values()].filter(
      (l) =>
        l.history.some((e) => e.reason?.kind === 'offboarding' && e.reason.memberId === leaver) &&
        ('memberId' in to ? l.ownerId === to.memberId : l.status === 'pooled' && l.teamId === to.poolOfTeam),
    );
    const sorted = [...mine].sort((a, b) => a.grade.localeCompare(b.grade));
    return {
      count: mine.length,
      first: sorted.slice(0, limit).map((l) => ({ ...(l.code ? { code: l.code } : {}), grade: l.grade })),
    };
  }
  async revokeMemberTokens(_org: OrgId, id: MemberId, at: Date) {
    let n = 0;
    for (const token of this.tokens) {
      if (token.memberId === id && !token.revokedAt) {
        token.revokedAt = at;
        n++;
      }
    }
    return n;
  }
}

/** A change applied as the repository's one write does: set, unset, the event appended, the version bumped. */
function apply(lead: Lead, change: LeadChange): Lead {
  const next: Record<string, unknown> = { ...lead, ...change.set };
  for (const key of change.unset ?? []) delete next[key];
  return { ...(next as Lead), history: [...lead.history, change.event], version: lead.version + 1 };
}

/** Open tasks in memory: `list` by assignee and status, `updateIf` on the version. */
export class FakeTasks {
  readonly rows = new Map<string, Task>();
  add(task: Partial<Task> & Pick<Task, 'id' | 'assigneeId'>) {
    this.rows.set(task.id, {
      status: 'open',
      version: 1,
      code: `T-${task.id}`,
      customerName: '云杉科技',
      ...task,
    } as Task);
  }
  async list(_org: OrgId, q: { assigneeId?: MemberId; statuses?: readonly string[]; limit: number }) {
    return [...this.rows.values()].filter(
      (t) =>
        (!q.assigneeId || t.assigneeId === q.assigneeId) && (!q.statuses || q.statuses.includes(t.status)),
    );
  }
  async updateIf(_org: OrgId, id: string, version: number, change: { set: Partial<Task> }) {
    const task = this.rows.get(id);
    if (!task || task.version !== version) return undefined;
    const updated = { ...task, ...change.set, version: version + 1 } as Task;
    this.rows.set(id, updated);
    return updated;
  }
}

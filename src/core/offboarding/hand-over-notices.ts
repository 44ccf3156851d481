import type { Task } from '../after-sales/index.js';
import type { Member, Team } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import type { Notice, NoticeRecipient } from '../shared/notices.js';
import type { HandOverNoticeData, OffboardingRun } from './offboarding-types.js';
import type { OffboardDeps } from './ports.js';

/** How many leads and tasks a hand-over card lists by name; the rest are counted. */
export const HAND_OVER_LISTED = 10;

type Receiver = { to: NoticeRecipient; key: string; data: HandOverNoticeData };

/**
 * One card per receiver for the whole hand-over, whatever its size: the lead receiver (or each team channel whose
 * pool got leads) and the after-sales manager, merged into one when they are the same person. The leads are found
 * again by their history's offboarding reason, so a resumed run's card counts what the dead run moved too; the key
 * is the run's start, so a retry or a resumed run publishes it once.
 */
export async function handOverNotices(
  deps: OffboardDeps,
  orgId: Member['orgId'],
  leaver: Member,
  run: OffboardingRun,
  receiver: Member | undefined,
  tasks: { readonly to?: Member; readonly moved: readonly Task[] },
): Promise<Notice[]> {
  const empty = (toPool: boolean): HandOverNoticeData => ({
    leaverName: leaver.name,
    leadCount: 0,
    leads: [],
    taskCount: 0,
    tasks: [],
    toPool,
  });
  const byKey = new Map<string, Receiver>();
  const forMember = (id: MemberId) => {
    const key = `member:${id}`;
    const found = byKey.get(key) ?? { to: { kind: 'member', memberId: id }, key, data: empty(false) };
    byKey.set(key, found);
    return found;
  };
  if (receiver) {
    const s = await deps.offboarding.handedOver(
      orgId,
      leaver.id,
      { memberId: receiver.id },
      HAND_OVER_LISTED,
    );
    if (s.count > 0) {
      const r = forMember(receiver.id);
      r.data = { ...r.data, leadCount: s.count, leads: s.first };
    }
  } else {
    for (const team of await deps.teams.list(orgId))
      await addPoolCard(deps, orgId, leaver, team, byKey, empty);
  }
  if (tasks.to && tasks.moved.length > 0) {
    const r = forMember(tasks.to.id);
    const listed = tasks.moved
      .slice(0, HAND_OVER_LISTED)
      .map((t) => ({ code: t.code, customerName: t.customerName }));
    r.data = { ...r.data, taskCount: tasks.moved.length, tasks: listed };
  }
  return [...byKey.values()].map((r) => ({
    kind: 'member.handed_over',
    to: r.to,
    mode: 'post',
    idempotencyKey: `offboard:${leaver.id}:${run.startedAt.getTime()}:${r.key}`,
    data: r.data,
  }));
}

async function addPoolCard(
  deps: OffboardDeps,
  orgId: Member['orgId'],
  leaver: Member,
  team: Team,
  byKey: Map<string, Receiver>,
  empty: (toPool: boolean) => HandOverNoticeData,
): Promise<void> {
  const s = await deps.offboarding.handedOver(orgId, leaver.id, { poolOfTeam: team.id }, HAND_OVER_LISTED);
  if (s.count === 0) return;
  const key = `team:${team.id}`;
  byKey.set(key, {
    to: { kind: 'team', teamId: team.id },
    key,
    data: { ...empty(true), leadCount: s.count, leads: s.first },
  });
}

import { z } from 'zod';
import { leadScope } from '../leads/index.js';
import { assertCan, type Caller } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import {
  DUE_LISTS,
  type DueGroup,
  type DueGroups,
  type DueLeadsReader,
  type DueList,
  dueQuery,
} from './agenda-query.js';

export type DueLeadsDeps = { readonly leads: DueLeadsReader; readonly clock: Clock };

/** One list as a member sees it: their own leads in it, and (managers, directors) their teams' groups. */
export type DueView = {
  readonly mine: DueGroup;
  readonly teams: readonly DueGroup[];
  readonly owners: readonly DueGroup[];
};
export type DueViews = { readonly [L in DueList]: DueView };

const inputSchema = z.strictObject({ top: z.coerce.number().int().min(1).max(200).default(10) });

/**
 * 今日待联系 / 逾期未跟进 / 高意向未推进 on demand (`/today`, the Home tab, `GET /leads?due=`): the same lists as the
 * morning agenda, over the caller's scope (leadScope): a rep's own leads, a manager's teams (their own leads
 * among them), the whole org for directors, admins and API tokens. One database command for all three lists.
 */
export async function listDueLeads(
  deps: DueLeadsDeps,
  caller: Caller,
  input: { readonly top?: unknown } = {},
): Promise<DueViews> {
  assertCan(caller, 'lead.read');
  const { top } = parseInput(inputSchema, { top: input.top });
  const scope = leadScope(caller);
  // A token that may read but not read everything has no leads of its own: its lists are empty.
  if (scope.kind === 'none') return emptyViews();
  const narrowed: { ownerId?: MemberId; teamIds?: readonly TeamId[] } =
    scope.kind === 'own'
      ? { ownerId: scope.memberId }
      : scope.kind === 'team'
        ? { teamIds: scope.teamIds }
        : {};
  const now = deps.clock.now();
  const groups = await deps.leads.findDueLists(caller.org.id, dueQuery(caller.org, now, narrowed, top));
  const me = caller.member?.id;
  return Object.fromEntries(
    DUE_LISTS.map((list) => [list, viewOf(groups, list, me, scope.kind !== 'own')]),
  ) as unknown as DueViews;
}

function viewOf(groups: DueGroups, list: DueList, me: MemberId | undefined, wide: boolean): DueView {
  const { byOwner, byTeam } = groups[list];
  const mine = byOwner.find((g) => g.id === me) ?? { id: me ?? '', count: 0, leads: [] };
  return { mine, teams: wide ? byTeam : [], owners: wide ? byOwner : [] };
}

/** A view's leads in one list, as the API pages them: the scope's, earliest first, at most `limit`. */
export function flattenView(view: DueView, limit: number): { count: number; leads: DueGroup['leads'] } {
  const groups = view.owners.length > 0 ? view.owners : [view.mine];
  const count = groups.reduce((n, g) => n + g.count, 0);
  return { count, leads: groups.flatMap((g) => g.leads).slice(0, limit) };
}

function emptyViews(): DueViews {
  const view: DueView = { mine: { id: '', count: 0, leads: [] }, teams: [], owners: [] };
  return { today: view, overdue: view, stalled: view };
}

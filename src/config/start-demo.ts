import { systemCaller } from '../core/org/caller.js';
import { issueApiToken } from '../core/org/issue-api-token.js';
import { memberStatusNotice } from '../core/org/member-status-notice.js';
import { dailyCapOf } from '../core/org/types.js';
import { orgId as toOrgId } from '../core/shared/ids.js';
import { seedDemoOrg } from '../storage/seed-demo-org.js';
import type { ComposedApp } from './compose-app.js';
import { seedDemoOrders } from './seed-demo-orders.js';

/**
 * Makes the demo org usable at once: creates it if missing, greets every member with their status card (once:
 * the greeting's idempotency key is fixed), and issues the API token printed at start-up.
 */
export async function startDemo(
  app: ComposedApp,
  options: { reset: boolean; apiToken?: string | undefined; sampleOrders?: boolean },
) {
  const seeded = await seedDemoOrg(app.models, { reset: options.reset, now: app.clock.now() });
  const orgId = toOrgId(seeded.orgId);
  const org = await app.repos.orgs.get(orgId);
  if (!org) throw new Error('demo org vanished right after seeding');
  // `npm start` and `npm run seed` only: the tests and the bench bring their own customers and orders.
  if (options.sampleOrders) await seedDemoOrders(app, org);
  const [members, teams] = await Promise.all([app.repos.members.list(orgId), app.repos.teams.list(orgId)]);
  await app.notifier.publish(
    orgId,
    members.map((member) =>
      memberStatusNotice(
        member,
        teams.find((t) => t.id === member.teamId),
        dailyCapOf(member, org.settings),
        'post',
        'welcome',
        true,
      ),
    ),
  );
  const token = await issueApiToken(
    { tokens: app.repos.tokens, clock: app.clock },
    systemCaller(org, 'zh-CN'),
    {
      name: 'demo',
      roles: ['admin'],
      ...(options.apiToken ? { secret: options.apiToken } : {}),
    },
  );
  return { orgId, created: seeded.created, token, members: members.length };
}

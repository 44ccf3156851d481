import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });

describe('connecting the org to a chat platform', () => {
  it('sets team channels, managers and member identities, refusing an id another member holds', async () => {
    const teams = (await t.request('GET', '/api/v1/teams', undefined, auth())).body.teams as {
      id: string;
      name: string;
    }[];
    const east = teams.find((x) => x.name === '华东销售组')!;
    const channel = await t.request('PATCH', `/api/v1/teams/${east.id}`, { channelId: 'C0EAST' }, auth());
    expect(channel.body.team.channelId).toBe('C0EAST');
    const empty = await t.request('PATCH', `/api/v1/teams/${east.id}`, {}, auth());
    expect(empty.status).toBe(400);

    const members = (await t.request('GET', '/api/v1/members', undefined, auth())).body.members as {
      id: string;
      name: string;
    }[];
    const [a, b] = members;
    const set = await t.request(
      'PUT',
      `/api/v1/members/${a!.id}/identities`,
      {
        identities: [
          { platform: 'sandbox', userId: a!.id },
          { platform: 'slack', userId: 'U0A' },
        ],
      },
      auth(),
    );
    expect(set.status).toBe(200);
    expect(set.body.member.identities).toContainEqual({ platform: 'slack', userId: 'U0A' });
    const clash = await t.request(
      'PUT',
      `/api/v1/members/${b!.id}/identities`,
      { identities: [{ platform: 'slack', userId: 'U0A' }] },
      auth(),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.heldBy).toBe(a!.id);
  });

  it('moves the org to a workspace, which a click from that workspace then finds', async () => {
    const res = await t.request(
      'PATCH',
      '/api/v1/org/chat',
      { platform: 'slack', workspaceId: 'T0DEMO' },
      auth(),
    );
    expect(res.status).toBe(200);
    expect(await t.app.repos.orgs.findByWorkspace('slack', 'T0DEMO')).toMatchObject({ id: t.orgId });
    const bad = await t.request('PATCH', '/api/v1/org/chat', { platform: 'teams', workspaceId: '' }, auth());
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'platform',
      'workspaceId',
    ]);
    await t.request('PATCH', '/api/v1/org/chat', { platform: 'sandbox', workspaceId: t.orgId }, auth());
  });
});

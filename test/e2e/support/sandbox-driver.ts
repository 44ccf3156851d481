import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { SandboxMsg } from './sandbox-messages.js';
import {
  assignedStatus,
  BUTTONS_ASSIGNED,
  BUTTONS_CLAIMED,
  CLAIMED_REPLY,
  claimedStatus,
  EAST_TEAM,
  type PlatformDriver,
} from './story.js';

type Msg = SandboxMsg;

/** The embedded platform: its store is the "API" that records what the bot posted and how it changed it. */
export function sandboxDriver(): PlatformDriver {
  /** Messages that were there before the story (the demo's welcome cards). */
  const before = new Set<string>();
  let cardId = '';
  const newMessages = async (t: TestApp, memberId: string) =>
    ((await t.request('GET', `/sandbox/api/messages?member=${memberId}`)).body as Msg[]).filter(
      (m) => !before.has(m.id),
    );
  const buttonsOf = (m: Msg | undefined) => m?.card?.buttons.map((b) => [b.actionId, b.value]);
  const phoneOf = (m: Msg | undefined) => m?.card?.fields.find((f) => f.label === '手机')?.value;

  return {
    async start() {
      const t = await startTestApp();
      const members = (await t.request('GET', '/sandbox/api/members')).body as { id: string; team: string }[];
      for (const m of members.filter((member) => member.team === EAST_TEAM)) {
        for (const msg of (await t.request('GET', `/sandbox/api/messages?member=${m.id}`)).body as Msg[]) {
          before.add(msg.id);
        }
      }
      expect(before.size).toBeGreaterThan(0);
      return t;
    },
    userIdFor: (memberId) => memberId,
    hasCard: async (t, { owner }) => (await newMessages(t, owner.memberId)).length > 0,

    async expectCard(t, { lead, owner }) {
      const fresh = await newMessages(t, owner.memberId);
      expect(fresh.map((m) => m.conversation)).toEqual([`dm:${owner.memberId}`]);
      const card = fresh[0];
      expect(card?.card).toMatchObject({ title: `新线索：${lead.name}`, status: assignedStatus(owner.name) });
      expect(buttonsOf(card)).toEqual(BUTTONS_ASSIGNED.map((a) => [a, lead.id]));
      expect(phoneOf(card)).toBe('139****5678');
      cardId = card?.id ?? '';
    },

    async clickClaim(t, { lead, owner }) {
      const click = { member: owner.memberId, message: cardId, actionId: 'lead.claim', value: lead.id };
      const res = await t.request('POST', '/sandbox/api/actions', click);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, replies: [{ text: CLAIMED_REPLY }] });
    },

    hasUpdate: async (t, { owner }) =>
      (await newMessages(t, owner.memberId)).some((m) => m.card?.status === claimedStatus(owner.name)),

    async expectUpdate(t, { lead, owner }) {
      const fresh = await newMessages(t, owner.memberId);
      // The same card, changed in place, and the private answer below it; nothing else.
      expect(fresh.map((m) => [m.conversation, m.card ? m.id : m.text])).toEqual([
        [`dm:${owner.memberId}`, cardId],
        [`dm:${owner.memberId}`, CLAIMED_REPLY],
      ]);
      const card = fresh[0];
      expect(card?.card?.status).toBe(claimedStatus(owner.name));
      expect(buttonsOf(card)).toEqual(BUTTONS_CLAIMED.map((a) => [a, lead.id]));
      expect(phoneOf(card)).toBe(lead.phone);
    },
    async clickFollowUp(t, { lead, owner }) {
      const click = { member: owner.memberId, message: cardId, actionId: 'lead.follow_up', value: lead.id };
      expect((await t.request('POST', '/sandbox/api/actions', click)).status).toBe(200);
    },
    async say(t, { owner }, text) {
      expect(
        (await t.request('POST', '/sandbox/api/commands', { member: owner.memberId, text })).status,
      ).toBe(200);
    },
    answers: async (t, { owner }) =>
      (await newMessages(t, owner.memberId))
        .filter((m) => !m.card && m.conversation === `dm:${owner.memberId}` && !m.fromMember)
        .map((m) => m.text),
    close: async () => {},
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  CENTRE_TEAM,
  type Centre,
  CUSTOMER,
  ORDERS,
  OTHER_CUSTOMER,
  openComplaintCentre,
} from './support/complaint-steps.js';
import { type SandboxMsg, sandboxMessages } from './support/sandbox-messages.js';
import { api, pumpUntil } from './support/story.js';

// Issue #13 for an org whose locale is `en`: /complaint (a wrong order refused, then the right one), the centre
// card and its assign button, the task card and 开始处理, /tasks, /hours and the approval card, 调整工时 and the
// decision, all on the sandbox. Everything the members read is scanned: no Chinese may be left once people's own
// words (names, the orders' items as entered) are taken out.

let t: TestApp;
let centre: Centre;
beforeAll(async () => {
  t = await startTestApp();
  centre = await openComplaintCentre(t);
  const set = await api(t, 'PATCH', '/org/settings', { locale: 'en' });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
});
afterAll(() => t.close());

const say = async (member: string, text: string) => {
  const res = await t.request('POST', '/sandbox/api/commands', { member, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.replies as { text?: string }[]).map((r) => r.text ?? '').join('\n');
};
const click = async (member: string, message: SandboxMsg, actionId: string) => {
  const button = message.card?.buttons.find((b) => b.actionId === actionId);
  expect(button, `${actionId} on «${message.card?.title}»`).toBeDefined();
  const res = await t.request('POST', '/sandbox/api/actions', {
    member,
    message: message.id,
    actionId: button?.actionId,
    value: button?.value,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.replies as { text?: string }[]).map((r) => r.text ?? '').join('\n');
};
const cardOf = async (member: string, title: RegExp, status?: RegExp) => {
  let found: SandboxMsg | undefined;
  await pumpUntil(
    t,
    async () => {
      found = (await sandboxMessages(t, member)).find(
        (m) => m.card && title.test(m.card.title) && (!status || status.test(m.card.status ?? '')),
      );
      return found !== undefined;
    },
    `a card «${title}» ${status ?? ''}`,
  );
  return found as SandboxMsg;
};

const HAN = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/u;
/** What people wrote or were named, which stays as they wrote it. */
const theirs = () => [
  ...[centre.manager, centre.admin, centre.rep, ...centre.staff].map((m) => m.name),
  CUSTOMER,
  OTHER_CUSTOMER,
  CENTRE_TEAM,
  ...ORDERS.map((o) => o.items),
  '存储',
];
function chinese(messages: readonly SandboxMsg[]): string[] {
  const texts = messages.flatMap((m) => [
    m.text,
    ...(m.card
      ? [
          m.card.title,
          m.card.status ?? '',
          ...m.card.fields.flatMap((f) => [f.label, f.value]),
          ...m.card.buttons.map((b) => b.label),
        ]
      : []),
  ]);
  const names = theirs().sort((a, b) => b.length - a.length);
  return texts.filter((text) =>
    HAN.test(names.reduce((rest, name) => rest.replaceAll(name, ' '), text ?? '')),
  );
}

describe('an English-locale org: complaint → task → hours → decision', () => {
  it('says everything in English but people’s own words', async () => {
    const { rep, manager } = centre;
    const staff = centre.staff[0]!;
    // The welcome cards went out in Chinese before the org switched to English: only what follows is read.
    await t.app.outboxPump.runNow();
    const before = new Set(
      (await Promise.all([rep, manager, staff].map((m) => sandboxMessages(t, m.id)))).flat().map((m) => m.id),
    );
    const refused = await say(
      rep.id,
      `/complaint ${CUSTOMER} SO-2024-030 urgent The device will not power on`,
    );
    expect(refused).toMatch(/SO-2024-030/);
    expect(refused).toMatch(/SO-2024-017/);
    const raised = await say(
      rep.id,
      `/complaint ${CUSTOMER} SO-2024-017 urgent The device will not power on`,
    );
    const code = /\b(TS-\d+)\b/.exec(raised)?.[1] ?? '';
    expect(code, raised).not.toBe('');

    const centreCard = await cardOf(manager.id, new RegExp(code));
    const assign = centreCard.card?.buttons.find((b) => b.label.startsWith(staff.name));
    expect(assign, JSON.stringify(centreCard.card?.buttons)).toBeDefined();
    await t.request('POST', '/sandbox/api/actions', {
      member: manager.id,
      message: centreCard.id,
      actionId: assign?.actionId,
      value: assign?.value,
    });
    const taskCode = `T-${code.slice(3)}`;
    const taskCard = await cardOf(staff.id, new RegExp(taskCode));
    await click(staff.id, taskCard, 'task.start');
    const list = await say(staff.id, '/tasks');
    expect(list).toContain(taskCode);

    // Refusals read in English too: an unknown task, an unknown customer, a line without hours.
    for (const line of [
      '/hours T-9999 done just now 1h checked',
      '/complaint Nobody Ltd SO-2024-017 urgent broken',
      `/hours ${taskCode} done just now`,
    ])
      expect(await say(staff.id, line)).not.toBe('');
    t.app.clock.advance(2 * 3_600_000);
    const reported = await say(staff.id, `/hours ${taskCode} done just now 3.5h replaced the power module`);
    expect(reported).toContain(taskCode);
    const approval = await cardOf(manager.id, new RegExp(taskCode), /3\.5/);
    await click(manager.id, approval, 'task.adjust');
    const decided = await say(manager.id, '3');
    expect(decided).toContain(taskCode);
    await pumpUntil(
      t,
      async () => (await api(t, 'GET', '/tasks?status=approved')).body.tasks.length === 1,
      'the approval',
    );
    await t.app.outboxPump.runNow();

    const seen = [
      ...(await sandboxMessages(t, rep.id)),
      ...(await sandboxMessages(t, manager.id)),
      ...(await sandboxMessages(t, staff.id)),
    ].filter((m) => !m.fromMember && !before.has(m.id));
    // The story reached every kind of message it should: the refusal, receipts, both cards and their redraws.
    expect(seen.filter((m) => m.card).length).toBeGreaterThanOrEqual(3);
    // The order's signing day, as a day of the reader's language (no time of day).
    const centreNow = await cardOf(manager.id, new RegExp(code));
    expect(centreNow.card?.fields.find((f) => f.label === 'Signed')?.value).toBe('Mar 5, 2024');
    expect(chinese(seen)).toEqual([]);
  });
});

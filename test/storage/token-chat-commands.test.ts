import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCommands, totalOf } from '../../scripts/bench/command-counter.js';
import type { CommandEvent } from '../../src/chat/events.js';
import type { Member, Org } from '../../src/core/org/types.js';
import { type CountedDemoApp, openCountedDemoApp } from './support/counted-demo-app.js';

// What each /令牌 costs on the real driver (every `commandStarted` event, none excluded), through the registry as
// a platform's event reaches it: the org and the member are looked up first (2 finds), then the use-case. Pinned so
// a change shows.

let counted: CountedDemoApp;
let db: CountedDemoApp['db'];
let app: CountedDemoApp['app'];
let org: Org;
let rep: Member;
beforeAll(async () => {
  counted = await openCountedDemoApp();
  ({ db, app, org } = counted);
  rep = (await app.repos.members.list(org.id)).find((m) => m.name === '张伟')!;
});
afterAll(() => counted?.close());

let seq = 0;
const typed = (...args: string[]): CommandEvent => ({
  type: 'command',
  eventId: `count-${++seq}`,
  user: { platform: 'sandbox', workspaceId: org.id, userId: rep.id },
  command: 'token',
  args,
  rawText: `/令牌 ${args.join(' ')}`,
});

describe('database commands of /令牌', () => {
  it('makes a token in 5 commands, lists them in 3, revokes one in 5', async () => {
    const counter = countCommands(db.connection);
    try {
      let mark = counter.mark();
      const made = await app.registry.dispatch(typed('新建', '计数'));
      expect(made.ok).toBe(true);
      // org, member; the member again (the use-case reads them as they are now), the token's insert, the audit entry.
      expect(counter.since(mark)).toEqual({ find: 3, insert: 2 });
      mark = counter.mark();
      await app.registry.dispatch(typed());
      // org, member, the member's tokens.
      expect(counter.since(mark)).toEqual({ find: 3 });
      const prefix = (await app.models.ApiToken.findOne({ name: '计数' }).lean())!.prefix;
      mark = counter.mark();
      await app.registry.dispatch(typed('撤销', prefix));
      // org, member, the member's tokens; the one conditional write; the audit entry.
      const revoke = counter.since(mark);
      expect(revoke).toEqual({ find: 3, findAndModify: 1, insert: 1 });
      expect(totalOf(revoke)).toBe(5);
    } finally {
      counter.stop();
    }
  });
});

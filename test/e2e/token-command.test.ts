import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { api } from './support/story.js';
import { say } from './support/task-steps.js';

// Issue #15 item 6 in the sandbox, on the real stack: a member makes their own API token with /令牌 新建 in their
// 1:1 chat, sees it listed by prefix, uses it on the HTTP API (it acts as them, intern limits included), revokes it
// (the API then answers 401). In a group the command does nothing; a retried message makes one token.

const T = zhCN.tokens;
let t: TestApp;
type Member = { id: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const named = async (name: string) =>
  ((await api(t, 'GET', '/members')).body.members as Member[]).find((m) => m.name === name)!;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const secretIn = (text: string | undefined) => /\blr_[\w-]{20,}/.exec(text ?? '')?.[0];
const tokensNamed = (name: string) => t.app.models.ApiToken.countDocuments({ name });

/** Posts a command to the sandbox as the member, with a chosen event id (a platform's retry repeats it). */
const sayAs = (memberId: string, text: string, extra: { eventId?: string; conversation?: string }) =>
  t.request('POST', '/sandbox/api/commands', { member: memberId, text, ...extra });

let phone = 13900086100;

/** One lead for each of these members: taken in over HTTP, then assigned to them by hand. */
async function leadsOf(owners: readonly string[]): Promise<string[]> {
  const codes: string[] = [];
  for (const owner of owners) {
    const made = await api(t, 'POST', '/leads', {
      phone: String(++phone),
      region: '上海',
      source: 'website',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const code = made.body.lead.code as string;
    const moved = await api(t, 'POST', `/leads/${code}:assign`, { to: owner, force: true });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    codes.push(code);
  }
  return codes;
}

/** Every stored document that holds `secret`, by collection; the sandbox's own chat history (the platform's) aside. */
async function storedCopies(secret: string): Promise<string[]> {
  const db = t.app.models.Lead.db.db!;
  const found: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    if (name === 'sandbox_messages') continue;
    const docs = await db.collection(name).find({}).toArray();
    if (docs.some((d) => JSON.stringify(d).includes(secret))) found.push(name);
  }
  return found;
}

describe('sandbox: /令牌 in the member’s 1:1 chat', () => {
  it('makes, lists, uses and revokes a token that acts as the member', async () => {
    const rep = await named('张伟');
    const made = await say(t, rep.id, '/令牌 新建 报表脚本');
    expect(made.ok).toBe(true);
    const secret = secretIn(made.replies[0]?.text);
    expect(secret, made.replies[0]?.text).toBeDefined();
    const stored = await t.app.models.ApiToken.findOne({ name: '报表脚本' }).lean();
    expect(stored?.memberId?.toHexString()).toBe(rep.id);
    const prefix = stored!.prefix;
    expect(made.replies[0]?.text).toBe(T.created({ name: '报表脚本', prefix, secret: secret! }));
    // Only its hash is kept: not in the outbox, the inbound ledger, the audit trail, nor anywhere else of ours.
    expect(await storedCopies(secret!)).toEqual([]);
    // The scan can see: the hash is found where it is kept.
    expect(await storedCopies(stored!.hash)).toContain('api_tokens');

    const listed = await say(t, rep.id, '/令牌');
    expect(listed.replies[0]?.text).toContain(T.listTitle(1));
    expect(listed.replies[0]?.text).toContain(`· 报表脚本 · 前缀 ${prefix} · 创建于 `);
    expect(listed.replies[0]?.text).toContain('从未使用');
    expect(listed.replies[0]?.text).not.toContain(secret);
    expect(listed.replies[0]?.text).not.toContain(stored!.hash);

    // The token acts as 张伟: his own leads and his team's pool (not 孙磊's), and only his own tokens.
    const codes = await leadsOf(['张伟', '孙磊']);
    const admin = await api(t, 'GET', '/leads');
    const mine = await t.request('GET', '/api/v1/leads', undefined, bearer(secret!));
    expect(mine.status).toBe(200);
    const me = await t.app.models.Member.findById(rep.id).lean();
    for (const lead of mine.body.leads as { ownerId?: string; status: string; teamId?: string }[])
      expect(
        lead.ownerId === rep.id || (lead.status === 'pooled' && lead.teamId === me?.teamId?.toHexString()),
      ).toBe(true);
    const seen = (mine.body.leads as { code: string }[]).map((l) => l.code);
    expect(seen).toContain(codes[0]);
    expect(seen).not.toContain(codes[1]);
    expect(admin.body.leads.map((l: { code: string }) => l.code)).toContain(codes[1]);
    const own = await t.request('GET', '/api/v1/tokens', undefined, bearer(secret!));
    expect(own.body.tokens.map((x: { memberId: string }) => x.memberId)).toEqual([rep.id]);
    expect(
      (await t.request('POST', '/api/v1/tokens', { name: 'x', role: 'admin' }, bearer(secret!))).status,
    ).toBe(403);
    expect((await say(t, rep.id, '/token list')).replies[0]?.text).toMatch(/最近使用 \d\d\/\d\d \d\d:\d\d/);

    const revoked = await say(t, rep.id, `/令牌 撤销 ${prefix}`);
    expect(revoked.replies[0]?.text).toBe(T.revoked('报表脚本', prefix));
    expect((await t.request('GET', '/api/v1/leads', undefined, bearer(secret!))).status).toBe(401);
    // Again, by name: told it was done already; the list no longer shows it.
    expect((await say(t, rep.id, '/令牌 撤销 报表脚本')).replies[0]?.text).toBe(
      T.alreadyRevoked('报表脚本', prefix),
    );
    expect((await say(t, rep.id, '/令牌 列表')).replies[0]?.text).toBe(T.none);
    const audit = await t.app.models.Lead.db
      .collection('auditentries')
      .find({ 'target.id': stored!._id.toHexString() })
      .toArray();
    expect(audit.map((a) => a.kind).sort()).toEqual(['token.create', 'token.revoke']);
    for (const entry of audit)
      expect(entry).toMatchObject({ actor: { memberId: rep.id }, via: { platform: 'sandbox' } });
  }, 120_000);

  it('answers an unknown, an ambiguous and a taken name in words, and revokes nobody else’s', async () => {
    const rep = await named('刘洋');
    const other = await named('李娜');
    expect((await say(t, rep.id, '/令牌 撤销 不存在')).replies[0]?.text).toBe(
      zhCN.errors.TOKEN_NOT_FOUND({ ref: '不存在' }),
    );
    // Two of his tokens whose prefixes start alike (written directly: real prefixes are random).
    const orgId = t.app.models.Member.db.base.Types.ObjectId.createFromHexString(t.orgId);
    const memberId = t.app.models.Member.db.base.Types.ObjectId.createFromHexString(rep.id);
    for (const n of [1, 2])
      await t.app.models.ApiToken.create({
        orgId,
        memberId,
        name: `刘洋脚本${n}`,
        hash: `hash-liu-${n}`,
        prefix: `lr_Qq7${n}x`,
        roles: [],
        createdAt: new Date(),
      });
    expect((await say(t, rep.id, '/令牌 撤销 lr_Qq7')).replies[0]?.text).toBe(
      zhCN.errors.TOKEN_AMBIGUOUS({ ref: 'lr_Qq7', count: 2 }),
    );
    expect(
      await t.app.models.ApiToken.countDocuments({ name: /^刘洋脚本/, revokedAt: { $exists: true } }),
    ).toBe(0);
    expect((await say(t, rep.id, '/令牌 撤销 lr_Qq72')).replies[0]?.text).toBe(
      T.revoked('刘洋脚本2', 'lr_Qq72x'),
    );
    // 李娜 cannot revoke 刘洋's token by its name or prefix.
    expect((await say(t, other.id, '/令牌 撤销 刘洋脚本1')).replies[0]?.text).toBe(
      zhCN.errors.TOKEN_NOT_FOUND({ ref: '刘洋脚本1' }),
    );
    expect(
      await t.app.models.ApiToken.countDocuments({ name: '刘洋脚本1', revokedAt: { $exists: true } }),
    ).toBe(0);
    // Names are the org's: another member's name is taken, and said so.
    expect((await say(t, other.id, '/令牌 新建 刘洋脚本1')).replies[0]?.text).toBe(T.nameTaken('刘洋脚本1'));
    expect((await say(t, other.id, '/令牌 新建')).replies[0]?.text).toBe(T.noName);
  }, 120_000);

  it('refuses in a group chat: no token, no list, no secret there', async () => {
    const rep = await named('张伟');
    const group = 'channel:east-china-sales';
    for (const text of ['/令牌 新建 群里的令牌', '/令牌', '/token revoke lr_AbCd']) {
      const res = await sayAs(rep.id, text, { conversation: group });
      expect(res.status).toBe(200);
      expect(res.body.replies.map((r: { text: string }) => r.text)).toEqual([T.dmOnly]);
    }
    expect(await tokensNamed('群里的令牌')).toBe(0);
    const inGroup = (
      (await t.request('GET', `/sandbox/api/messages?member=${rep.id}`)).body as {
        conversation: string;
        text?: string;
      }[]
    ).filter((m) => m.conversation === group);
    expect(inGroup.some((m) => secretIn(m.text))).toBe(false);
  }, 60_000);

  it('makes one token when the platform delivers the same message twice, at once or later', async () => {
    const rep = await named('孙磊');
    const eventId = 'sandbox-retry-token-1';
    const [a, b] = await Promise.all([
      sayAs(rep.id, '/令牌 新建 重试的令牌', { eventId }),
      sayAs(rep.id, '/令牌 新建 重试的令牌', { eventId }),
    ]);
    const later = await sayAs(rep.id, '/令牌 新建 重试的令牌', { eventId });
    expect(await tokensNamed('重试的令牌')).toBe(1);
    const secrets = [a, b, later].flatMap((r) =>
      (r.body.replies as { text?: string }[]).map((x) => secretIn(x.text)).filter(Boolean),
    );
    // The secret is answered once: the retries are dropped before the handler, so they show nothing.
    expect(secrets).toHaveLength(1);
  }, 60_000);

  it('revokes once when two revokes of the same token arrive at once', async () => {
    const rep = await named('吴静');
    expect(secretIn((await say(t, rep.id, '/令牌 新建 并发撤销')).replies[0]?.text)).toBeDefined();
    const { prefix, _id } = (await t.app.models.ApiToken.findOne({ name: '并发撤销' }).lean())!;
    const answers = await Promise.all(
      ['a', 'b'].map((n) => sayAs(rep.id, '/令牌 撤销 并发撤销', { eventId: `sandbox-race-revoke-${n}` })),
    );
    expect(answers.map((a) => a.body.replies[0]?.text).sort()).toEqual(
      [T.revoked('并发撤销', prefix), T.alreadyRevoked('并发撤销', prefix)].sort(),
    );
    const audit = await t.app.models.Lead.db
      .collection('auditentries')
      .countDocuments({ kind: 'token.revoke', 'target.id': _id.toHexString() });
    expect(audit).toBe(1);
  }, 60_000);

  it('acts with the member’s level too: an intern’s token gets masked phones', async () => {
    const manager = await named('王海峰');
    const made = await api(t, 'POST', '/leads', { phone: '13900086001', region: '上海', source: 'website' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const code = made.body.lead.code as string;
    await t.app.models.Member.updateOne({ name: '王海峰' }, { $set: { level: 'intern' } });
    const secret = secretIn((await say(t, manager.id, '/令牌 新建 主管同步')).replies[0]?.text)!;
    const asIntern = await t.request('GET', `/api/v1/leads/${code}`, undefined, bearer(secret));
    expect(asIntern.status, JSON.stringify(asIntern.body)).toBe(200);
    expect(asIntern.body.lead.contact.phone).toContain('*');
    expect(asIntern.body.lead.contact.phone).not.toBe('13900086001');
    // Read at each request: the same token sees the phone once he is no longer an intern.
    await t.app.models.Member.updateOne({ name: '王海峰' }, { $set: { level: 'senior' } });
    const asManager = await t.request('GET', `/api/v1/leads/${code}`, undefined, bearer(secret));
    expect(asManager.body.lead.contact.phone).toBe('13900086001');
  }, 60_000);
});

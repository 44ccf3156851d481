import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { slackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { inMemoryResponseCodes } from '../../../src/adapters/wecom/response-code-store.js';
import { wecomAdapter } from '../../../src/adapters/wecom/wecom-adapter.js';
import type { ChatAdapter } from '../../../src/chat/chat-adapter.js';
import type { ExportFileData } from '../../../src/chat/exports/export-notices.js';
import {
  DEFAULT_DELIVER_OPTIONS,
  type DeliverDeps,
  deliverOutbox,
} from '../../../src/chat/outbox/deliver-outbox.js';
import { outboxNotifier } from '../../../src/chat/outbox/outbox-notifier.js';
import type { OutboxStore } from '../../../src/chat/outbox/outbox-store.js';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
import type { Platform } from '../../../src/core/org/types.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { type MemberId, memberId, type OrgId, orgId } from '../../../src/core/shared/ids.js';
import type { Notice } from '../../../src/core/shared/notices.js';
import { bindModels, ensureIndexes, type Models } from '../../../src/storage/models.js';
import { mongoFileStore } from '../../../src/storage/repositories/export-file-store.js';
import { mongoMemberRepository } from '../../../src/storage/repositories/member-repository.js';
import { mongoOrgRepository } from '../../../src/storage/repositories/org-repository.js';
import { mongoOutboxStore } from '../../../src/storage/repositories/outbox-repository.js';
import { mongoTeamRepository } from '../../../src/storage/repositories/team-repository.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../adapters/slack/support/fake-slack-api.js';
import { slackSettingsFor } from '../../adapters/slack/support/slack-settings-for.js';
import { EXPORT_BYTES, EXPORT_NAME } from '../../adapters/support/export-file.js';
import { FakeWecomApi, testSettings as wecomSettings } from '../../adapters/wecom/fake-wecom-api.js';
import { openTestDatabase } from '../../support/test-database.js';

// Issue #15, items 1, 2 and 4 through the real outbox (mongoose on the test database) and the real adapters against
// the fake platform servers: an export's file message goes out once, a crash between its steps does not show it
// twice where the platform lets us avoid it, a file too big for the platform is answered with what to do instead,
// and a file that cannot be sent ends in a line telling the member so, never in silence.

// Now, not a fixed date: the file store's TTL index removes files whose expiry has passed on the server's clock.
const START = new Date();
const t = zhCN.exports;
const what = t.what('follow-ups', '本月');

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
let store: OutboxStore;
let wecom: FakeWecomApi;
let slack: FakeSlackApi;
const orgs: Partial<Record<Platform, { org: OrgId; member: MemberId }>> = {};
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
  store = mongoOutboxStore(models);
  wecom = await new FakeWecomApi().start();
  slack = await startFakeSlackApi();
  for (const [platform, userId] of [
    ['wecom', 'WangFang'],
    ['slack', 'U0WANG'],
  ] as const) {
    const _id = new Types.ObjectId();
    await models.Org.create({
      _id,
      name: '测试科技',
      chat: { platform, workspaceId: `ws-${platform}` },
      settings: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', dailyCaps: { junior: 10, senior: 20 } },
      createdAt: START,
    });
    const member = await models.Member.create({
      orgId: _id,
      name: '王芳',
      roles: ['manager'],
      level: 'senior',
      identities: [{ platform, userId }],
    });
    orgs[platform] = { org: orgId(_id.toHexString()), member: memberId(member._id.toHexString()) };
  }
});
afterAll(async () => {
  await wecom?.stop();
  await slack?.close();
  await db?.close();
});
beforeEach(async () => {
  await models.OutboxEntry.deleteMany({});
  wecom.reset();
  slack.calls.length = 0;
  clock = fixedClock(START);
});

const files = () => mongoFileStore(models);

function adapterFor(platform: 'wecom' | 'slack'): ChatAdapter {
  return platform === 'wecom'
    ? wecomAdapter(wecomSettings(wecom.url), {
        responseCodes: inMemoryResponseCodes(() => clock.now()),
        fetch,
        clock,
      })
    : slackAdapter(slackSettingsFor(slack.apiUrl));
}

function deps(
  platform: 'wecom' | 'slack',
  outbox: OutboxStore = store,
  adapter = adapterFor(platform),
): DeliverDeps {
  return {
    orgs: mongoOrgRepository(models),
    teams: mongoTeamRepository(models),
    members: mongoMemberRepository(models),
    outbox,
    adapters: new Map([[platform, adapter]]),
    clock,
    log: { warn: vi.fn(), error: vi.fn() },
    lastSentAt: new Map(),
    files: files(),
  };
}

/** The runner's work for one request: the file stored under the request's id, then its notice. */
async function queueExport(platform: 'wecom' | 'slack', expiresAt = new Date(START.getTime() + 86_400_000)) {
  const { org, member } = orgs[platform]!;
  const fileId = await files().save(
    org,
    {
      id: `req-${platform}-${Math.random()}`,
      name: EXPORT_NAME,
      mime: 'text/csv; charset=utf-8',
      bytes: EXPORT_BYTES,
    },
    expiresAt,
  );
  const data: ExportFileData = {
    fileId,
    fileName: EXPORT_NAME,
    mime: 'text/csv; charset=utf-8',
    kind: 'follow-ups',
    rows: 1,
    period: '本月',
  };
  const notice = {
    kind: 'export.file',
    data,
    to: { kind: 'member', memberId: member },
    mode: 'post',
    idempotencyKey: `export:${fileId}`,
  } as Notice;
  await outboxNotifier(store, clock, () => {}).publish(org, [notice]);
  return fileId;
}

/**
 * The outbox store of a process that dies at `step`: the call throws, and the dead process writes nothing more
 * (its entry stays leased until the lease ends, as after a real crash).
 */
function crashingAt(step: 'rememberUpload' | 'recordSent'): OutboxStore {
  let dead = false;
  const afterDeath = async () => {
    if (dead) return;
  };
  return {
    ...store,
    async rememberUpload(id, upload) {
      await store.rememberUpload(id, upload);
      if (step === 'rememberUpload') {
        dead = true;
        throw new Error('crash: process killed after keeping the upload');
      }
    },
    async recordSent(message, at) {
      if (step === 'recordSent') {
        dead = true;
        throw new Error('crash: process killed after the post');
      }
      await store.recordSent(message, at);
    },
    retryAt: async (...args) => (dead ? afterDeath() : store.retryAt(...args)),
    fail: async (...args) => (dead ? afterDeath() : store.fail(...args)),
    complete: async (...args) => (dead ? afterDeath() : store.complete(...args)),
  };
}

const sentStatus = async () => (await models.OutboxEntry.findOne({}).lean())?.status;
const afterLease = () => clock.advance(DEFAULT_DELIVER_OPTIONS.leaseMs + 1);

describe('file messages through the outbox', () => {
  it('sends the export once to the member on WeCom and keeps the upload on the entry', async () => {
    await queueExport('wecom');
    await deliverOutbox(deps('wecom'));

    expect(wecom.callsTo('/cgi-bin/media/upload')).toHaveLength(1);
    expect(wecom.delivered).toEqual([expect.objectContaining({ touser: 'WangFang', msgtype: 'file' })]);
    const entry = await models.OutboxEntry.findOne({}).lean();
    expect(entry?.status).toBe('sent');
    expect(entry?.upload?.ref).toBe((wecom.delivered[0] as { file: { media_id: string } }).file.media_id);
  });

  for (const step of ['rememberUpload', 'recordSent'] as const) {
    it(`shows the file once on WeCom when the deliverer dies at ${step}, and uploads it once`, async () => {
      await queueExport('wecom');
      await deliverOutbox(deps('wecom', crashingAt(step)));
      expect(await sentStatus()).toBe('sending');

      afterLease();
      await deliverOutbox(deps('wecom'));
      expect(await sentStatus()).toBe('sent');
      expect(wecom.callsTo('/cgi-bin/media/upload')).toHaveLength(1);
      expect(wecom.delivered).toHaveLength(1);
    });

    it(`shares the file once on Slack when the deliverer dies at ${step}, and uploads it once`, async () => {
      await queueExport('slack');
      await deliverOutbox(deps('slack', crashingAt(step)));
      afterLease();
      await deliverOutbox(deps('slack'));

      expect(await sentStatus()).toBe('sent');
      expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
      expect(slack.callsTo('upload')).toHaveLength(1);
      expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
      expect(slack.callsTo('files.completeUploadExternal')[0]?.params).toMatchObject({
        channel_id: 'DU0WANG',
        initial_comment: t.fileReady(what, '1'),
      });
    });
  }

  it('tells the member in Chinese what to do instead when the file is bigger than the platform takes', async () => {
    await queueExport('wecom');
    const real = adapterFor('wecom');
    if (!real.files) throw new Error('WeCom sends files in two steps');
    // WeCom's 20 MB, scaled down to this small file: what is tested is what happens past the limit.
    const small = { ...real, files: { ...real.files, maxBytes: EXPORT_BYTES.byteLength - 1 } };
    await deliverOutbox(deps('wecom', store, small));

    expect(wecom.callsTo('/cgi-bin/media/upload')).toHaveLength(0);
    const size = `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(EXPORT_BYTES.byteLength / 1048576)} MB`;
    expect(wecom.delivered).toEqual([
      expect.objectContaining({ msgtype: 'text', text: { content: t.fileTooBig(EXPORT_NAME, size, size) } }),
    ]);
    expect(t.fileTooBig(EXPORT_NAME, '25.3 MB', '20 MB')).toBe(
      '“跟进记录-2026-11.csv”有 25.3 MB，超过了聊天里单个文件 20 MB 的上限，发不出来。请缩小时间范围（例如 /导出 跟进 本周）或按团队分开导出',
    );
    expect(await sentStatus()).toBe('sent');
  });

  it('retries a failing upload, and on the last try tells the member the file could not be sent', async () => {
    await queueExport('wecom');
    wecom.script(
      '/cgi-bin/media/upload',
      ...Array.from({ length: 5 }, () => ({ json: { errcode: -1, errmsg: 'system busy' } })),
    );
    const options = { ...DEFAULT_DELIVER_OPTIONS, maxAttempts: 3 };
    for (let i = 0; i < 3; i++) {
      await deliverOutbox(deps('wecom'), options);
      clock.advance(10 * 60_000);
    }

    expect(wecom.callsTo('/cgi-bin/media/upload')).toHaveLength(2);
    expect(wecom.delivered).toEqual([
      expect.objectContaining({ msgtype: 'text', text: { content: t.fileNotSent(EXPORT_NAME) } }),
    ]);
    expect(await sentStatus()).toBe('sent');
  });

  it('uploads again when the kept upload is refused on a retry (a WeCom media_id expired), then sends it', async () => {
    await queueExport('wecom');
    await deliverOutbox(deps('wecom', crashingAt('rememberUpload')));
    afterLease();
    wecom.script('/cgi-bin/message/send', { json: { errcode: 40007, errmsg: 'invalid media_id' } });
    await deliverOutbox(deps('wecom'));
    expect((await models.OutboxEntry.findOne({}).lean())?.upload).toBeUndefined();

    clock.advance(10 * 60_000);
    await deliverOutbox(deps('wecom'));
    expect(wecom.callsTo('/cgi-bin/media/upload')).toHaveLength(2);
    expect(wecom.delivered).toEqual([expect.objectContaining({ msgtype: 'file' })]);
    expect(await sentStatus()).toBe('sent');
  });

  it('tells the member the file expired when its 7 days ended before it could be sent', async () => {
    await queueExport('wecom', new Date(START.getTime() - 1));
    await deliverOutbox(deps('wecom'));

    expect(wecom.callsTo('/cgi-bin/media/upload')).toHaveLength(0);
    expect(wecom.delivered).toEqual([
      expect.objectContaining({ msgtype: 'text', text: { content: t.fileExpired(EXPORT_NAME) } }),
    ]);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  DINGTALK_SECRET,
  dingtalkHeaders,
  SLACK_SECRET,
  slackHeaders,
  startFakePlatformApi,
  WECOM,
  wecomRequest,
  xmlOf,
} from './fuzz-support.js';

// Bounded runs: the whole file takes a few seconds on the dev database. A failure prints the body that caused it
// (fast-check shrinks it), and `seed` in the message replays it.
const RUNS = { numRuns: 40 };

let t: TestApp;
let fakeApi: Awaited<ReturnType<typeof startFakePlatformApi>>;
beforeAll(async () => {
  fakeApi = await startFakePlatformApi();
  t = await startTestApp({
    platforms: {
      enabled: ['slack', 'dingtalk', 'wecom'],
      env: {
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-fuzz',
        SLACK_API_URL: `${fakeApi.url}/slack/`,
        DINGTALK_MODE: 'http',
        DINGTALK_CLIENT_ID: 'dingfuzz',
        DINGTALK_CLIENT_SECRET: DINGTALK_SECRET,
        DINGTALK_ROBOT_CODE: 'dingfuzz',
        DINGTALK_CARD_TEMPLATE_ID: 'fuzz.schema',
        DINGTALK_API_URL: fakeApi.url,
        WECOM_CORP_ID: WECOM.corpId,
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 'fuzz-secret',
        WECOM_TOKEN: WECOM.token,
        WECOM_ENCODING_AES_KEY: WECOM.encodingAesKey,
        WECOM_API_URL: fakeApi.url,
      },
      publicUrl: 'https://leadrelay.example',
    },
  });
}, 60_000);
afterAll(async () => {
  await t.close();
  await fakeApi.close();
});

// Any JSON, with strings of any UTF-16 code units (lone surrogates included), and shapes near the valid ones so
// that the checks past the first one are reached too.
const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 8 }), anyJson);
const near = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: text });
const leadish = fc.record(
  {
    name: near(fc.constantFrom('张伟', 'Zhang Wei')),
    phone: near(fc.constantFrom('13812345678', '+86 139-0000-1111', '021 6123 4567')),
    email: near(fc.constantFrom('a@example.com', 'B@Example.COM')),
    wechat: near(fc.constant('wx_zhang')),
    company: near(fc.constant('上海云启科技有限公司')),
    region: near(fc.constantFrom('上海', '江苏')),
    source: near(fc.constantFrom('api', 'website', 'ad', 'Web Site!')),
    intent: near(fc.string({ maxLength: 30 })),
    tags: near(fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 })),
    grade: near(fc.constantFrom('normal', 'important')),
    externalId: near(fc.uuid()),
    reclaimAfterHours: near(fc.integer({ min: 1, max: 720 })),
  },
  { requiredKeys: ['source', 'phone'] },
);
const leadBody = fc.oneof(
  { weight: 4, arbitrary: leadish },
  { weight: 1, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ unit: 'binary' }), anyJson, { maxKeys: 3 }) },
);

const auth = () => ({ authorization: `Bearer ${t.token}` });
async function send(method: string, path: string, body: string, headers: Record<string, string>) {
  // A request left unanswered is a finding too: it fails here, naming the body, instead of timing the test out.
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(5_000),
  }).catch((error: Error) => {
    throw new Error(`${method} ${path} got no answer (${error.message}) for ${body.slice(0, 500)}`);
  });
  const raw = await res.text();
  return { status: res.status, raw };
}
const sendJson = (method: string, path: string, body: unknown) =>
  send(method, path, JSON.stringify(body), { ...auth(), 'content-type': 'application/json' });

const noServerError = (status: number, body: unknown, raw: string) => {
  if (status >= 500) throw new Error(`${status} for ${JSON.stringify(body)}: ${raw}`);
};
const leadCount = () => t.app.models.Lead.countDocuments({});
const orgState = async () => JSON.stringify(await t.app.models.Org.findOne({}).lean());

describe('fuzzed JSON at the API never gets a 5xx and never leaves half a document', () => {
  it('POST /api/v1/leads', async () => {
    await fc.assert(
      fc.asyncProperty(leadBody, async (body) => {
        const before = await leadCount();
        const { status, raw } = await sendJson('POST', '/api/v1/leads', body);
        noServerError(status, body, raw);
        const stored = (await leadCount()) - before;
        if (status === 201) {
          // The one lead the answer names is stored, whole: its source and a contact.
          expect(stored).toBe(1);
          const lead = await t.app.models.Lead.findById(JSON.parse(raw).lead.id).lean();
          expect(lead?.source).toEqual(expect.any(String));
        } else expect(stored).toBe(0);
      }),
      RUNS,
    );
  });

  it('POST /api/v1/leads:batch', async () => {
    const batch = fc.oneof(
      anyJson,
      fc.record(
        {
          leads: near(fc.array(leadish, { maxLength: 4 })),
          idempotencyKeys: near(fc.array(fc.string(), { maxLength: 4 })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(batch, async (body) => {
        const before = await leadCount();
        const { status, raw } = await sendJson('POST', '/api/v1/leads:batch', body);
        noServerError(status, body, raw);
        const created =
          status === 200
            ? (JSON.parse(raw).results as { status: number }[]).filter((r) => r.status === 201).length
            : 0;
        expect((await leadCount()) - before).toBe(created);
      }),
      RUNS,
    );
  });

  it.each([
    ['PUT', '/api/v1/routing'],
    ['PUT', '/api/v1/scoring'],
    ['PATCH', '/api/v1/org/settings'],
  ])('%s %s', async (method, path) => {
    const routing = (await t.request('GET', '/api/v1/routing', undefined, auth())).body.routing;
    const scoring = (await t.request('GET', '/api/v1/scoring', undefined, auth())).body.scoring;
    // Valid documents with one part replaced by anything: the checks behind the schema are reached as well.
    const mutated = (doc: Record<string, unknown>) =>
      fc
        .record({ key: fc.constantFrom(...Object.keys(doc), '$where', 'a.b'), value: anyJson })
        .map(({ key, value }) => ({
          ...doc,
          [key]: value,
        }));
    const settings = { locale: 'en', timeZone: 'Asia/Shanghai', dailyCaps: { junior: 5, senior: 9 } };
    const base = path.endsWith('routing') ? routing : path.endsWith('scoring') ? scoring : settings;
    const weights = fc
      .dictionary(fc.string({ unit: 'binary', maxLength: 30 }), anyJson, { maxKeys: 3 })
      .map((w) => ({ ...routing, default: { ...routing.default, weights: w } }));
    const body = fc.oneof(anyJson, mutated(base), ...(path.endsWith('routing') ? [weights] : []));
    await fc.assert(
      fc.asyncProperty(body, async (doc) => {
        const before = await orgState();
        const { status, raw } = await sendJson(method, path, doc);
        noServerError(status, doc, raw);
        // A refused change changes nothing; an accepted one is stored whole (the next GET sees the answer).
        if (status !== 200) expect(await orgState()).toBe(before);
      }),
      RUNS,
    );
    // Leave the demo org as it was for the tests after this one.
    await t.app.models.Org.updateOne({}, { $set: { 'settings.routing': routing } });
  });
});

describe('fuzzed, correctly signed webhook bodies never get a 5xx', () => {
  it('Slack events and interactivity', async () => {
    const event = fc.record(
      {
        type: near(fc.constantFrom('event_callback', 'url_verification', 'block_actions', 'view_submission')),
        team_id: near(fc.constant('T0FUZZ')),
        challenge: text,
        event: near(
          fc.record(
            { type: near(fc.constantFrom('app_mention', 'message', 'app_home_opened')), user: text, text },
            { requiredKeys: [] },
          ),
        ),
        event_id: text,
        actions: near(
          fc.array(fc.record({ action_id: text, value: text }, { requiredKeys: [] }), { maxLength: 2 }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, event), fc.boolean(), async (payload, asForm) => {
        const body = asForm
          ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
          : JSON.stringify(payload);
        const type = asForm ? 'application/x-www-form-urlencoded' : 'application/json';
        const { status, raw } = await send('POST', '/slack/events', body, {
          'content-type': type,
          ...slackHeaders(body),
        });
        noServerError(status, payload, raw);
        expect(status).not.toBe(401);
      }),
      RUNS,
    );
  });

  // Found by this test: a signed JSON `null` once parsed to null and hung the request instead of answering.
  it('Slack: a signed JSON null gets an answer, not a hang', async () => {
    const { status } = await send('POST', '/slack/events', 'null', {
      'content-type': 'application/json',
      ...slackHeaders('null'),
    });
    expect(status).toBe(400);
  });

  it('DingTalk HTTP mode: robot messages and card callbacks', async () => {
    const robot = fc.record(
      {
        msgtype: near(fc.constant('text')),
        text: near(fc.record({ content: text }, { requiredKeys: [] })),
        senderStaffId: text,
        conversationType: near(fc.constantFrom('1', '2')),
        chatbotCorpId: text,
        outTrackId: text,
        userId: text,
        content: near(fc.jsonValue().map((v) => JSON.stringify(v))),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyJson, robot),
        fc.constantFrom('robot' as const, 'card' as const),
        async (payload, kind) => {
          const body = JSON.stringify(payload);
          const headers = { 'content-type': 'application/json', ...dingtalkHeaders(kind) };
          const { status, raw } = await send('POST', '/dingtalk/callback', body, headers);
          noServerError(status, payload, raw);
          expect(status).not.toBe(401);
        },
      ),
      RUNS,
    );
  });

  it('WeCom callbacks', async () => {
    const message = fc.record(
      {
        ToUserName: near(fc.constant(WECOM.corpId)),
        FromUserName: text,
        CreateTime: near(fc.integer()),
        MsgType: near(fc.constantFrom('text', 'event')),
        Event: near(fc.constantFrom('template_card_event', 'enter_agent')),
        EventKey: text,
        TaskId: text,
        Content: text,
        AgentID: near(fc.constant(1000002)),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, message), async (payload) => {
        const { query, body } = wecomRequest(xmlOf(payload));
        const { status, raw } = await send('POST', `/wecom/callback?${query}`, body, {
          'content-type': 'text/xml',
        });
        noServerError(status, payload, raw);
        expect(status).not.toBe(401);
      }),
      RUNS,
    );
  });
});

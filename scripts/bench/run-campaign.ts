import { intakeLeadsBatch } from '../../src/core/leads/intake-leads-batch.js';
import { openBenchEnvironment } from './bench-environment.js';
import { round } from './bench-stats.js';
import { fakeLeads } from './fake-leads.js';
import { type PacedPlan, PLATFORM_GAP_MS, type PlannedSend, pricePacing } from './price-pacing.js';

export const CAMPAIGN_TARGETS = {
  maxMessagesPerChannel: 3,
  maxMessagesPerRep: 2,
  outboxEmptySec: 10,
  everyChannelToldSecOnDingTalkAndWeCom: 60,
} as const;

export type CampaignFigures = {
  leads: number;
  batchCalls: number;
  /** Outbox entries (one per notice) the campaign queued, and the messages they became. */
  notices: number;
  messages: number;
  messagesPerChannel: Record<string, number>;
  maxMessagesPerRep: number;
  repsTold: number;
  intakeSec: number;
  /** From the first batch call until no entry is pending or being sent, delivery running as in production. */
  outboxEmptySec: number;
  pacedBy: Record<keyof typeof PLATFORM_GAP_MS, PacedPlan>;
  meetsTargets: Record<'messagesPerChannel' | 'messagesPerRep' | 'outboxEmpty' | 'pacing' | 'all', boolean>;
  ok: boolean;
};

/**
 * A campaign as a sales team runs it: `count` leads of campaign 双十二 into the demo org in two batch calls, with
 * delivery on (the app's own notifier wakes the outbox pump, the sandbox adapter receives), until the outbox is
 * empty. Its own fresh database, so the other scenarios' notices are not in it. Wall time on the sandbox, which
 * paces nothing; the same sends are then priced under each platform's pacing.
 */
export async function runCampaign(count: number, progress: (line: string) => void): Promise<CampaignFigures> {
  const env = await openBenchEnvironment(progress);
  try {
    const { app } = env;
    const began = performance.now();
    const since = app.clock.now();
    const half = Math.ceil(count / 2);
    for (const [from, n] of [
      [0, half],
      [half, count - half],
    ] as const) {
      const leads = fakeLeads(from, n).map((l) => ({ ...l, campaign: '双十二' }));
      await intakeLeadsBatch(app.intakeDeps, env.actor, { leads });
      progress(
        `campaign: ${from + n}/${count} leads taken in at ${Math.round(performance.now() - began)} ms`,
      );
    }
    const intakeSec = (performance.now() - began) / 1000;
    const waiting = () => app.models.OutboxEntry.countDocuments({ status: { $in: ['pending', 'sending'] } });
    const deadline = began + 120_000;
    while ((await waiting()) > 0 && performance.now() < deadline) {
      await app.outboxPump.runNow();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const outboxEmptySec = (performance.now() - began) / 1000;
    const left = await waiting();
    const sent = await app.models.SentMessage.find({ sentAt: { $gte: since } }).lean();
    const notices = await app.models.OutboxEntry.countDocuments({ createdAt: { $gte: since } });
    const plan: PlannedSend[] = sent.map((s) => ({
      conversation: conversationOf(s.target as { kind: string; channelId?: string; userId?: string }),
      atMs: s.sentAt.getTime() - since.getTime(),
    }));
    if (process.env.BENCH_TIMELINE)
      progress(`campaign: sends ${JSON.stringify(plan.sort((a, b) => a.atMs - b.atMs))}`);
    const per = tally(plan.map((p) => p.conversation));
    const channels = Object.fromEntries(Object.entries(per).filter(([c]) => c.startsWith('channel:')));
    const dms = Object.entries(per).filter(([c]) => c.startsWith('dm:'));
    const maxMessagesPerRep = Math.max(0, ...dms.map(([, n]) => n));
    const pacedBy = {
      slack: pricePacing(plan, PLATFORM_GAP_MS.slack),
      dingtalk: pricePacing(plan, PLATFORM_GAP_MS.dingtalk),
      wecom: pricePacing(plan, PLATFORM_GAP_MS.wecom),
    };
    const t = CAMPAIGN_TARGETS;
    const meets = {
      messagesPerChannel: Object.values(channels).every((n) => n <= t.maxMessagesPerChannel),
      messagesPerRep: maxMessagesPerRep <= t.maxMessagesPerRep,
      outboxEmpty: left === 0 && outboxEmptySec <= t.outboxEmptySec,
      pacing: [pacedBy.dingtalk, pacedBy.wecom].every(
        (p) => p.everyChannelAllToldSec <= t.everyChannelToldSecOnDingTalkAndWeCom,
      ),
    };
    return {
      leads: count,
      batchCalls: 2,
      notices,
      messages: sent.length,
      messagesPerChannel: channels,
      maxMessagesPerRep,
      repsTold: dms.length,
      intakeSec: round(intakeSec, 1),
      outboxEmptySec: round(outboxEmptySec, 1),
      pacedBy,
      meetsTargets: { ...meets, all: Object.values(meets).every(Boolean) },
      ok: left === 0,
    };
  } finally {
    await env.close().catch(() => undefined);
  }
}

/** A thread shares its channel's budget and its reader's attention: it counts as the channel. */
function conversationOf(target: { kind: string; channelId?: string; userId?: string }): string {
  return target.kind === 'dm' ? `dm:${target.userId}` : `channel:${target.channelId}`;
}

function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

// The campaign's message plan (when each conversation got each message on the sandbox) priced under each
// platform's pacing: every message waits at least the platform's gap after the one before it in its conversation.
// The gaps are the adapters' `pacing.perConversationMs` (src/adapters/*/…-adapter.ts), chosen from the limits in
// PLATFORMS.md: Slack ~1 message/s per channel, DingTalk 20 a minute per robot group, WeCom 30 a minute per member.
export const PLATFORM_GAP_MS = { slack: 1_100, dingtalk: 3_000, wecom: 2_000 } as const;

export type PlannedSend = { readonly conversation: string; readonly atMs: number };

export type PacedPlan = {
  /** When the last message of the busiest conversation would go out, from the first intake call. */
  readonly lastMessageSec: number;
  /** When every channel has had its first message (has been told of the campaign). */
  readonly everyChannelFirstToldSec: number;
  /** When every channel has had all of its messages. */
  readonly everyChannelAllToldSec: number;
};

export function pricePacing(sends: readonly PlannedSend[], gapMs: number): PacedPlan {
  const byConversation = new Map<string, number[]>();
  for (const s of [...sends].sort((a, b) => a.atMs - b.atMs)) {
    const paced = byConversation.get(s.conversation) ?? [];
    const previous = paced.at(-1);
    paced.push(previous === undefined ? s.atMs : Math.max(s.atMs, previous + gapMs));
    byConversation.set(s.conversation, paced);
  }
  const channels = [...byConversation].filter(([c]) => c.startsWith('channel:')).map(([, t]) => t);
  const sec = (ms: number) => Math.round(ms / 100) / 10;
  return {
    lastMessageSec: sec(Math.max(0, ...[...byConversation.values()].map((t) => t.at(-1) ?? 0))),
    everyChannelFirstToldSec: sec(Math.max(0, ...channels.map((t) => t[0] ?? 0))),
    everyChannelAllToldSec: sec(Math.max(0, ...channels.map((t) => t.at(-1) ?? 0))),
  };
}

import type { OrgRepository } from '../../core/org/ports.js';
import type { Org, Platform } from '../../core/org/types.js';
import type { Clock } from '../../core/shared/clock.js';
import type { MemberId } from '../../core/shared/ids.js';
import { withAltText } from '../card-images.js';
import {
  type ChatAdapter,
  type PlatformMessage,
  type PlatformTarget,
  TransientDeliveryError,
} from '../chat-adapter.js';
import type { FileStore } from '../file-store.js';
import { renderNotice, renderSummary } from '../render/render-notice.js';
import { textsFor } from '../texts/texts-for.js';
import { summaryKindOf } from './coalesce-group.js';
import { deliverFile } from './deliver-file.js';
import type { OutboxEntry } from './outbox-store.js';
import { type ResolveDeps, resolveTarget } from './resolve-target.js';
import { burstKey, takeBurst } from './take-burst.js';

export type DeliverDeps = ResolveDeps & {
  readonly orgs: OrgRepository;
  readonly adapters: ReadonlyMap<Platform, ChatAdapter>;
  readonly clock: Clock;
  readonly log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** When each conversation (and each burst, `burst:…`) last got a message, for pacing; kept per process. */
  readonly lastSentAt: Map<string, number>;
  /** Told each attempt's outcome (the metrics' leadrelay_outbox_deliveries_total); paced waits are no attempt. */
  readonly onDelivery?: (platform: Platform | 'unknown', outcome: DeliveryOutcome) => void;
  /** Where file messages' bytes are (exports); a notice rendered with a file cannot be sent without it. */
  readonly files?: FileStore;
};

/** sent (and its burst), retried later, failed for good (no retry can mend it), dead after the last attempt. */
export type DeliveryOutcome = 'sent' | 'retried' | 'failed' | 'dead';

export type DeliverOptions = {
  readonly maxEntries: number;
  readonly leaseMs: number;
  readonly maxAttempts: number;
  /** The quiet window: notices of one group (coalesce-group.ts) within it are told in one card. 0 turns it off. */
  readonly coalesceMs: number;
};
export const DEFAULT_DELIVER_OPTIONS: DeliverOptions = {
  maxEntries: 200,
  leaseMs: 60_000,
  maxAttempts: 8,
  coalesceMs: 3_000,
};

type Outcome =
  | { readonly done: true; readonly alsoDone?: number }
  | { readonly failed: string }
  | { readonly retryInMs: number; readonly error?: string; readonly paced?: true };

/**
 * The outbox job: leases due entries one by one and delivers them. Every lease is one conditional write, so two
 * instances never deliver the same entry at once; an entry whose process died mid-send is leased again when its
 * lease ends (adapters dedupe by idempotency key, so that resend is harmless).
 */
export async function deliverOutbox(
  deps: DeliverDeps,
  options: DeliverOptions = DEFAULT_DELIVER_OPTIONS,
): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < options.maxEntries; i++) {
    const entry = await deps.outbox.claimNext(deps.clock.now(), options.leaseMs);
    if (!entry) break;
    // Set by deliverOne once it has read the org, for the metrics' platform label.
    const seen: { platform?: Platform } = {};
    const tell = (result: DeliveryOutcome) => deps.onDelivery?.(seen.platform ?? 'unknown', result);
    const outcome = await deliverOne(deps, entry, options, seen).catch((error: unknown): Outcome => {
      if (error instanceof TransientDeliveryError)
        return { retryInMs: error.retryAfterMs ?? 0, error: error.message };
      deps.log.error({ err: error, outboxId: entry.id, orgId: entry.orgId }, 'outbox delivery failed');
      return { retryInMs: 0, error: error instanceof Error ? error.message : String(error) };
    });
    if ('done' in outcome) {
      // A burst is completed with its leader in one write; on any failure they stay leased and are taken again.
      if (outcome.alsoDone) await deps.outbox.completeBurst(entry.orgId, entry.id, deps.clock.now());
      else await deps.outbox.complete(entry.id, deps.clock.now());
      delivered += 1 + (outcome.alsoDone ?? 0);
      tell('sent');
    } else if ('failed' in outcome) {
      deps.log.warn(
        { outboxId: entry.id, orgId: entry.orgId, reason: outcome.failed },
        'outbox entry cannot be delivered',
      );
      await deps.outbox.fail(entry.id, outcome.failed);
      tell('failed');
    } else if (!outcome.paced && entry.attempts >= options.maxAttempts) {
      await deps.outbox.fail(entry.id, outcome.error ?? 'gave up');
      deps.log.error(
        { outboxId: entry.id, orgId: entry.orgId, error: outcome.error },
        'outbox entry dead after retries',
      );
      tell('dead');
    } else {
      const wait = outcome.paced ? outcome.retryInMs : Math.max(outcome.retryInMs, backoffMs(entry.attempts));
      await deps.outbox.retryAt(
        entry.id,
        new Date(deps.clock.now().getTime() + wait),
        outcome.error,
        !outcome.paced,
      );
      if (!outcome.paced) tell('retried');
    }
  }
  return delivered;
}

/** 1 s, 2 s, 4 s … capped at 5 min, with jitter so a platform outage does not end in a thundering herd. */
export function backoffMs(attempts: number): number {
  const base = Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 300_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

async function deliverOne(
  deps: DeliverDeps,
  entry: OutboxEntry,
  options: DeliverOptions,
  seen: { platform?: Platform },
): Promise<Outcome> {
  const org = await deps.orgs.get(entry.orgId);
  if (!org) return permanent('org not found');
  seen.platform = org.chat.platform;
  const adapter = deps.adapters.get(org.chat.platform);
  if (!adapter) return { retryInMs: 60_000, error: `platform ${org.chat.platform} is not enabled` };
  return entry.mode === 'post' ? post(deps, adapter, org, entry, options) : update(deps, adapter, org, entry);
}

async function post(
  deps: DeliverDeps,
  adapter: ChatAdapter,
  org: Org,
  entry: OutboxEntry,
  options: DeliverOptions,
): Promise<Outcome> {
  const resolved = await resolveTarget(deps, org, entry.to);
  if (!resolved.ok) {
    return resolved.permanent ? permanent(resolved.reason) : { retryInMs: 1_000, error: resolved.reason };
  }
  const pace = paceWait(deps, adapter, org, resolved.target);
  if (pace > 0) return { retryInMs: pace, paced: true };
  // Taken after pacing, so a burst is not leased while its conversation still has to wait.
  const burst = await takeBurst(deps, entry, deps.clock.now(), options);
  if ('holdMs' in burst) return { retryInMs: burst.holdMs, paced: true };
  const ctx = {
    texts: textsFor(resolved.locale),
    locale: resolved.locale,
    timeZone: org.settings.timeZone,
    to: entry.to,
    now: deps.clock.now(),
  };
  const summary = burst.entries.length > 1 && entry.group ? summaryKindOf(entry.group) : undefined;
  const message = summary ? renderSummary(summary, burst.entries, ctx) : renderNotice(entry, ctx);
  // A summary is its own message: keyed by its leader and size, so a resend after a crash is deduped too.
  const idempotencyKey = summary
    ? `${entry.idempotencyKey}:summary:${burst.entries.length}`
    : entry.idempotencyKey;
  // Mentions notify members in a group; a DM notifies its reader anyway, so it needs no lookups.
  const mentionUserIds =
    message.mentions && resolved.target.kind !== 'dm'
      ? await mentionUserIdsOf(deps, org, message.mentions)
      : [];
  const withMentions: PlatformMessage = mentionUserIds.length > 0 ? { ...message, mentionUserIds } : message;
  const lastTry = entry.attempts >= options.maxAttempts;
  // The last attempt goes without images, their alt text in place: a platform that keeps refusing an upload
  // (ImageUploadError is retried like any failure) must not cost the reader the card and its numbers.
  const sent = withMentions.file
    ? await deliverFile(deps, adapter, org, {
        entry,
        target: resolved.target,
        message: withMentions,
        idempotencyKey,
        texts: ctx.texts,
        locale: ctx.locale,
        lastTry,
      })
    : await adapter.send(
        org.chat.workspaceId,
        resolved.target,
        lastTry ? withAltText(withMentions) : withMentions,
        idempotencyKey,
      );
  deps.lastSentAt.set(paceKey(org, resolved.target), deps.clock.now().getTime());
  if (entry.group) deps.lastSentAt.set(burstKey(entry), deps.clock.now().getTime());
  await deps.outbox.recordSent(
    {
      orgId: org.id,
      // A summary shows many cards and is none of them: later updates of one lead's card do not rewrite it.
      ...(entry.cardKey && !summary ? { cardKey: entry.cardKey } : {}),
      to: entry.to,
      platform: org.chat.platform,
      workspaceId: org.chat.workspaceId,
      target: resolved.target,
      messageRef: sent.messageRef,
      idempotencyKey,
    },
    deps.clock.now(),
  );
  return { done: true, ...(burst.entries.length > 1 ? { alsoDone: burst.entries.length - 1 } : {}) };
}

/**
 * The mentioned members' user ids on the org's platform, in mention order. Resolved here at delivery time, like the
 * target, because identities are per platform and a member may link or change one after the notice was queued.
 * One members.get per distinct member (the old and the new owner may be the same); a member without an identity on
 * this platform is left out rather than failing the whole message: the text still names them.
 */
async function mentionUserIdsOf(
  deps: DeliverDeps,
  org: Org,
  mentions: readonly MemberId[],
): Promise<string[]> {
  const members = await Promise.all([...new Set(mentions)].map((id) => deps.members.get(org.id, id)));
  return members.flatMap(
    (member) => member?.identities.find((i) => i.platform === org.chat.platform)?.userId ?? [],
  );
}

/** Updates every message that showed this card. Waits while a post of the same card is still on its way. */
async function update(
  deps: DeliverDeps,
  adapter: ChatAdapter,
  org: Org,
  entry: OutboxEntry,
): Promise<Outcome> {
  if (!entry.cardKey) return permanent('update without a card key');
  if (await deps.outbox.hasUndeliveredPost(org.id, entry.cardKey)) return { retryInMs: 500, paced: true };
  for (const sent of await deps.outbox.findSent(org.id, entry.cardKey)) {
    const resolved = await resolveTarget(deps, org, sent.to);
    const locale = resolved.ok ? resolved.locale : org.settings.locale;
    // Drawn for each place it was shown: a DM and a channel see different details of the same card.
    const message = renderNotice(entry, {
      texts: textsFor(locale),
      locale,
      timeZone: org.settings.timeZone,
      to: sent.to,
    });
    await adapter.update(sent.workspaceId, sent.target, sent.messageRef, message);
  }
  return { done: true };
}

/** A failure no retry can mend (the recipient has no identity on the platform, the org is gone). */
const permanent = (reason: string): Outcome => ({ failed: reason });

/** Platforms pace per conversation; a thread shares its channel's budget. */
function paceKey(org: Org, target: PlatformTarget): string {
  const where = target.kind === 'dm' ? `dm:${target.userId}` : `channel:${target.channelId}`;
  return `${org.chat.platform}:${org.chat.workspaceId}:${where}`;
}

function paceWait(deps: DeliverDeps, adapter: ChatAdapter, org: Org, target: PlatformTarget): number {
  const last = deps.lastSentAt.get(paceKey(org, target));
  if (last === undefined) return 0;
  return Math.max(0, last + adapter.pacing.perConversationMs - deps.clock.now().getTime());
}

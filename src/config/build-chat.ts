import type { Logger } from 'pino';
import { backgroundWork } from '../chat/background-work.js';
import type { ChatAdapter } from '../chat/chat-adapter.js';
import { registerHandlers } from '../chat/handlers/register-handlers.js';
import { DEFAULT_DELIVER_OPTIONS, type DeliverDeps, deliverOutbox } from '../chat/outbox/deliver-outbox.js';
import { outboxNotifier } from '../chat/outbox/outbox-notifier.js';
import { Registry } from '../chat/registry.js';
import type { Platform } from '../core/org/types.js';
import type { Clock } from '../core/shared/clock.js';
import { singleFlight } from '../jobs/single-flight.js';
import type { Storage } from './build-storage.js';

/**
 * The platform-neutral chat side: the outbox and its delivery pump, the notifier use-cases publish to, the handler
 * registry, and the tracker of work webhooks start after acknowledging. `adapters` starts empty: the platforms
 * builder adds each enabled platform's adapter, and delivery reads the map at send time.
 */
export function buildChat(
  storage: Storage,
  deps: {
    readonly clock: Clock;
    readonly log: Logger;
    readonly coalesceMs?: number;
    /** PUBLIC_URL, for the links the bot sends (the dashboard's sign-in). */
    readonly publicUrl?: string | undefined;
    /** Each delivery attempt's outcome, for the metrics. */
    readonly onDelivery?: DeliverDeps['onDelivery'];
  },
) {
  const { clock, log } = deps;
  const { orgs, teams, members, outbox } = storage.repos;
  const adapters = new Map<Platform, ChatAdapter>();
  const deliverDeps: DeliverDeps = {
    orgs,
    teams,
    members,
    outbox,
    adapters,
    clock,
    log,
    lastSentAt: new Map(),
    // File messages (a `/导出`'s CSV) read their bytes here at send time.
    files: storage.repos.exportFiles,
    ...(deps.onDelivery ? { onDelivery: deps.onDelivery } : {}),
  };
  const outboxPump = singleFlight(
    () =>
      deliverOutbox(deliverDeps, {
        ...DEFAULT_DELIVER_OPTIONS,
        coalesceMs: deps.coalesceMs ?? DEFAULT_DELIVER_OPTIONS.coalesceMs,
      }),
    (error) => log.error({ err: error }, 'outbox delivery run failed'),
  );
  const notifier = outboxNotifier(outbox, clock, () => outboxPump.trigger(), members);
  // The handlers get every repository (lead, roster, follow-ups, drafts, customers, orders…) and the outbox's notifier.
  const registry = registerHandlers(new Registry({ orgs, members, teams, log }), {
    ...storage.repos,
    notifier,
    clock,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  });
  // Shutdown awaits this after the server stops taking requests, so a click acknowledged just before is finished.
  const background = backgroundWork((error) => log.error({ err: error }, 'background webhook work failed'));
  return { adapters, outboxPump, notifier, registry, background };
}

export type Chat = ReturnType<typeof buildChat>;

import type { Clock } from '../../core/shared/clock.js';
import type { OrgId } from '../../core/shared/ids.js';
import type { Notice, Notifier } from '../../core/shared/notices.js';
import type { OutboxStore } from './outbox-store.js';

/** The Notifier core uses: writes notices to the durable outbox, then nudges the deliverer to run soon. */
export function outboxNotifier(store: OutboxStore, clock: Clock, onEnqueued: () => void): Notifier {
  return {
    async publish(orgId: OrgId, notices: readonly Notice[]) {
      if (notices.length === 0) return;
      await store.enqueue(orgId, notices, clock.now());
      onEnqueued();
    },
  };
}

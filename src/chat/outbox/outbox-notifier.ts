import type { MemberRepository } from '../../core/org/ports.js';
import type { Clock } from '../../core/shared/clock.js';
import type { OrgId } from '../../core/shared/ids.js';
import type { Notice, Notifier } from '../../core/shared/notices.js';
import { addressDirectors } from './address-directors.js';
import type { OutboxStore } from './outbox-store.js';

/**
 * The Notifier core uses: writes notices to the durable outbox, then nudges the deliverer to run soon. Notices to
 * the org's directors are addressed to each of them here, at publish time (`members`); without it none are sent.
 */
export function outboxNotifier(
  store: OutboxStore,
  clock: Clock,
  onEnqueued: () => void,
  members: Pick<MemberRepository, 'list'> = { list: async () => [] },
): Notifier {
  return {
    async publish(orgId: OrgId, notices: readonly Notice[]) {
      if (notices.length === 0) return;
      await store.enqueue(orgId, await addressDirectors(members, orgId, notices), clock.now());
      onEnqueued();
    },
  };
}

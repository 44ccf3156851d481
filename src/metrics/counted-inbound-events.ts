import type { InboundEventLedger } from '../chat/inbound-ports.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * The inbound event ledger with each event's outcome counted (leadrelay_inbound_events_total): every platform's
 * inbound path goes through it (chat/dispatch-and-reply.ts), so one wrapper counts them all. `handled` includes events
 * a rule refused (the member got the reason); `crashed` is a handler bug, handled again on the platform's retry.
 */
export function countedInboundEvents(
  ledger: InboundEventLedger,
  metrics: Pick<ServiceMetrics, 'inboundEvents'>,
): InboundEventLedger {
  const count = (platform: string, outcome: string) => metrics.inboundEvents.inc({ platform, outcome });
  return {
    async begin(platform, eventId, leaseMs) {
      const claim = await ledger.begin(platform, eventId, leaseMs);
      if (claim.outcome !== 'start') count(platform, claim.outcome === 'done' ? 'duplicate' : 'busy');
      return claim;
    },
    async finish(platform, eventId) {
      await ledger.finish(platform, eventId);
      count(platform, 'handled');
    },
    async abandon(platform, eventId, attempt) {
      await ledger.abandon(platform, eventId, attempt);
      count(platform, 'crashed');
    },
  };
}

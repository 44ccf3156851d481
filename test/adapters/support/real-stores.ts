import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { InboundEventLedger, SeenSignatures } from '../../../src/chat/inbound-ports.js';
import { type Clock, systemClock } from '../../../src/core/shared/clock.js';
import { bindModels, ensureIndexes, type Models } from '../../../src/storage/models.js';
import { mongoInboundEventLog } from '../../../src/storage/repositories/inbound-event-log.js';
import { mongoSeenSignatures } from '../../../src/storage/repositories/seen-signatures.js';
import { openTestDatabase } from '../../support/test-database.js';

export type TestModels = {
  readonly models: () => Models;
  readonly seenSignatures: SeenSignatures;
  /** The real started/done ledger, its leases on `clock`; emptied before each test (fixtures share event ids). */
  inboundEvents(clock?: Clock): InboundEventLedger;
};

/**
 * The real replay and inbound-event stores on a fresh test database, opened once for the test file: the unique
 * indexes that make "accepted once" atomic are the point, so no in-memory stand-in.
 */
export function useTestModels(): TestModels {
  let models: Models | undefined;
  let close = async () => {};
  beforeAll(async () => {
    const db = await openTestDatabase();
    close = db.close;
    models = bindModels(db.connection);
    await ensureIndexes(models);
  });
  beforeEach(async () => {
    await models?.InboundEvent.deleteMany({});
  });
  afterAll(async () => close());
  const current = () => {
    if (!models) throw new Error('useTestModels: the database is opened in beforeAll');
    return models;
  };
  return {
    models: current,
    seenSignatures: { record: (...args) => mongoSeenSignatures(current()).record(...args) },
    inboundEvents: (clock = systemClock) => ({
      begin: (...args) => mongoInboundEventLog(current(), clock).begin(...args),
      finish: (...args) => mongoInboundEventLog(current(), clock).finish(...args),
      abandon: (...args) => mongoInboundEventLog(current(), clock).abandon(...args),
    }),
  };
}

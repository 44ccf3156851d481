import { afterAll, beforeAll } from 'vitest';
import type { SeenSignatures } from '../../../src/chat/inbound-ports.js';
import { bindModels, ensureIndexes, type Models } from '../../../src/storage/models.js';
import { mongoSeenSignatures } from '../../../src/storage/repositories/seen-signatures.js';
import { openTestDatabase } from '../../support/test-database.js';

/**
 * The real replay and inbound-event stores on a fresh test database, opened once for the test file: the unique
 * indexes that make "accepted once" atomic are the point, so no in-memory stand-in.
 */
export function useTestModels(): { models: () => Models; seenSignatures: SeenSignatures } {
  let models: Models | undefined;
  let close = async () => {};
  beforeAll(async () => {
    const db = await openTestDatabase();
    close = db.close;
    models = bindModels(db.connection);
    await ensureIndexes(models);
  });
  afterAll(async () => close());
  const current = () => {
    if (!models) throw new Error('useTestModels: the database is opened in beforeAll');
    return models;
  };
  return {
    models: current,
    seenSignatures: { record: (...args) => mongoSeenSignatures(current()).record(...args) },
  };
}

import type { Models } from '../models.js';

const TTL_MS = 72 * 3_600_000;

/**
 * Persistent store of one-time card-update codes (WeCom's response_code): survives a restart, so an update queued
 * in the outbox can still use the code a click brought. `take` reads and deletes in one command: a code works once.
 */
export function mongoResponseCodes(models: Models, platform: string, now: () => Date = () => new Date()) {
  return {
    async save(taskId: string, code: string, at: Date): Promise<void> {
      await models.PlatformResponseCode.updateOne(
        { platform, taskId },
        { $set: { code, at } },
        { upsert: true },
      );
    },
    async take(taskId: string): Promise<string | undefined> {
      const doc = await models.PlatformResponseCode.findOneAndDelete({
        platform,
        taskId,
        at: { $gt: new Date(now().getTime() - TTL_MS) },
      }).lean();
      return doc?.code;
    },
  };
}

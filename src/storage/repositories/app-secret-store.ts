import { randomBytes } from 'node:crypto';
import { bytesOfBinary } from '../binary-bytes.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../object-id.js';

/** The app's own key for one use: made once (32 random bytes), then the same for every instance and restart. */
export type SharedSecret = (name: string) => Promise<Uint8Array>;

export function mongoSharedSecret(
  models: Pick<Models, 'AppSecret'>,
  now: () => Date = () => new Date(),
): SharedSecret {
  return async (name) => {
    for (let attempt = 0; ; attempt++) {
      try {
        // One upsert decides the key: $setOnInsert writes only the first instance's bytes; later ones read them.
        const doc = await models.AppSecret.findOneAndUpdate(
          { _id: name },
          { $setOnInsert: { key: randomBytes(32), createdAt: now() } },
          { upsert: true, returnDocument: 'after' },
        ).lean();
        if (!doc) throw new Error(`app secret ${name} was not stored`);
        return new Uint8Array(bytesOfBinary(doc.key, 'app secret'));
      } catch (error) {
        // Two instances upserting at once: the loser's insert hits the unique _id; the winner's key is there now.
        if (attempt === 0 && isDuplicateKeyError(error)) continue;
        throw error;
      }
    }
  };
}

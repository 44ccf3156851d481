import { createHash } from 'node:crypto';

/**
 * The template card's task_id for an outbox entry: the same idempotency key always gives the same task_id. WeCom
 * allows only [a-zA-Z0-9_-@] and 128 bytes, and our keys hold other characters (":"), so the key is hashed; 32 hex
 * characters of SHA-256 make a collision between two cards practically impossible.
 * Doc (task_id): https://developer.work.weixin.qq.com/document/path/90236
 */
export function taskIdFor(idempotencyKey: string): string {
  return `lr_${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32)}`;
}

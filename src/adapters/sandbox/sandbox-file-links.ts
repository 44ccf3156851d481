import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring download links for the sandbox's file messages: `/sandbox/files/<id>?expires=<ms>&sig=<hmac>`.
 * The signature covers the id and the expiry, so a link can be neither pointed at another file nor kept alive
 * longer; the file store's own TTL ends it too. The key is the process's own unless one is given (the sandbox is a
 * one-instance demo; a link made before a restart then stops working, and the member can ask again).
 */
export type SandboxFileLinks = {
  linkFor(fileId: string, now: Date): string;
  /** True when the signature is ours and the link has not expired. Constant-time compare. */
  verify(fileId: string, expires: string, sig: string, now: Date): boolean;
};

/** A day: long enough to click the link later, short enough that a forwarded link soon dies. */
export const SANDBOX_FILE_LINK_TTL_MS = 24 * 3_600_000;

export function sandboxFileLinks(
  key: Uint8Array = randomBytes(32),
  ttlMs = SANDBOX_FILE_LINK_TTL_MS,
): SandboxFileLinks {
  const sign = (fileId: string, expires: string) =>
    createHmac('sha256', key).update(`${fileId}\n${expires}`).digest('base64url');
  return {
    linkFor(fileId, now) {
      const expires = String(now.getTime() + ttlMs);
      return `/sandbox/files/${encodeURIComponent(fileId)}?expires=${expires}&sig=${sign(fileId, expires)}`;
    },
    verify(fileId, expires, sig, now) {
      if (!/^\d{1,15}$/.test(expires) || Number(expires) <= now.getTime()) return false;
      const expected = Buffer.from(sign(fileId, expires));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

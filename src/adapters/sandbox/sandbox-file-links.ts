import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring download links for the sandbox's file messages: `/sandbox/files/<id>?expires=<ms>&sig=<hmac>`.
 * The signature covers the id and the expiry, so a link can be neither pointed at another file nor kept alive
 * longer; the file store's own TTL ends it too. The key comes from `key`: in the app, the database's shared secret
 * (storage/repositories/app-secret-store.ts), so a link made before a restart, or by another instance, still
 * works. Read once, on first use.
 */
export type SandboxFileLinks = {
  linkFor(fileId: string, now: Date): Promise<string>;
  /** True when the signature is ours and the link has not expired. Constant-time compare. */
  verify(fileId: string, expires: string, sig: string, now: Date): Promise<boolean>;
};

/** A day: long enough to click the link later, short enough that a forwarded link soon dies. */
export const SANDBOX_FILE_LINK_TTL_MS = 24 * 3_600_000;

/** The shared secret's name for these links. */
export const SANDBOX_FILE_LINK_KEY = 'sandbox-file-links';

export function sandboxFileLinks(
  key: () => Promise<Uint8Array> = ownKey(),
  ttlMs = SANDBOX_FILE_LINK_TTL_MS,
): SandboxFileLinks {
  let loaded: Promise<Uint8Array> | undefined;
  const keyOnce = () => {
    // A failed read (the database down) is not kept: the next link tries again.
    loaded ??= key().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  const sign = async (fileId: string, expires: string) =>
    createHmac('sha256', await keyOnce())
      .update(`${fileId}\n${expires}`)
      .digest('base64url');
  return {
    async linkFor(fileId, now) {
      const expires = String(now.getTime() + ttlMs);
      return `/sandbox/files/${encodeURIComponent(fileId)}?expires=${expires}&sig=${await sign(fileId, expires)}`;
    },
    async verify(fileId, expires, sig, now) {
      if (!/^\d{1,15}$/.test(expires) || Number(expires) <= now.getTime()) return false;
      const expected = Buffer.from(await sign(fileId, expires));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** Without a shared secret (unit tests of the page alone): a key of these links' own, lost with them. */
function ownKey(): () => Promise<Uint8Array> {
  const key = randomBytes(32);
  return async () => key;
}

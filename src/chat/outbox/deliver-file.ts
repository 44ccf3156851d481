import type { Org } from '../../core/org/types.js';
import type { Clock } from '../../core/shared/clock.js';
import type { FileRef } from '../card.js';
import {
  type ChatAdapter,
  type FileSender,
  type PlatformMessage,
  type PlatformTarget,
  type SentRef,
  TransientDeliveryError,
} from '../chat-adapter.js';
import type { FileStore } from '../file-store.js';
import type { Catalogue } from '../texts/catalogue.js';
import type { OutboxEntry, OutboxStore } from './outbox-store.js';

export type DeliverFileDeps = {
  readonly outbox: Pick<OutboxStore, 'rememberUpload' | 'forgetUpload'>;
  readonly files?: FileStore;
  readonly clock: Clock;
};

/** How the outbox sends this try of a file message (`message.file` is set). */
export type FileTry = {
  readonly entry: OutboxEntry;
  readonly target: PlatformTarget;
  readonly message: PlatformMessage;
  readonly idempotencyKey: string;
  readonly texts: Catalogue;
  readonly locale: string;
  /** The entry's last try: a file that keeps failing is replaced by a line saying so, so the member is told. */
  readonly lastTry: boolean;
};

/**
 * Sends a file message (an export) and never leaves the member without an answer: the file when it fits the
 * platform and can be sent; otherwise one line in their language saying why and what to do (too big for the
 * platform, gone from the store, or still failing on the last try). The upload is kept on the entry before the
 * post, so a retry after a crash between the two posts the same upload: no second upload, and a platform that can
 * recognise the repeat (Slack's file shares, WeCom's duplicate check on the same media_id) shows it once.
 */
export async function deliverFile(
  deps: DeliverFileDeps,
  adapter: ChatAdapter,
  org: Org,
  attempt: FileTry,
): Promise<SentRef> {
  const { target, message, idempotencyKey } = attempt;
  const file = message.file;
  if (!file) throw new Error('deliverFile needs a file message');
  if (!deps.files) throw new Error('a file message needs the file store in the outbox deps');
  const stored = await deps.files.load(org.id, file.fileId, deps.clock.now());
  const say = (text: string) =>
    adapter.send(org.chat.workspaceId, target, { text }, `${idempotencyKey}:instead`);
  if (!stored) return say(attempt.texts.exports.fileExpired(file.name));
  const sender = adapter.files;
  // An adapter without a two-step sender shows the file its own way (the sandbox: a signed link to the store).
  if (!sender)
    return adapter.send(
      org.chat.workspaceId,
      target,
      { ...message, attachment: stored.bytes },
      idempotencyKey,
    );
  const instead = whyNot(attempt, file, stored.bytes, sender);
  if (instead !== undefined) return say(instead);
  return uploadAndPost(deps, sender, org, attempt, file, stored.bytes);
}

/** The line said instead of the file when it cannot go: too big (no retry mends that), or the last try. */
function whyNot(attempt: FileTry, file: FileRef, bytes: Uint8Array, sender: FileSender): string | undefined {
  const t = attempt.texts.exports;
  if (bytes.byteLength > sender.maxBytes) {
    const size = megabytes(bytes.byteLength, attempt.locale);
    return t.fileTooBig(file.name, size, megabytes(sender.maxBytes, attempt.locale));
  }
  return attempt.lastTry ? t.fileNotSent(file.name) : undefined;
}

/** Uploads unless an earlier try kept an upload of this file, keeps it on the entry, then posts it. */
async function uploadAndPost(
  deps: DeliverFileDeps,
  sender: FileSender,
  org: Org,
  attempt: FileTry,
  file: FileRef,
  bytes: Uint8Array,
): Promise<SentRef> {
  const { entry } = attempt;
  const kept = entry.upload?.fileId === file.fileId ? entry.upload.ref : undefined;
  let ref = kept;
  if (!ref) {
    ref = await sender.upload(org.chat.workspaceId, file, bytes);
    await deps.outbox.rememberUpload(entry.id, { fileId: file.fileId, ref });
  }
  try {
    return await sender.post(org.chat.workspaceId, attempt.target, ref, attempt.message, kept !== undefined);
  } catch (error) {
    // A kept upload the platform refuses for good (a WeCom media_id lives 3 days, a Slack upload not completed in
    // time is dropped) would fail every retry the same way: forgotten, so the next try uploads afresh. A passing
    // hitch (rate limit, network) keeps it.
    if (kept !== undefined && !(error instanceof TransientDeliveryError))
      await deps.outbox.forgetUpload(entry.id);
    throw error;
  }
}

/** "25.3 MB": what the platforms' own limits are worded in. */
function megabytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb)} MB`;
}

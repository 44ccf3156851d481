import type { FileRef } from '../../chat/card.js';
import { TransientDeliveryError } from '../../chat/chat-adapter.js';
import { callSlack } from './slack-errors.js';
import type { SlackWebClient } from './slack-web-client.js';

const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Slack takes files up to 1 GB (https://docs.slack.dev/messaging/working-with-files , recalled: the page was not in
 * the doc index; files.getUploadURLExternal answers `file_upload_size_restricted` when a workspace allows less).
 * An export that big would not be made in memory anyway; the limit is here so every platform has one.
 */
export const SLACK_FILE_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * Step one of Slack's external upload: ask for an upload URL (filename and length), then POST the bytes there.
 * Returns the file's id. Nothing is shown yet: a file is shared only when its upload is completed with a channel.
 */
export async function uploadSlackFile(
  client: SlackWebClient,
  file: FileRef,
  bytes: Uint8Array,
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  // https://docs.slack.dev/reference/methods/files.getUploadURLExternal
  const target = await callSlack('files.getUploadURLExternal', () =>
    client.files.getUploadURLExternal({ filename: file.name, length: bytes.byteLength }),
  );
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload_url');
  // The bytes go to the URL Slack gave, as the raw body of a POST ("raw bytes or multipart form encoded").
  // https://docs.slack.dev/reference/methods/files.getUploadURLExternal#usage-info
  let response: Response;
  try {
    response = await fetchFn(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': file.mime },
      body: new Uint8Array(bytes),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new TransientDeliveryError(`slack file upload unreachable: ${(error as Error).message}`);
  }
  if (!response.ok) throw new TransientDeliveryError(`slack file upload answered HTTP ${response.status}`);
  return target.file_id;
}

/**
 * Step two: completes the upload with the conversation's `channel_id`, which shares the file there as a message with
 * the text as its comment. On a retry (`retry`: the upload came from an earlier try) files.info is asked first: a
 * file already shared in this conversation was posted by that try, which crashed before it was marked sent, and is
 * not shared a second time.
 */
export async function postSlackFile(
  client: SlackWebClient,
  channel: string,
  fileId: string,
  file: FileRef,
  comment: string | undefined,
  options: { readonly retry: boolean; readonly threadTs?: string },
): Promise<string> {
  if (options.retry && (await sharedIn(client, fileId, channel))) return fileId;
  // https://docs.slack.dev/reference/methods/files.completeUploadExternal
  await callSlack('files.completeUploadExternal', () =>
    client.files.completeUploadExternal({
      files: [{ id: fileId, title: file.name }],
      channel_id: channel,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      ...(comment ? { initial_comment: comment } : {}),
    }),
  );
  return fileId;
}

/** True when files.info lists the conversation among the file's shares (public or private) or its ims/channels. */
async function sharedIn(client: SlackWebClient, fileId: string, channel: string): Promise<boolean> {
  // https://docs.slack.dev/reference/methods/files.info — an upload never completed is no file yet: not shared.
  const info = await callSlack('files.info', () => client.files.info({ file: fileId })).catch(
    (error: unknown) => {
      if ((error as { data?: { error?: string } }).data?.error === 'file_not_found') return undefined;
      throw error;
    },
  );
  const f = info?.file;
  if (!f) return false;
  const shares = f.shares as { public?: object; private?: object } | undefined;
  const listed = [...(f.channels ?? []), ...(f.groups ?? []), ...(f.ims ?? [])];
  return (
    listed.includes(channel) ||
    Object.hasOwn(shares?.public ?? {}, channel) ||
    Object.hasOwn(shares?.private ?? {}, channel)
  );
}

import type { FileRef } from '../../chat/card.js';
import { TransientDeliveryError } from '../../chat/chat-adapter.js';
import { callSlack } from './slack-errors.js';
import type { SlackWebClient } from './slack-web-client.js';

const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Sends a file into a conversation with Slack's external upload flow: ask for an upload URL, POST the bytes there,
 * then complete the upload with the conversation's `channel_id`, which shares the file there as a message with the
 * text as its comment. Returns the file's id (the message's ts is not in the answer; a file message is never
 * updated). Nothing is shown before the last call, so a failure before it leaves nothing behind for a retry.
 */
export async function sendSlackFile(
  client: SlackWebClient,
  channel: string,
  file: FileRef,
  bytes: Uint8Array,
  comment: string | undefined,
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  // https://docs.slack.dev/reference/methods/files.getUploadURLExternal
  const target = await callSlack('files.getUploadURLExternal', () =>
    client.files.getUploadURLExternal({ filename: file.name, length: bytes.byteLength }),
  );
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload_url');
  // The bytes go to the URL Slack gave, as the raw body of a POST.
  // https://docs.slack.dev/messaging/working-with-files#upload
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
  // https://docs.slack.dev/reference/methods/files.completeUploadExternal
  await callSlack('files.completeUploadExternal', () =>
    client.files.completeUploadExternal({
      files: [{ id: target.file_id as string, title: file.name }],
      channel_id: channel,
      ...(comment ? { initial_comment: comment } : {}),
    }),
  );
  return target.file_id;
}

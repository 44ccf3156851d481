import type { CardImage } from '../../chat/card.js';
import { ImageUploadError } from '../../chat/card-images.js';
import { TransientDeliveryError } from '../../chat/chat-adapter.js';
import type { SlackBlock } from './render-slack-card.js';
import { callSlack } from './slack-errors.js';
import type { SlackWebClient } from './slack-web-client.js';

/** Slack's limit on an image block's alt_text. https://docs.slack.dev/reference/block-kit/blocks/image-block */
const ALT_MAX = 2000;
const UPLOAD_TIMEOUT_MS = 20_000;

/**
 * Uploads the card's images with Slack's external upload flow and returns one image block per image, referencing
 * the uploaded file (`slack_file`). The files are completed without a channel: they stay private to the app and
 * are shown only through the card's image blocks, so the card stays one message. Any failure is an
 * ImageUploadError: nothing has been posted yet, and the outbox retries.
 */
export async function uploadSlackImages(
  client: SlackWebClient,
  images: readonly CardImage[],
  fetchFn: typeof fetch = fetch,
): Promise<SlackBlock[]> {
  if (images.length === 0) return [];
  try {
    const ids: string[] = [];
    for (const [i, image] of images.entries()) ids.push(await uploadOne(client, image, i, fetchFn));
    // https://docs.slack.dev/reference/methods/files.completeUploadExternal
    await callSlack('files.completeUploadExternal', () =>
      client.files.completeUploadExternal({
        files: ids.map((id, i) => ({ id, title: clip(images[i]?.alt ?? '', 250) })) as [
          { id: string; title: string },
        ],
      }),
    );
    return ids.map((id, i) => ({
      type: 'image',
      slack_file: { id },
      alt_text: clip(images[i]?.alt ?? '', ALT_MAX),
    }));
  } catch (error) {
    if (error instanceof ImageUploadError) throw error;
    const wait = error instanceof TransientDeliveryError ? error.retryAfterMs : undefined;
    throw new ImageUploadError(`slack image upload failed: ${(error as Error).message}`, wait);
  }
}

async function uploadOne(client: SlackWebClient, image: CardImage, i: number, fetchFn: typeof fetch) {
  // https://docs.slack.dev/reference/methods/files.getUploadURLExternal
  const target = await callSlack('files.getUploadURLExternal', () =>
    client.files.getUploadURLExternal({
      filename: `chart-${i + 1}.png`,
      length: image.png.byteLength,
      alt_text: clip(image.alt, ALT_MAX),
    }),
  );
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload_url');
  // The bytes go to the URL Slack gave, as the raw body of a POST.
  // https://docs.slack.dev/messaging/working-with-files#upload
  const response = await fetchFn(target.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    // A copy typed as fetch wants (an ArrayBuffer-backed view); a chart is some tens of KB.
    body: new Uint8Array(image.png),
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  if (!response.ok) throw new ImageUploadError(`slack upload answered HTTP ${response.status}`);
  return target.file_id;
}

/** Cuts at a code point, never inside a surrogate pair. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

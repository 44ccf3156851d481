import { webApi } from '@slack/bolt';
import { TransientDeliveryError } from '../../chat/chat-adapter.js';

/** Platform errors that mean "Slack is having a moment", not "this request is wrong". */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * Runs one Web API call and turns the failures worth retrying soon (429 with Retry-After, 5xx, network) into
 * TransientDeliveryError, which the outbox retries after the wait Slack asked for. Anything else (bad channel,
 * missing scope) is rethrown as is: the outbox still retries it with backoff until the entry's attempts run out.
 * Error codes: https://docs.slack.dev/tools/node-slack-sdk/web-api#handle-errors
 */
export async function callSlack<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDeliveryError(method, error);
  }
}

export function toDeliveryError(method: string, error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  const coded = error as webApi.WebAPICallError;
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new TransientDeliveryError(`slack ${method} rate limited`, coded.retryAfter * 1000);
    case webApi.ErrorCode.RequestError:
      return new TransientDeliveryError(`slack ${method} network error: ${coded.original?.message ?? ''}`);
    case webApi.ErrorCode.HTTPError:
      return coded.statusCode >= 500
        ? new TransientDeliveryError(`slack ${method} HTTP ${coded.statusCode}`, retryAfterMs(coded.headers))
        : error;
    case webApi.ErrorCode.PlatformError:
      return TRANSIENT_PLATFORM_ERRORS.has(coded.data.error)
        ? new TransientDeliveryError(`slack ${method} ${coded.data.error}`)
        : error;
    default:
      return error;
  }
}

function retryAfterMs(headers: Record<string, string | string[] | undefined>): number | undefined {
  const seconds = Number(headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

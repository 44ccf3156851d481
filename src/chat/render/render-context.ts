import type { Locale } from '../../core/org/types.js';
import type { NoticeRecipient } from '../../core/shared/notices.js';
import type { Catalogue } from '../texts/catalogue.js';

/** Who a card is drawn for: the reader's language and time zone, and where it is shown (a DM shows more). */
export type RenderContext = {
  readonly texts: Catalogue;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly to: NoticeRecipient;
  /** The instant the card is drawn for (days left before a reclaim); absent: the system clock. */
  readonly now?: Date;
};

/** "11-27 14:30" in the org's time zone: deadlines are read by people in that zone. */
export function formatTime(iso: string, ctx: Pick<RenderContext, 'locale' | 'timeZone'>): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    timeZone: ctx.timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

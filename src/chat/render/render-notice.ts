import type { Notice, NoticeDataByKind, NoticeKind } from '../../core/shared/notices.js';
import type { OutboundMessage } from '../card.js';
import type { Catalogue } from '../texts/catalogue.js';
import { memberStatusCard } from './member-status-card.js';

type Renderers = {
  readonly [K in NoticeKind]: (data: NoticeDataByKind[K], texts: Catalogue) => OutboundMessage;
};

/** One renderer per notice kind; a kind without one does not compile. */
const RENDERERS: Renderers = {
  'member.status': memberStatusCard,
};

export function renderNotice(notice: Pick<Notice, 'kind' | 'data'>, texts: Catalogue): OutboundMessage {
  const render = RENDERERS[notice.kind] as (data: unknown, texts: Catalogue) => OutboundMessage;
  return render(notice.data, texts);
}

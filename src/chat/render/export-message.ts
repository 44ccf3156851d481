import type { ErrorCode } from '../../core/shared/errors.js';
import type { OutboundMessage } from '../card.js';
import type { ExportEmptyData, ExportFailedData, ExportFileData } from '../exports/export-notices.js';
import type { RenderContext } from './render-context.js';

/** The file message: the file itself (the outbox loads its bytes) and a line saying what it is, where text fits. */
export function exportFileMessage(data: ExportFileData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.exports;
  const rows = new Intl.NumberFormat(ctx.locale).format(data.rows);
  return {
    text: t.fileReady(t.what(data.kind, data.period), rows),
    file: { fileId: data.fileId, name: data.fileName, mime: data.mime },
  };
}

export function exportEmptyMessage(data: ExportEmptyData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.exports;
  return { text: t.empty(t.what(data.kind, data.period)) };
}

/** A known rule failure is worded from the catalogue; anything else says to try again (the logs have the rest). */
export function exportFailedMessage(data: ExportFailedData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.exports;
  const worded = Object.hasOwn(ctx.texts.errors, data.code)
    ? ctx.texts.errors[data.code as ErrorCode]({})
    : undefined;
  return { text: t.failed(t.what(data.kind, data.period), worded) };
}

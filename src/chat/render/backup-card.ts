import type { BackupDrillData, BackupFailedData } from '../../core/backups/index.js';
import type { OutboundMessage } from '../card.js';
import { formatTime, type RenderContext } from './render-context.js';

/** To the admins: the scheduled backup failed, why (in their language), and what to do. */
export function backupFailedCard(data: BackupFailedData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.backups;
  return {
    card: {
      title: t.failedTitle,
      markdown: t.failedBody(formatTime(data.at, ctx)),
      fields: [
        { label: t.reason, value: t.reasons[data.reason] },
        ...(t.details && data.error ? [{ label: t.details, value: data.error }] : []),
      ],
      buttons: [],
    },
  };
}

/** To the admins: the restore drill's result, their org's own record count, or what differed. */
export function backupDrillCard(data: BackupDrillData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.backups;
  const count = new Intl.NumberFormat(ctx.locale).format(data.documents);
  const backupField = data.backupAt ? [{ label: t.backupOf, value: formatTime(data.backupAt, ctx) }] : [];
  if (data.passed) {
    return {
      card: {
        title: t.drillPassedTitle,
        markdown: t.drillPassed(count, String(data.seconds)),
        fields: backupField,
        buttons: [],
      },
    };
  }
  const body =
    data.failure === 'no_backup'
      ? t.noBackup
      : data.failure === 'restore_failed'
        ? t.restoreFailed
        : t.drillFailed;
  const lines = data.differences.map((d) =>
    t.difference(t.collections[d.collection] ?? t.otherData, d.what, String(d.expected), String(d.actual)),
  );
  return {
    card: {
      title: t.drillFailedTitle,
      markdown: body,
      fields: [
        ...backupField,
        ...(lines.length > 0 ? [{ label: t.differences, value: lines.join('\n') }] : []),
      ],
      buttons: [],
    },
  };
}

import { EXPORT_KIND_NAMES, EXPORT_KINDS } from '../../core/exports/export-kinds.js';
import type { ExportChatTexts } from './export-chat-texts.js';

const kinds = EXPORT_KINDS.map((k) => EXPORT_KIND_NAMES[k].en.word).join(', ');

export const exportChatTextsEn: ExportChatTexts = {
  working: (what) => `Exporting ${what}… the file will arrive in your DM.`,
  what: (kind, period) => `${EXPORT_KIND_NAMES[kind].en.title} (${period ?? 'all'})`,
  fileReady: (what, rows) => `Export of ${what} is ready: ${rows} rows.`,
  empty: (what) => `There is nothing to export for ${what}.`,
  failed: (what, reason) =>
    `The export of ${what} failed${reason ? `: ${reason}` : '; please try again later.'}`,
  fileTooBig: (fileName, size, limit) =>
    `"${fileName}" is ${size}, more than the ${limit} a chat file may have here, so it cannot be sent. Narrow the period (for example /export follow-ups this-week) or export one team at a time.`,
  fileNotSent: (fileName) =>
    `"${fileName}" could not be sent after several tries; please export it again later.`,
  fileExpired: (fileName) => `"${fileName}" has expired; please export it again.`,
  noKind: `What should be exported? For example /export follow-ups this-month (you can export ${kinds}).`,
  unknownKind: (word) =>
    `There is no export called "${word}"; you can export ${kinds}. For example /export follow-ups this-month`,
  unknown: (words) =>
    `"${words}" is not a period or a team: write this-week, last-week, this-month, last-month or 2026-11, or a team's name.`,
  tooMany: 'Pick one period, for example /export follow-ups this-month',
  notAllowed: (kind) =>
    `Your role may not export ${EXPORT_KIND_NAMES[kind].en.title}; ask an admin if you need it.`,
};

import type { BackupTexts } from './backup-texts.js';

export const backupTextsEn: BackupTexts = {
  failedTitle: 'Backup failed',
  failedBody: (at) =>
    `The scheduled backup of ${at} did not finish: there is no new backup today. Fix the cause soon, then run a backup by hand (npm run backup or POST /api/v1/backups).`,
  reasons: {
    disk_full: 'the disk of the backup directory is full',
    no_access: 'the service may not write to the backup directory',
    database: 'reading the database failed',
    other: 'the backup failed; see the service log',
  },
  reason: 'Reason',
  details: 'Details',
  drillPassedTitle: 'Restore drill passed',
  drillFailedTitle: 'Restore drill failed',
  drillPassed: (documents, seconds) => `Restore drill passed: ${documents} records, ${seconds} s`,
  drillFailed:
    'The latest backup, restored, does not match its manifest: it may not restore your data completely. Check it soon.',
  backupOf: 'Backup drilled',
  noBackup: 'No backup to drill: the scheduled backups may not be running. Check them.',
  restoreFailed: 'Restoring into the drill database failed; see the service log.',
  differences: 'Differences',
  difference: (collection, what, expected, actual) => {
    if (what === 'count') return `${collection}: ${expected} records expected, ${actual} found`;
    if (what === 'missing_file') return `${collection}: missing from the backup`;
    return `${collection}: checksum differs`;
  },
  collections: {
    leads: 'leads',
    follow_ups: 'follow-ups',
    customers: 'customers',
    orders: 'orders',
    complaints: 'complaints',
    tasks: 'after-sales tasks',
    members: 'members',
    teams: 'teams',
    orgs: 'org settings',
    campaigns: 'campaigns',
    counters: 'number counters',
    api_tokens: 'API tokens',
    outbox: 'messages to send',
    sent_messages: 'sent message records',
    chat_drafts: 'chat drafts',
    sandbox_messages: 'sandbox messages',
  },
  otherData: 'other data',
};

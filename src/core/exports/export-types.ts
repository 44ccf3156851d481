import type { Complaint, Task } from '../after-sales/index.js';
import type { StoredAuditEntry } from '../audit/index.js';
import type { Customer, Order } from '../customers/index.js';
import type { FollowUp } from '../follow-ups/index.js';
import type { Lead } from '../leads/index.js';
import type { Locale } from '../org/index.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import type { ExportKind } from './export-kinds.js';

/** What one exported record is, per kind (the domain's own type, as its repository maps it). */
export type ExportRecords = {
  readonly leads: Lead;
  readonly 'follow-ups': FollowUp;
  readonly customers: Customer;
  readonly orders: Order;
  readonly complaints: Complaint;
  readonly tasks: Task;
  readonly audit: StoredAuditEntry;
};
export type ExportRecordOf<K extends ExportKind> = ExportRecords[K];

/** A cell as the file writers take it: text, a number (amounts, hours, scores) or empty. */
export type Cell = string | number | undefined;

/**
 * What a row is made with besides its record: the reader's language, the org's time zone (dates are rendered in
 * it), names of people and teams read once per export, and whether phones are shown whole.
 */
export type RowContext = {
  readonly locale: Locale;
  readonly timeZone: string;
  readonly memberName: (id: MemberId | undefined) => string | undefined;
  readonly teamName: (id: TeamId | undefined) => string | undefined;
  /** A member's team (a follow-up's author's), from the same member list. */
  readonly teamOfMember: (id: MemberId | undefined) => TeamId | undefined;
  /** Whether phones are shown whole (`member.see_phone`); `phone` applies it. */
  readonly showPhones: boolean;
  readonly phone: (value: string | undefined) => string | undefined;
  /** A follow-up outcome's name in the org's list (the key itself for one the org no longer lists). */
  readonly outcomeName: (key: string | undefined) => string | undefined;
};

/** One column of a kind: its header in each language and how its cell is made from a record. */
export type ExportColumn<R> = {
  readonly key: string;
  readonly header: Readonly<Record<Locale, string>>;
  readonly cell: (record: R, context: RowContext) => Cell;
};

export type ExportColumns<K extends ExportKind> = readonly ExportColumn<ExportRecordOf<K>>[];

import type { Org } from '../org/index.js';
import { type TeamId, teamId } from '../shared/ids.js';
import type { Priority } from './after-sales-types.js';

/** The after-sales part of an org's settings (`OrgSettings.afterSales`); every field optional. */
export type AfterSalesSettings = {
  /** Hours to complete a task, by priority (counted in business hours when the org sets them). */
  readonly slaHours?: Partial<Readonly<Record<Priority, number>>>;
  /** When the assignee is reminded, as a share of the time (default 75 %). */
  readonly remindAtPercent?: number;
  /** The after-sales team, whose channel gets the complaint centre's cards. */
  readonly teamId?: string;
  /** The complaint categories people choose from (设备故障, 物流 …); without a list a category is free text. */
  readonly categories?: readonly string[];
};

/** The customer's example: urgent 4 h, high 24 h, normal 72 h; low is five days. */
export const DEFAULT_SLA_HOURS: Readonly<Record<Priority, number>> = {
  urgent: 4,
  high: 24,
  normal: 72,
  low: 120,
};
export const DEFAULT_REMIND_AT_PERCENT = 75;

export const slaHoursOf = (org: Pick<Org, 'settings'>, priority: Priority): number =>
  org.settings.afterSales?.slaHours?.[priority] ?? DEFAULT_SLA_HOURS[priority];

export const remindAtPercentOf = (org: Pick<Org, 'settings'>): number =>
  org.settings.afterSales?.remindAtPercent ?? DEFAULT_REMIND_AT_PERCENT;

/** The after-sales team whose channel shows the complaint centre, if the org names one. */
export const afterSalesTeamOf = (org: Pick<Org, 'settings'>): TeamId | undefined => {
  const id = org.settings.afterSales?.teamId;
  return id ? teamId(id) : undefined;
};

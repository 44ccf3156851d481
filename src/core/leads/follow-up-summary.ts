import type { FollowUpId } from '../shared/ids.js';

/** The contact channels of a follow-up record (跟进方式). */
export const FOLLOW_UP_CHANNELS = ['phone', 'wechat', 'visit', 'email', 'other'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

/**
 * The latest follow-up record, kept on the lead so cards, reminders ("上次：约到试用") and the morning agenda need no
 * second read. The record itself, with its versions, is in the follow-up records collection.
 */
export type LastFollowUp = {
  readonly id: FollowUpId;
  readonly at: Date;
  readonly channel: FollowUpChannel;
  /** The outcome's key in the org's list, absent when none was given. */
  readonly outcome?: string;
  /** How many follow-up records the lead has (corrections not counted). */
  readonly count: number;
};

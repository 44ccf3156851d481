/**
 * The follow-up plan a lead carries once someone works it (the contact plan): when the owner said they would next
 * contact the customer, what of it has been done (reminded, escalated), when a `following` lead with no new
 * follow-up is reclaimed, and `dueAt`, the earliest of what is still to do: the one indexed field the plan job
 * reads, so a run costs what is due, not what is open.
 */
export type LeadPlan = {
  readonly nextContactAt?: Date;
  /** The reminder for `nextContactAt` was sent (so a second runner or a restart sends none). */
  readonly remindedAt?: Date;
  /** The missed contact was escalated to the manager. */
  readonly escalatedAt?: Date;
  /** A `following` lead with no follow-up by then is reclaimed like an unfollowed one. */
  readonly staleAt?: Date;
  /**
   * A lost (流失) lead leaves the owner's private pool for the public pool then (`lostPoolCooldownDays` after the
   * loss); set by the stage change, carried out by the plan job.
   */
  readonly poolAt?: Date;
  /** The earliest step still to take; absent when nothing is planned. */
  readonly dueAt?: Date;
};

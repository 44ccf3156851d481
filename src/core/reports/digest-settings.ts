import { z } from 'zod';
import type { Org } from '../org/index.js';

/** Who gets the weekly digest: each group can be switched off on its own. */
export type DigestRecipients = {
  /** One card per team channel: that team, per rep, ranked. */
  readonly teamChannels?: boolean;
  /** One card per manager: their teams. */
  readonly managers?: boolean;
  /** One card per director: the org, teams side by side. */
  readonly director?: boolean;
  /** One card per rep: their own figures beside their team's medians. */
  readonly reps?: boolean;
};

/**
 * 周报 settings of an org (`OrgSettings.reports.digest`): whether the weekly digest goes out, on which weekday and at
 * which time in the org's time zone, and to whom. Stored as given; what an org leaves out is the default below.
 */
export type DigestSettings = {
  readonly enabled?: boolean;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  readonly weekday?: number;
  /** HH:MM in the org's time zone. */
  readonly time?: string;
  readonly recipients?: DigestRecipients;
};

/** Settings of the reports domain kept on the org (`OrgSettings.reports`); only the digest so far. */
export type ReportSettings = { readonly digest?: DigestSettings };

export type ResolvedDigestSettings = {
  readonly enabled: boolean;
  readonly weekday: number;
  readonly time: string;
  readonly recipients: Required<DigestRecipients>;
};

/** The default: Monday 09:00 local, to everyone. */
export const DEFAULT_DIGEST_SETTINGS: ResolvedDigestSettings = {
  enabled: true,
  weekday: 1,
  time: '09:00',
  recipients: { teamChannels: true, managers: true, director: true, reps: true },
};

/** The org's digest settings, each field its own or the default. */
export function digestSettingsOf(org: Pick<Org, 'settings'>): ResolvedDigestSettings {
  const own = org.settings.reports?.digest ?? {};
  const d = DEFAULT_DIGEST_SETTINGS;
  return {
    enabled: own.enabled ?? d.enabled,
    weekday: own.weekday ?? d.weekday,
    time: own.time ?? d.time,
    recipients: { ...d.recipients, ...(own.recipients ?? {}) },
  };
}

const digestSchema = z.strictObject({
  enabled: z.boolean().optional(),
  weekday: z.number().int().min(1).max(7).optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')
    .optional(),
  recipients: z
    .strictObject({
      teamChannels: z.boolean().optional(),
      managers: z.boolean().optional(),
      director: z.boolean().optional(),
      reps: z.boolean().optional(),
    })
    .optional(),
});

/** What an admin may set under `settings.reports` (stored whole; fields left out take their defaults). */
export const reportSettingsSchema = z.strictObject({ digest: digestSchema.optional() });

import { z } from 'zod';
import { afterSalesSettingsSchema } from '../after-sales/index.js';
import { type AuditDeps, changedFields, recordAudit } from '../audit/index.js';
import { backupSettingsSchema } from '../backups/index.js';
import { stageSettingsSchema } from '../customers/index.js';
import { followUpSettingsSchema, planSettingsSchema } from '../follow-ups/index.js';
import { reportSettingsSchema } from '../reports/index.js';
import { DomainError, validationFailed } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import { assertCan } from './permissions.js';
import type { OrgRepository } from './ports.js';
import { LOCALES, type Org, type OrgSettings } from './types.js';

const perLevel = z.strictObject({
  // Optional for intern: settings written before the level existed keep working (its default applies).
  intern: z.number().int().min(0).max(10_000).optional(),
  junior: z.number().int().min(0).max(10_000),
  senior: z.number().int().min(0).max(10_000),
});
const hours = z
  .number()
  .min(0.25)
  .max(24 * 90);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** What an admin may change of the org's settings; every field optional, unknown ones refused. */
export const orgSettingsPatchSchema = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  timeZone: z
    .string()
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      {
        message: 'an IANA time zone such as Asia/Shanghai',
        params: { problem: { kind: 'bad_format', format: 'time_zone' } },
      },
    )
    .optional(),
  dailyCaps: perLevel.optional(),
  poolCapacity: perLevel.optional(),
  poolClaimsPerDay: perLevel.optional(),
  nudgeAfterHours: hours.optional(),
  managerAfterHours: hours.optional(),
  reclaimAfterHours: hours.optional(),
  reclaimTo: z.enum(['pool', 'reroute']).optional(),
  importantToSeniors: z.boolean().optional(),
  // Lazy: core/after-sales imports core/org, so its schema may not be initialised yet when this module loads.
  afterSales: z.lazy(() => afterSalesSettingsSchema).optional(),
  // Lazy: the follow-ups domain imports org's index, so its schema is read at parse time, not while modules load.
  // null: back to the defaults of the org's locale.
  followUps: z
    .lazy(() => followUpSettingsSchema)
    .nullable()
    .optional(),
  claimCooldownHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .optional(),
  businessHours: z
    .strictObject({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), start: hhmm, end: hhmm })
    .refine((b) => b.start < b.end, {
      message: 'start must be before end',
      path: ['end'],
      params: { problem: 'out_of_order' },
    })
    .nullable()
    .optional(),
  // Lazy: the customers domain imports org, so its schema may not be built yet when this module loads.
  stages: z
    .lazy(() => stageSettingsSchema)
    .nullable()
    .optional(),
  // Lazy: the follow-ups domain imports this one, so its schema is read when a patch is parsed, not at load time.
  plan: z.lazy(() => planSettingsSchema).optional(),
  // Lazy: the reports domain imports org's index, so its schema is read at parse time (the weekly digest).
  reports: z.lazy(() => reportSettingsSchema).optional(),
  // Lazy: core/backups imports org's index, so its schema is read when a patch is parsed.
  backups: z.lazy(() => backupSettingsSchema).optional(),
  // How long audit entries are kept (a TTL); at least a month so an admin cannot wipe the trail by setting 0.
  audit: z.strictObject({ retentionDays: z.number().int().min(30).max(36_500) }).optional(),
});

export type OrgSettingsPatch = z.output<typeof orgSettingsPatchSchema>;

/**
 * Changes some of the org's settings in one write (caps, pool limits, the escalation ladder — "some teams use 3
 * days" — and working hours). The ladder must climb: nudge before manager copy before reclaim.
 */
export async function configureOrgSettings(
  deps: { readonly orgs: OrgRepository } & AuditDeps,
  caller: Caller,
  input: { readonly settings: unknown },
): Promise<Org> {
  assertCan(caller, 'org.configure');
  const { org } = caller;
  const patch = parseInput(orgSettingsPatchSchema, input.settings);
  const next = { ...org.settings, ...patch } as OrgSettings & { businessHours?: unknown };
  if (!(next.nudgeAfterHours < next.managerAfterHours && next.managerAfterHours < next.reclaimAfterHours)) {
    throw validationFailed([
      {
        field: 'managerAfterHours',
        message: 'the ladder must climb: nudgeAfterHours < managerAfterHours < reclaimAfterHours',
        problem: { kind: 'out_of_order' },
      },
    ]);
  }
  const updated = await deps.orgs.updateSettings(org.id, patch);
  if (!updated) throw new DomainError('ORG_NOT_FOUND', { orgId: org.id });
  // Only the fields that changed, before (the caller's org as loaded) and after (as stored); no extra read.
  const diff = changedFields(org.settings, updated.settings);
  if (diff) await recordAudit(deps, caller, { kind: 'settings.update', target: orgTarget(org), ...diff });
  return updated;
}

const orgTarget = (org: Org) => ({ type: 'org', id: org.id, label: org.name });

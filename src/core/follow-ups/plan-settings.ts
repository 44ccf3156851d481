import { z } from 'zod';
import type { StageKind } from '../leads/index.js';
import type { Org } from '../org/index.js';

/**
 * 联系计划 settings of an org (`OrgSettings.plan`): when a `following` lead with no new follow-up is reclaimed, when
 * a missed next contact goes to the manager, when the morning agenda goes out, when a lead in a later stage counts
 * as stalled, what 稍后提醒 offers, and how long a lost lead stays with its owner before the public pool. Every
 * field is optional when stored: what an org leaves out is the default below.
 */
export type PlanSettings = {
  /** "7天未回访": a `following` lead with no follow-up this long is reclaimed like an unfollowed one. */
  readonly staleAfterDays?: number;
  /** A next contact time missed by this long, with no follow-up since, goes to the manager. */
  readonly escalateAfterHours?: number;
  /** The morning agenda's time, HH:MM in the org's time zone. */
  readonly agendaAt?: string;
  /** 高意向未推进: days without a follow-up after which a lead in this stage (by key) is stalled. */
  readonly stalledAfterDays?: Readonly<Record<string, number>>;
  /** What 稍后提醒 offers: `1h` … `72h` from now, or `tomorrow` (the next agenda time). */
  readonly snooze?: readonly string[];
  /** 流失: how long a lost lead stays with its owner (the reason kept) before it goes to the public pool. */
  readonly lostCooldownDays?: number;
};

/**
 * The defaults. Stalled thresholds follow the requirements' "5天未更新" for the stages that matter most and give the
 * early ones a little longer: a quote left 3 days is already cold. Stage keys are the default stage list's; a
 * lead in a stage not listed uses `other`. Important leads (grade) in the first stages use `other` too.
 */
export const DEFAULT_PLAN_SETTINGS = {
  staleAfterDays: 7,
  escalateAfterHours: 24,
  agendaAt: '09:00',
  stalledAfterDays: { lead: 5, intent: 5, contact: 5, quote: 3, other: 5 } as Readonly<
    Record<string, number>
  >,
  snooze: ['1h', 'tomorrow'] as readonly string[],
  lostCooldownDays: 3,
} as const;

export type ResolvedPlanSettings = {
  readonly [K in keyof typeof DEFAULT_PLAN_SETTINGS]: (typeof DEFAULT_PLAN_SETTINGS)[K] extends readonly string[]
    ? readonly string[]
    : (typeof DEFAULT_PLAN_SETTINGS)[K] extends string
      ? string
      : (typeof DEFAULT_PLAN_SETTINGS)[K] extends number
        ? number
        : Readonly<Record<string, number>>;
};

/** The org's plan settings, each field its own or the default. */
export function planSettingsOf(org: Pick<Org, 'settings'>): ResolvedPlanSettings {
  const own = org.settings.plan ?? {};
  return {
    staleAfterDays: own.staleAfterDays ?? DEFAULT_PLAN_SETTINGS.staleAfterDays,
    escalateAfterHours: own.escalateAfterHours ?? DEFAULT_PLAN_SETTINGS.escalateAfterHours,
    agendaAt: own.agendaAt ?? DEFAULT_PLAN_SETTINGS.agendaAt,
    stalledAfterDays: { ...DEFAULT_PLAN_SETTINGS.stalledAfterDays, ...(own.stalledAfterDays ?? {}) },
    snooze: own.snooze ?? DEFAULT_PLAN_SETTINGS.snooze,
    lostCooldownDays: own.lostCooldownDays ?? DEFAULT_PLAN_SETTINGS.lostCooldownDays,
  };
}

/** The stage keys the default stage list uses, with what each means to the plan (until an org's own list is read). */
const DEFAULT_STAGE_KINDS: Readonly<Record<string, StageKind>> = { quote: 'quote', won: 'won', lost: 'lost' };
/** Stages at or past 意向 in the default list: what 高意向未推进 watches besides important leads. */
export const ADVANCED_STAGE_KEYS: readonly string[] = ['intent', 'contact', 'quote'];

/** What a stage key means to the plan: the stage engineer's kind when given, else the default list's. */
export function stageKindOf(key: string | undefined, given?: StageKind): StageKind {
  return given ?? (key ? DEFAULT_STAGE_KINDS[key] : undefined) ?? 'open';
}

const SNOOZE_CHOICE = /^(?:([1-9]|[1-6]\d|7[0-2])h|tomorrow)$/;

/** What an admin may set under `settings.plan` (stored whole; fields left out take their defaults). */
export const planSettingsSchema = z.strictObject({
  staleAfterDays: z.number().int().min(1).max(90).optional(),
  escalateAfterHours: z
    .number()
    .min(1)
    .max(24 * 14)
    .optional(),
  agendaAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')
    .optional(),
  stalledAfterDays: z.record(z.string().min(1).max(40), z.number().int().min(1).max(90)).optional(),
  snooze: z.array(z.string().regex(SNOOZE_CHOICE, '1h … 72h or tomorrow')).min(1).max(4).optional(),
  lostCooldownDays: z.number().int().min(0).max(90).optional(),
});

import { z } from 'zod';
import { FIRST_STAGE_KEY, type StageKind } from '../leads/index.js';
import { STAGE_FIELDS } from './stage-settings.js';

// Spelled here rather than read from leads at load time: org settings load this schema while the leads domain may
// still be loading (it imports org), and `satisfies` keeps the list to the kinds leads knows.
const KINDS = ['open', 'quote', 'won', 'lost'] as const satisfies readonly StageKind[];

const name = z.string().trim().min(1).max(20);

const stageSchema = z.strictObject({
  // Keys are what leads store: short, stable, typed in commands as well as names.
  key: z.string().regex(/^[a-z][a-z0-9_-]{0,29}$/, 'lower-case letters, digits, - or _'),
  name,
  kind: z.enum(KINDS),
  requires: z.array(z.enum(STAGE_FIELDS)).max(STAGE_FIELDS.length).default([]),
});

/**
 * `OrgSettings.stages` as an admin sends it (`PATCH /org/settings { stages }`), the whole list at once. The pipeline
 * must start at the first stage (leads without a stage are in it), name each key and name once, and have exactly
 * one won and at most one lost stage (the entry actions hang on them).
 */
export const stageSettingsSchema = z
  .strictObject({
    stages: z.array(stageSchema).min(2).max(20),
    lossReasons: z.array(name).min(1).max(30),
    quoteFollowUpDays: z.number().int().min(1).max(90),
    lostPoolCooldownDays: z.number().int().min(0).max(90),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message, params: { problem: 'duplicate' } });
    if (s.stages[0]?.key !== FIRST_STAGE_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 0, 'key'],
        message: `the first stage's key must be ${FIRST_STAGE_KEY}`,
        params: { problem: { kind: 'other' } },
      });
    }
    s.stages.forEach((stage, i) => {
      if (s.stages.findIndex((o) => o.key === stage.key) < i) issue(['stages', i, 'key'], 'key given twice');
      if (s.stages.findIndex((o) => o.name === stage.name) < i)
        issue(['stages', i, 'name'], 'name given twice');
    });
    const won = s.stages.filter((x) => x.kind === 'won').length;
    const lost = s.stages.filter((x) => x.kind === 'lost').length;
    if (won !== 1 || lost > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: 'exactly one stage of kind won and at most one of kind lost',
        params: { problem: { kind: 'other' } },
      });
    }
  });

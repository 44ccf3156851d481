import { z } from 'zod';
import type { TeamId } from '../shared/ids.js';
import { textField } from '../shared/text-field.js';
import { STRATEGIES, type Strategy } from './routing-types.js';

const names = z.array(textField().trim().min(1).max(50)).min(1).max(100);

/** Conditions of one rule; all given ones must hold. An empty `when` matches everything. */
const conditionSchema = z
  .strictObject({
    regions: names.optional(),
    productLines: names.optional(),
    sources: names.optional(),
    scoreMin: z.number().int().min(0).max(100).optional(),
    scoreMax: z.number().int().min(0).max(100).optional(),
    /** Matches when the lead carries any of these tags. */
    tags: names.optional(),
  })
  .refine((c) => c.scoreMin === undefined || c.scoreMax === undefined || c.scoreMin <= c.scoreMax, {
    message: 'scoreMin must not exceed scoreMax',
    params: { problem: 'out_of_order' },
    path: ['scoreMin'],
  });

/**
 * `weights`: explicit member weights keyed by member id, or `conversion` for weights from each member's recent
 * conversion rate. configureRouting checks that each key is a member of the rule's team (so no `$where` or `a.b`
 * reaches the database), naming the key.
 */
const weightsSchema = z.union([z.literal('conversion'), z.record(z.string(), z.number().min(0).max(1000))]);

const targetSchema = {
  teamId: z.string().min(1),
  strategy: z.enum(STRATEGIES),
  weights: weightsSchema.optional(),
};

export const routingRuleSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'a short id: lower-case letters, digits, - or _'),
  name: textField().trim().min(1).max(80),
  when: conditionSchema.default({}),
  ...targetSchema,
});

export const routingConfigSchema = z
  .strictObject({
    rules: z.array(routingRuleSchema).max(200),
    default: z.strictObject({ name: textField().trim().min(1).max(80).default('default'), ...targetSchema }),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: 'duplicate id',
          params: { problem: 'duplicate' },
        });
      seen.add(rule.id);
    });
  });

export type RoutingRule = Omit<z.output<typeof routingRuleSchema>, 'teamId'> & { readonly teamId: TeamId };
export type RoutingConfig = {
  readonly rules: readonly RoutingRule[];
  readonly default: { readonly name: string; readonly teamId: TeamId; readonly strategy: Strategy } & Pick<
    RoutingRule,
    'weights'
  >;
};

/** What rules look at. */
export type RoutableLead = {
  readonly region?: string | undefined;
  readonly productLine?: string | undefined;
  readonly source: string;
  readonly score: number;
  readonly tags: readonly string[];
};

export type MatchedRule = {
  readonly id: string;
  readonly name: string;
  readonly teamId: TeamId;
  readonly strategy: Strategy;
  readonly weights?: RoutingRule['weights'];
  readonly isDefault: boolean;
};

/** First matching rule wins; none matching means the default rule. */
export function matchRule(config: RoutingConfig, lead: RoutableLead): MatchedRule {
  const rule = config.rules.find((r) => matches(r.when, lead));
  if (rule) {
    return {
      id: rule.id,
      name: rule.name,
      teamId: rule.teamId,
      strategy: rule.strategy,
      ...(rule.weights !== undefined ? { weights: rule.weights } : {}),
      isDefault: false,
    };
  }
  const d = config.default;
  return {
    id: 'default',
    name: d.name,
    teamId: d.teamId,
    strategy: d.strategy,
    ...(d.weights !== undefined ? { weights: d.weights } : {}),
    isDefault: true,
  };
}

// Names compare without width and case differences, and a region matches its longer spellings: 上海 ⊂ 上海市浦东新区.
const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

function matches(when: RoutingRule['when'], lead: RoutableLead): boolean {
  const region = fold(lead.region ?? '');
  if (when.regions && !when.regions.some((r) => region !== '' && region.startsWith(fold(r)))) return false;
  const product = fold(lead.productLine ?? '');
  if (when.productLines && !when.productLines.some((p) => fold(p) === product)) return false;
  if (when.sources && !when.sources.some((s) => fold(s) === fold(lead.source))) return false;
  if (when.scoreMin !== undefined && lead.score < when.scoreMin) return false;
  if (when.scoreMax !== undefined && lead.score > when.scoreMax) return false;
  const tags = new Set(lead.tags.map(fold));
  if (when.tags && !when.tags.some((t) => tags.has(fold(t)))) return false;
  return true;
}

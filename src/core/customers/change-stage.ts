import { recordAudit } from '../audit/index.js';
import {
  FIRST_STAGE_KEY,
  findLead,
  type Lead,
  type LeadChange,
  type LeadStage,
  leadNotices,
} from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { completeWonLead, settledLead } from './complete-won-lead.js';
import type { Customer, Order } from './customer-types.js';
import type { StageDeps } from './ports.js';
import { sameEvidence } from './same-evidence.js';
import { assertMayChangeStage } from './stage-access.js';
import { evidenceFor, parseStageChange, type StageChange, type StageChangeInput } from './stage-evidence.js';
import { planForStage } from './stage-plan.js';
import { findStage, type StageDefinition, stageOf, stageSettingsOf } from './stage-settings.js';

export type StageChangeResult = {
  readonly lead: Lead;
  /** False when the lead was in this stage with this evidence already (a retry, a second click): nothing written. */
  readonly changed: boolean;
  /** Into 成交: the customer and the order it made (also on a retry that finished them). */
  readonly customer?: Customer;
  readonly order?: Order;
};

/**
 * 推进客户阶段 (`/阶段 L-1042 报价 …`, `POST /leads/:ref/stage`, a follow-up's outcome): refused naming exactly what
 * is missing when the target's evidence is not all there; else one conditional write of the stage, its history
 * event (from, to, how long the lead sat in the stage), the plan and the notices. The same change twice is one.
 */
export async function changeStage(
  deps: StageDeps,
  caller: Caller,
  input: StageChangeInput,
): Promise<StageChangeResult> {
  const { leadId, ...rest } = input;
  const change = parseStageChange(rest);
  const { org } = caller;
  const target = findStage(org, change.to);
  if (!target) {
    const names = stageSettingsOf(org).stages.map((s) => s.name);
    throw new DomainError('STAGE_NOT_FOUND', { to: change.to, stages: names });
  }
  let lead = await findLead(deps.leads, org.id, leadId);
  // A write lost to another one (a follow-up, the plan job's reminder) is tried again on the lead as it is now, a
  // few times; a simultaneous identical change is found done on the re-read and answered as a repeat.
  for (let attempt = 1; ; attempt++) {
    const result = await attemptChange(deps, caller, lead, target, change);
    if (result) return result;
    if (attempt === ATTEMPTS) throw new DomainError('CONFLICT', { leadId: lead.id });
    lead = await findLead(deps.leads, org.id, lead.id);
  }
}

const ATTEMPTS = 3;

/** One try on the lead as read: the checks, then the conditional write; undefined when another write came first. */
async function attemptChange(
  deps: StageDeps,
  caller: Caller,
  lead: Lead,
  target: StageDefinition,
  change: StageChange,
): Promise<StageChangeResult | undefined> {
  const { org } = caller;
  const from = stageOf(org, lead.stage?.key);
  assertMayChangeStage(caller, lead, from, target);
  const repeat = await repeated(deps, lead, target, change);
  if (repeat) return repeat;
  const evidence = evidenceFor(target, change, stageSettingsOf(org));
  if (from.key === target.key && target.kind !== 'quote' && target.kind !== 'open') {
    throw new DomainError('STAGE_CLOSED', { leadId: lead.id, stage: target.name });
  }
  const written = await write(deps, caller, lead, target, change, evidence);
  if (!written) return undefined;
  // The quote card is one of them (see quoteNotices): the notice sweep re-sends it too after a crash.
  await deps.notifier.publish(org.id, leadNotices(written));
  await recordAudit(deps, caller, {
    kind: 'customer.stage',
    target: { type: 'lead', id: lead.id, label: lead.code ?? lead.id },
    before: { stage: from.key },
    after: { stage: target.key },
    key: `${lead.id}@${written.version}`,
  });
  const done = target.kind === 'won' ? await completeWonLead(deps, written) : undefined;
  return { lead: done ? settledLead(written) : written, changed: true, ...(done ?? {}) };
}

/** The lead is in the target stage with this evidence (or none was given): no write; a 成交 is finished if it is not. */
async function repeated(
  deps: StageDeps,
  lead: Lead,
  target: StageDefinition,
  change: StageChange,
): Promise<StageChangeResult | undefined> {
  const current = lead.stage?.key ?? FIRST_STAGE_KEY;
  if (current !== target.key || !sameEvidence(lead.stage, change)) return undefined;
  const done = target.kind === 'won' ? await finishOrFind(deps, lead) : undefined;
  return { lead: done ? settledLead(lead) : lead, changed: false, ...(done ?? {}) };
}

/** A retried 成交: finishes what a crash left, or reads back what the first run made. */
async function finishOrFind(deps: StageDeps, lead: Lead) {
  const finished = await completeWonLead(deps, lead);
  if (finished) return finished;
  const deal = lead.stage?.deal;
  const customer = deal?.customerId ? await deps.customers.get(lead.orgId, deal.customerId) : undefined;
  const order = deal?.orderId ? await deps.orders.get(lead.orgId, deal.orderId) : undefined;
  return customer && order ? { customer, order } : undefined;
}

async function write(
  deps: StageDeps,
  caller: Caller,
  lead: Lead,
  target: StageDefinition,
  change: StageChange,
  evidence: Pick<LeadStage, 'quote' | 'deal' | 'loss'>,
): Promise<Lead | undefined> {
  const { org } = caller;
  const now = deps.clock.now();
  const stage = await stageToWrite(deps, lead, target, evidence, now);
  const plan = planForStage(org, lead, stage, target, now, change.nextContactAt);
  const member = caller.member;
  const since = lead.stage?.since ?? lead.createdAt;
  const leadChange: LeadChange = {
    set: {
      stage,
      ...(plan ? { plan } : {}),
      ...(stage.deal?.customerId ? { customerId: stage.deal.customerId } : {}),
      ...(target.kind === 'won' ? wonOwnership(lead, now) : {}),
    },
    ...(plan ? {} : { unset: target.kind === 'won' ? ['plan', 'dueStep', 'dueAt'] : ['plan'] }),
    event: {
      type: 'stage_changed',
      at: now,
      ...(member ? { actorId: member.id, actorName: member.name } : {}),
      ...(lead.ownerId ? { ownerId: lead.ownerId } : {}),
      stage: {
        from: lead.stage?.key ?? FIRST_STAGE_KEY,
        to: target.key,
        satMs: now.getTime() - since.getTime(),
      },
    },
  };
  return deps.leads.updateIf(org.id, lead.id, { version: lead.version }, leadChange);
}

/**
 * The stage as written: the evidence, the quote kept once given (the order's items come from it), and for 成交 the
 * customer's and order's ids chosen now with the pending mark, so the finishing steps are idempotent by them.
 */
async function stageToWrite(
  deps: StageDeps,
  lead: Lead,
  target: StageDefinition,
  evidence: Pick<LeadStage, 'quote' | 'deal' | 'loss'>,
  now: Date,
): Promise<LeadStage> {
  const quote = evidence.quote ?? lead.stage?.quote;
  const base = {
    key: target.key,
    name: target.name,
    kind: target.kind,
    since: now,
    ...(quote ? { quote } : {}),
    ...(evidence.loss ? { loss: evidence.loss } : {}),
  };
  if (!evidence.deal) return base;
  const existing = await deps.orders.findByContract(lead.orgId, evidence.deal.contractNo);
  if (existing && existing.leadId !== lead.id) {
    throw new DomainError('CONTRACT_NO_TAKEN', {
      contractNo: existing.contractNo,
      orderNumber: existing.number,
    });
  }
  const deal = {
    ...evidence.deal,
    customerId: lead.customerId ?? existing?.customerId ?? deps.customers.newId(),
    orderId: existing?.id ?? deps.orders.newId(),
  };
  return { ...base, deal, customerPending: true };
}

/**
 * A won lead is its owner's for good: the unfollowed ladder stops (it would otherwise reclaim a signed customer to
 * the pool at 48 h) and an assigned lead counts as claimed, as a follow-up would make it.
 */
function wonOwnership(lead: Lead, now: Date): LeadChange['set'] {
  if (!lead.ownerId) return {};
  return {
    followUpStatus: 'following',
    ...(lead.status === 'assigned'
      ? { status: 'claimed' as const, ...(lead.claimedAt ? {} : { claimedAt: now }) }
      : {}),
  };
}

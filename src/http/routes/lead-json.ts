import { textsFor } from '../../chat/texts/texts-for.js';
import { type Lead, poolOf } from '../../core/leads/lead-types.js';
import { maskPhone } from '../../core/leads/mask-phone.js';
import type { Caller } from '../../core/org/caller.js';
import { canSeePhone } from '../../core/org/intern-rules.js';
import { leadProgressJson } from './lead-progress-json.js';

/**
 * A lead as the API shows it. The phone is masked for callers whose role may not see phone numbers, and interns. Lists ask for a
 * summary (`history: false`): a page of 200 leads would otherwise carry up to 10,000 history events nobody asked for.
 */
export function leadJson(lead: Lead, caller: Caller, options: { readonly history?: boolean } = {}) {
  const seePhone = canSeePhone(caller);
  const { phone, ...contact } = lead.contact;
  const a = lead.assignment;
  const en = textsFor('en').lead;
  return {
    id: lead.id,
    ...(lead.code ? { code: lead.code } : {}),
    status: lead.status,
    pool: poolOf(lead),
    ...(lead.ownerId ? { ownerId: lead.ownerId, ownerName: lead.ownerName } : {}),
    ...(lead.teamId ? { teamId: lead.teamId } : {}),
    ...(lead.duplicateOf ? { duplicateOf: lead.duplicateOf, duplicateMatch: lead.duplicateMatch } : {}),
    score: lead.score,
    grade: lead.grade,
    ...(lead.followUpStatus ? { followUpStatus: lead.followUpStatus } : {}),
    ...(lead.reclaimAfterHours ? { reclaimAfterHours: lead.reclaimAfterHours } : {}),
    ...(lead.dueStep && lead.dueAt ? { next: { step: lead.dueStep, at: lead.dueAt.toISOString() } } : {}),
    ...(lead.pendingRelease ? { pendingRelease: lead.pendingRelease } : {}),
    ...(lead.nudgeAt ? { nudgeAt: lead.nudgeAt.toISOString() } : {}),
    ...(lead.managerAt ? { managerAt: lead.managerAt.toISOString() } : {}),
    ...(lead.reclaimAt ? { reclaimAt: lead.reclaimAt.toISOString() } : {}),
    contact: { ...contact, ...(phone ? { phone: seePhone ? phone : maskPhone(phone) } : {}) },
    source: lead.source,
    ...(lead.campaign ? { campaign: lead.campaign } : {}),
    ...(lead.region ? { region: lead.region } : {}),
    ...(lead.productLine ? { productLine: lead.productLine } : {}),
    ...(lead.intent ? { intent: lead.intent } : {}),
    tags: lead.tags,
    ...leadProgressJson(lead),
    ...(lead.externalId ? { externalId: lead.externalId } : {}),
    ...(a
      ? {
          assignment: {
            rule: { id: a.ruleId, name: a.ruleName },
            strategy: a.strategy,
            reason: en.reasons[a.reason],
            reasonCode: a.reason,
            ...(a.teamId ? { teamId: a.teamId } : {}),
            ...(a.ownerId ? { ownerId: a.ownerId } : {}),
            ...(a.position !== undefined ? { position: a.position, teamSize: a.teamSize } : {}),
            skipped: a.skipped.map((s) => ({ memberId: s.memberId, why: s.why })),
            at: new Date(a.at).toISOString(),
          },
        }
      : {}),
    ...(options.history === false
      ? {}
      : {
          history: lead.history.map((e) => ({ ...e, at: e.at.toISOString() })),
          historyDropped: lead.historyDropped ?? 0,
        }),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

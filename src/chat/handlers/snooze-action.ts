import { type SnoozeDeps, snoozeContact } from '../../core/follow-ups/index.js';
import type { ActionHandler } from '../registry.js';
import { formatTime } from '../render/render-context.js';

/** 稍后提醒 on a contact reminder (value `leadId:choice`): the use-case moves the next contact and re-plans. */
export function snoozeAction(deps: SnoozeDeps): ActionHandler {
  return async ({ caller, texts, locale, org }, event) => {
    const [leadId = '', choice = ''] = event.value.split(':');
    const { until } = await snoozeContact(deps, caller, { leadId, choice });
    const at = formatTime(until.toISOString(), { locale, timeZone: org.settings.timeZone });
    return { replies: [{ text: texts.plan.snoozed(at) }] };
  };
}

import type { ChatEvent } from '../../../src/chat/events.js';
import { type HandlerDeps, registerHandlers } from '../../../src/chat/handlers/register-handlers.js';
import { Registry } from '../../../src/chat/registry.js';
import { assignComplaint, raiseComplaint } from '../../../src/core/after-sales/index.js';
import type { Caller } from '../../../src/core/org/caller.js';
import { afterSalesWorld, CUSTOMER } from '../../core/after-sales/after-sales-world.js';
import { customerFakes } from '../../core/fake-customer-pending.js';
import { FakeOrgRepository } from '../../core/fakes.js';
import { leadWorld } from '../../core/lead-world.js';
import { fakeChatDrafts } from './fake-chat-drafts.js';
import { reportCardFakes } from './report-card-fakes.js';

/**
 * The after-sales story's cast (a manager, a second manager, two staff, the customer's rep) behind the registry,
 * as the platforms reach it: commands, clicks, plain answers and submitted forms.
 */
export function taskChatWorld() {
  const w = afterSalesWorld();
  const leads = leadWorld();
  const drafts = fakeChatDrafts();
  // After-sales reads orders through its own port; the handlers get the customers domain's order repository.
  const { orders: _afterSalesOrders, ...afterSales } = w.deps;
  const deps: HandlerDeps = {
    ...leads.deps,
    ...customerFakes(leads.leads),
    ...afterSales,
    ...reportCardFakes(),
    drafts,
  };
  const registry = registerHandlers(
    new Registry({
      orgs: new FakeOrgRepository([w.org]),
      members: w.deps.members,
      teams: { list: async () => [] },
      log: { error: () => undefined },
    }),
    deps,
  );
  let seq = 0;
  const base = (who: Caller) => ({
    eventId: `e-${++seq}`,
    user: {
      platform: 'sandbox' as const,
      workspaceId: 'ws-1',
      userId: who.member?.identities[0]?.userId ?? '',
    },
  });
  const send = (event: ChatEvent) => registry.dispatch(event);
  return {
    ...w,
    drafts,
    command: (who: Caller, command: 'hours' | 'tasks', line = '', formTrigger?: string) =>
      send({
        type: 'command',
        ...base(who),
        command,
        args: line.split(' '),
        rawText: `/${command === 'hours' ? '工时' : '我的任务'} ${line}`,
        ...(formTrigger ? { formTrigger } : {}),
      }),
    say: (who: Caller, text: string) => send({ type: 'text', ...base(who), text }),
    click: (who: Caller, actionId: string, value: string, formTrigger?: string) =>
      send({ type: 'action', ...base(who), actionId, value, ...(formTrigger ? { formTrigger } : {}) }),
    submit: (who: Caller, formId: string, meta: string, values: Record<string, string>) =>
      send({ type: 'submit', ...base(who), formId, meta, values }),
    /** A complaint raised by the rep and assigned by the manager to the first staff member: task T-1001. */
    async assigned(priority: 'urgent' | 'normal' = 'urgent') {
      const { complaint } = await raiseComplaint(w.deps, w.rep, {
        customerId: CUSTOMER,
        orderNumber: 'SO-1001',
        priority,
        category: '设备故障',
        description: '设备无法开机',
      });
      const { task } = await assignComplaint(w.deps, w.manager, {
        complaint: complaint.id,
        assigneeId: w.ids.staff,
      });
      return task;
    },
    task: () => w.tasks.all()[0],
  };
}

export const texts = (r: { replies: readonly { text?: string }[] }) => r.replies.map((m) => m.text);

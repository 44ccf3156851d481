import { assignComplaint, decideHours, startTask } from '../../../src/core/after-sales/index.js';
import type { Action } from '../../../src/core/org/permissions.js';
import type { Probe } from './matrix-probes.js';

type AfterSalesAction = Extract<Action, 'complaint.assign' | 'task.approve' | 'task.work' | 'task.work_any'>;

// The after-sales actions' use-cases, each on a complaint or task of its own (a write is made once per caller).

export const afterSalesProbes: Readonly<Record<AfterSalesAction, Probe>> = {
  'complaint.assign': async (w, _r, _m, caller) => {
    const c = await w.complaint(w.named('李娜'));
    return assignComplaint({ ...w.app.afterSalesDeps }, caller, {
      complaint: c.code,
      assigneeId: w.named('唐雪').id,
    });
  },
  'task.approve': async (w, _r, _m, caller) => {
    const c = await w.complaint(w.named('李娜'), w.named('唐雪'), 'in_review');
    return decideHours({ ...w.app.afterSalesDeps }, caller, { task: c.taskCode, decision: 'approve' });
  },
  // One's own task: an admin starts it too, but as task.work_any's (any task); the cell read is both (see the test).
  'task.work': async (w, _r, me, caller) => {
    const c = await w.complaint(w.named('李娜'), me);
    return startTask({ ...w.app.afterSalesDeps }, caller, { task: c.taskCode });
  },
  // Someone else's task: staff are told it is not theirs.
  'task.work_any': async (w, _r, _m, caller) => {
    const c = await w.complaint(w.named('李娜'), w.named('唐雪'));
    return startTask({ ...w.app.afterSalesDeps }, caller, { task: c.taskCode });
  },
};

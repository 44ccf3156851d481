import type { OffboardingTexts } from './offboarding-texts.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const whyEn: Readonly<Record<string, string>> = {
  leaver: 'they are the one leaving',
  inactive: 'they are inactive',
  not_rep: 'they are not a rep or manager of a team',
  out_of_scope: 'they are outside your scope',
};

export const offboardingTextsEn: OffboardingTexts = {
  handedOverTitle: (leaver, leads, tasks, toPool) => {
    const parts = [
      ...(leads > 0 ? [plural(leads, 'lead')] : []),
      ...(tasks > 0 ? [plural(tasks, 'after-sales task')] : []),
    ].join(' and ');
    return toPool
      ? `${leaver} has left: ${parts} back in the pool`
      : `${leaver} has left: ${parts} handed to you`;
  },
  leadsListed: 'Leads (important first)',
  tasksListed: 'After-sales tasks',
  important: 'important',
  more: (n) => `and ${n} more`,
  confirm: (p) => {
    const leads = p.receiver
      ? `${plural(p.leads, 'lead')} to ${p.receiver}`
      : `${plural(p.leads, 'lead')} to the pool`;
    const tasks =
      p.tasks === 0
        ? ''
        : p.tasksTo
          ? `, ${plural(p.tasks, 'task')} to ${p.tasksTo}`
          : `, ${plural(p.tasks, 'task')} with no after-sales manager to take them`;
    return `Confirm: ${p.leaver} leaves, ${leads}${tasks}?`;
  },
  confirmButton: 'Confirm',
  cancelButton: 'Cancel',
  cancelled: (leaver) => `Cancelled: ${leaver} has not been offboarded.`,
  done: (p) => {
    const leads = p.receiver
      ? `${plural(p.leads, 'lead')} to ${p.receiver}`
      : `${plural(p.leads, 'lead')} to the pool`;
    const tasks = p.tasksTo ? `, ${plural(p.tasks, 'task')} to ${p.tasksTo}` : '';
    const left =
      p.tasksLeft > 0 ? `; ${plural(p.tasksLeft, 'task')} left unassigned (no after-sales manager)` : '';
    const resumed = p.resumed ? ' (finishing an earlier run)' : '';
    return `${p.leaver} has left${resumed}: ${leads}${tasks}${left}. ${plural(p.tokens, 'API token')} revoked, ${plural(p.identities, 'chat account')} unlinked; their history is kept.`;
  },
  whichOne: (name) => `More than one member is called ${name}; which one?`,
  usage: 'Usage: /member leave NAME to RECEIVER (or "to pool")',
  errors: {
    MEMBER_ALREADY_LEFT: (d) =>
      `${String(d.name ?? 'That member')} has already left${d.byName ? ` (offboarded by ${String(d.byName)})` : ''}.`,
    OFFBOARDING_IN_PROGRESS: (d) =>
      `${String(d.byName ?? 'Another admin')} is offboarding ${String(d.name ?? 'that member')} right now; it will finish on its own.`,
    HANDOVER_RECEIVER_NOT_ELIGIBLE: (d) =>
      `Cannot hand over to ${String(d.name ?? 'that member')}: ${whyEn[String(d.why)] ?? 'not eligible'}.`,
  },
};

import { type OffboardDeps, offboardMember, previewOffboarding } from '../../core/offboarding/index.js';
import type { Member } from '../../core/org/index.js';
import { DomainError } from '../../core/shared/errors.js';
import { memberId } from '../../core/shared/ids.js';
import type { OutboundMessage } from '../card.js';
import type { ActionHandler, CommandHandler, HandlerContext } from '../registry.js';
import {
  OFFBOARD_ACTIONS,
  offboardConfirmCard,
  offboardPickCard,
  offboardResultMessage,
} from '../render/offboarding-cards.js';

const LEAVE = new Set(['leave', '离职']);
/** The words between the leaver and the receiver: `交接给 李娜`, `to 李娜`; glued `交接给李娜` is read too. */
const TO_WORDS = ['交接给', '交给', 'to'];
const TO_POOL = new Set(['pool', '公海']);
const ID = /^[0-9a-f]{24}$/i;

/**
 * `/member leave 张伟 交接给 李娜` (`/成员 离职 张伟 交接给 公海`), admins: resolves the names like other commands
 * (several members of one name are asked back), then shows the confirmation card; nothing changes before its yes.
 */
export function memberCommand(deps: OffboardDeps): CommandHandler {
  return async (ctx, event) => {
    const [sub, ...rest] = event.args;
    if (!sub || !LEAVE.has(sub.toLowerCase()))
      throw new DomainError('BAD_COMMAND_ARGS', { command: 'member' });
    const { leaver, receiver } = splitLeave(rest);
    if (!leaver || !receiver) throw new DomainError('BAD_COMMAND_ARGS', { command: 'member' });
    return { replies: [await confirmOrAsk(deps, ctx, leaver, receiver)] };
  };
}

/** The leaver's and the receiver's words, around the first 交接给 / to. */
function splitLeave(words: readonly string[]): { leaver?: string; receiver?: string } {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const glued = TO_WORDS.find((w) => w !== 'to' && word.startsWith(w) && word.length > w.length);
    if (glued)
      return {
        leaver: words.slice(0, i).join(' '),
        receiver: [word.slice(glued.length), ...words.slice(i + 1)].join(' '),
      };
    if (TO_WORDS.includes(word.toLowerCase()) && i > 0) {
      return { leaver: words.slice(0, i).join(' '), receiver: words.slice(i + 1).join(' ') };
    }
  }
  return {};
}

/** `leaver` is a typed name or a chosen id; `receiver` a typed name, a chosen id, or the pool. */
async function confirmOrAsk(
  deps: OffboardDeps,
  ctx: HandlerContext,
  leaverRef: string,
  receiverRef: string,
): Promise<OutboundMessage> {
  const members = await deps.members.list(ctx.org.id);
  const leaver = ID.test(leaverRef) ? members.find((m) => m.id === leaverRef) : undefined;
  if (!leaver) {
    const found = named(members, leaverRef, true);
    if (found.length > 1) return pick(deps, ctx, 'leaver', leaverRef, found, receiverRef);
    if (found.length === 0) throw new DomainError('MEMBER_NOT_FOUND', { name: leaverRef });
    return confirmOrAsk(deps, ctx, found[0]!.id, receiverRef);
  }
  let leadsTo: string;
  if (TO_POOL.has(receiverRef.toLowerCase())) leadsTo = 'pool';
  else if (ID.test(receiverRef)) leadsTo = receiverRef;
  else {
    const found = named(members, receiverRef, false).filter((m) => m.id !== leaver.id);
    if (found.length > 1) return pick(deps, ctx, 'receiver', receiverRef, found, leaver.id);
    if (found.length === 0) throw new DomainError('MEMBER_NOT_FOUND', { name: receiverRef });
    leadsTo = found[0]!.id;
  }
  const preview = await previewOffboarding(deps, ctx.caller, { memberId: leaver.id, body: { leadsTo } });
  return offboardConfirmCard(preview, ctx.texts);
}

/**
 * Members with exactly this name; active ones only, unless (for the leaver) none is active: then the one who left,
 * so the admin is told they already have, not that nobody has the name.
 */
function named(members: readonly Member[], name: string, orLeft: boolean): Member[] {
  const all = members.filter((m) => m.name === name.trim());
  const active = all.filter((m) => m.active);
  return active.length > 0 || !orLeft ? active : all.slice(0, 1);
}

async function pick(
  deps: OffboardDeps,
  ctx: HandlerContext,
  role: 'leaver' | 'receiver',
  name: string,
  found: readonly Member[],
  other: string,
): Promise<OutboundMessage> {
  const teams = new Map((await deps.teams.list(ctx.org.id)).map((t) => [t.id as string, t.name]));
  const matches = found.map((member) => {
    const teamName = member.teamId ? teams.get(member.teamId) : undefined;
    return { member, ...(teamName ? { teamName } : {}) };
  });
  return offboardPickCard(role, name, matches, other, ctx.texts);
}

/** A choice among members of one name: the command goes on with the chosen one. */
export function offboardPickAction(deps: OffboardDeps): ActionHandler {
  return async (ctx, event) => {
    const [role, chosen = '', ...other] = event.value.split('|');
    const rest = other.join('|');
    if (!ID.test(chosen) || !rest || (role !== 'leaver' && role !== 'receiver')) {
      throw new DomainError('UNKNOWN_ACTION', { actionId: event.actionId });
    }
    const reply =
      role === 'leaver'
        ? await confirmOrAsk(deps, ctx, chosen, rest)
        : await confirmOrAsk(deps, ctx, rest, chosen);
    return { replies: [reply] };
  };
}

/** 确认 on the confirmation card: the offboarding itself. A second click is told it is done (MEMBER_ALREADY_LEFT). */
export function offboardConfirmAction(deps: OffboardDeps): ActionHandler {
  return async (ctx, event) => {
    const [leaver = '', leadsTo = ''] = event.value.split('|');
    if (!ID.test(leaver) || !(leadsTo === 'pool' || ID.test(leadsTo))) {
      throw new DomainError('UNKNOWN_ACTION', { actionId: event.actionId });
    }
    const result = await offboardMember(deps, ctx.caller, { memberId: memberId(leaver), body: { leadsTo } });
    return { replies: [offboardResultMessage(result, ctx.texts)] };
  };
}

/** 取消: nothing was done, and the admin is told so. */
export function offboardCancelAction(deps: Pick<OffboardDeps, 'members'>): ActionHandler {
  return async (ctx, event) => {
    const leaver = ID.test(event.value)
      ? await deps.members.get(ctx.org.id, memberId(event.value))
      : undefined;
    // The card keeps its buttons after 确认 (DingTalk and WeCom do not redraw it): a 取消 clicked then must not say
    // nothing was done.
    if (leaver && !leaver.active) throw new DomainError('MEMBER_ALREADY_LEFT', { name: leaver.name });
    return { replies: [{ text: ctx.texts.offboarding.cancelled(leaver?.name ?? '') }] };
  };
}

export { OFFBOARD_ACTIONS };

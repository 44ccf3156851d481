import type { Caller } from './caller.js';
import { can } from './permissions.js';
import type { Member } from './types.js';

// The intern level (实习) narrows what a role allows: new staff on trial do not get the org's most sensitive data.
// Important leads are kept from them in routing and pools (importantRule, assertInternMayHave).

export function isIntern(member: Pick<Member, 'level'> | undefined): boolean {
  return member?.level === 'intern';
}

/** Whether the caller sees phones whole: the role allows it (`member.see_phone`) and they are not an intern. */
export function canSeePhone(caller: Caller): boolean {
  return can(caller, 'member.see_phone') && !isIntern(caller.member);
}

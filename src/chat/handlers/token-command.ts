import { createMemberToken, type MemberTokenDeps } from '../../core/org/create-member-token.js';
import type { ApiTokenSummary } from '../../core/org/managed-api-tokens.js';
import { listOwnTokens, revokeOwnToken } from '../../core/org/member-tokens.js';
import { isDomainError } from '../../core/shared/errors.js';
import { isDirectMessage } from '../events.js';
import type { CommandHandler, HandlerContext } from '../registry.js';
import { formatTime } from '../render/render-context.js';
import type { TokenChatTexts } from '../texts/token-texts.js';
import { parseTokenAsk, type TokenAskProblem } from '../token-grammar.js';

export type TokenChatDeps = MemberTokenDeps;

/**
 * `/令牌` (`/token`): the member's own API tokens (list, 新建 NAME, 撤销 PREFIX|NAME), acting with their role.
 * Only in their 1:1 chat with the bot: in a group nothing is done, not even the list.
 *
 * The secret is shown once, safely:
 * - it goes out as this command's direct reply only: never through the outbox, whose entries are stored and
 *   re-delivered after a failure, and never into a log (a failed send logs its error, not the reply);
 * - a platform's retry of the same message is dropped by the inbound ledger (dispatchAndReply) before it reaches
 *   here, so it neither makes a second token nor shows the secret again. Should the process die after the insert
 *   and before the event is marked done, the retry finds the name taken (names are unique in the org): still one
 *   token, and the member, told so, revokes it and makes another if the first answer never came.
 */
export function tokenCommand(deps: TokenChatDeps): CommandHandler {
  return async (ctx, event) => {
    const t = ctx.texts.tokens;
    if (!isDirectMessage(event)) return { replies: [{ text: t.dmOnly }] };
    const parsed = parseTokenAsk(event.args);
    if (!parsed.ok) return { replies: [{ text: problemText(parsed.problem, t) }] };
    const { ask } = parsed;
    if (ask.kind === 'list')
      return { replies: [{ text: listText(await listOwnTokens(deps, ctx.caller), ctx) }] };
    if (ask.kind === 'revoke') {
      const { token, alreadyRevoked } = await revokeOwnToken(deps, ctx.caller, { ref: ask.ref });
      return {
        replies: [{ text: (alreadyRevoked ? t.alreadyRevoked : t.revoked)(token.name, token.prefix) }],
      };
    }
    try {
      const { token, secret } = await createMemberToken(deps, ctx.caller, {
        memberId: ctx.member.id,
        body: { name: ask.name },
      });
      return { replies: [{ text: t.created({ name: token.name, prefix: token.prefix, secret }) }] };
    } catch (error) {
      // The core's duplicate-name refusal is a field error for the API; a person is told in words.
      if (nameTaken(error)) return { replies: [{ text: t.nameTaken(ask.name) }] };
      throw error;
    }
  };
}

function problemText(problem: TokenAskProblem, t: TokenChatTexts): string {
  switch (problem.kind) {
    case 'no_name':
      return t.noName;
    case 'name_too_long':
      return t.nameTooLong(problem.max);
    case 'no_ref':
      return t.noRef;
    case 'unknown':
      return t.unknown(problem.word);
  }
}

/** The live tokens, newest first (as stored), with times in the org's zone; revoked ones are left out. */
function listText(tokens: readonly ApiTokenSummary[], ctx: HandlerContext): string {
  const t = ctx.texts.tokens;
  const live = tokens.filter((token) => !token.revokedAt);
  if (live.length === 0) return t.none;
  const zone = { locale: ctx.locale, timeZone: ctx.org.settings.timeZone };
  const lines = live.map((token) =>
    t.line({
      name: token.name,
      prefix: token.prefix,
      created: formatTime(token.createdAt.toISOString(), zone),
      ...(token.lastUsedAt ? { lastUsed: formatTime(token.lastUsedAt.toISOString(), zone) } : {}),
    }),
  );
  return [t.listTitle(live.length), ...lines].join('\n');
}

function nameTaken(error: unknown): boolean {
  if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED') return false;
  const issues = error.details.issues;
  return (
    Array.isArray(issues) &&
    issues.some(
      (i: { field?: string; problem?: { kind?: string } }) =>
        i.field === 'name' && i.problem?.kind === 'duplicate',
    )
  );
}

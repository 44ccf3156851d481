import type { MemberRepository } from '../../core/org/ports.js';
import type { MemberId, OrgId } from '../../core/shared/ids.js';
import type { Notice } from '../../core/shared/notices.js';

/**
 * Turns a notice to `directors` into one DM notice per active director (each its own outbox entry, keyed by the
 * director, so a re-publish is deduped and a director added since gets theirs), and names them on the group copy
 * of the same approval so it can @-mention them where the platform has no threads. One members query, and only
 * when a notice asks for directors.
 */
export async function addressDirectors(
  members: Pick<MemberRepository, 'list'>,
  orgId: OrgId,
  notices: readonly Notice[],
): Promise<readonly Notice[]> {
  if (!notices.some((n) => n.to.kind === 'directors')) return notices;
  const directors = (await members.list(orgId, { activeOnly: true }))
    .filter((m) => m.roles.includes('director'))
    .map((m) => m.id);
  return notices.flatMap((n) => {
    if (n.to.kind === 'directors') {
      return directors.map(
        (id): Notice => ({
          ...n,
          to: { kind: 'member', memberId: id },
          idempotencyKey: `${n.idempotencyKey}:${id}`,
        }),
      );
    }
    return n.kind === 'lead.approval' && n.mode === 'post' ? [withApprovers(n, directors)] : [n];
  });
}

function withApprovers(n: Extract<Notice, { kind: 'lead.approval' }>, ids: readonly MemberId[]): Notice {
  return ids.length > 0 ? { ...n, data: { ...n.data, approverIds: ids } } : n;
}

// One key per mailbox for de-duplication. Only case and width are folded: gmail dots and +tags are kept, because
// in shared company mailboxes (sales+east@…) they often reach different people.

// Chinese input methods type 。 (and half-width ｡) for a dot; NFKC leaves 。 alone, so it is mapped by hand.
const IDEOGRAPHIC_DOTS = /[\u3002\uFF61]/g;

export function normalizeEmail(raw: string): string | undefined {
  const email = raw
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(IDEOGRAPHIC_DOTS, '.')
    // A sentence-ending dot ("a@b.cn。") is punctuation, not part of the address.
    .replace(/\.+$/, '');
  // A space inside means two addresses or a display name ("张三 <a@b.cn>"); guessing which part counts is unsafe.
  if (/\s/.test(email)) return undefined;
  const parts = email.split('@');
  if (parts.length !== 2) return undefined;
  const [local = '', domain = ''] = parts;
  if (local === '' || !isDomain(domain)) return undefined;
  return email;
}

// Needs a dot and no empty label, so "a@b", "a@.cn", and "a@b..cn" are rejected.
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => label !== '');
}

// Cards in group chats show phones half-hidden: enough for a rep to recognise the customer, not enough to copy.
// Expects a number from normalizePhone; any other string is masked character by character the same way.
const MOBILE = /^1\d{10}$/;
const MASK = '****';
// Below this length "first 3 + last 4" would hide one digit or none, so short numbers show only their last 2.
const MIN_LENGTH_FOR_HEAD_AND_TAIL = 9;

export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (MOBILE.test(value)) return `${value.slice(0, 3)}${MASK}${value.slice(-4)}`;
  if (value.length >= MIN_LENGTH_FOR_HEAD_AND_TAIL) return `${value.slice(0, 3)}${MASK}${value.slice(-4)}`;
  if (value.length <= 2) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 2)}${value.slice(-2)}`;
}

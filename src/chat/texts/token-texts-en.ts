import type { TokenChatTexts } from './token-texts.js';

const EXAMPLE = 'e.g. /token new report-script';

export const tokenTextsEn: TokenChatTexts = {
  created: ({ name, prefix, secret }) =>
    `New API token "${name}". It is shown this once: copy it now, keep it safe and send it to nobody:\n${secret}\n` +
    `It calls the Leadrelay API as you, with your own role. When you no longer need it, send /token revoke ${prefix}.`,
  listTitle: (count) => `Your API tokens (${count}):`,
  line: ({ name, prefix, created, lastUsed }) =>
    `· ${name} · prefix ${prefix} · created ${created} · ${lastUsed ? `last used ${lastUsed}` : 'never used'}`,
  none: `You have no API token. Send /token new NAME to make one, ${EXAMPLE}`,
  revoked: (name, prefix) =>
    `Token "${name}" (prefix ${prefix}) is revoked: every request made with it is refused from now on.`,
  alreadyRevoked: (name, prefix) => `Token "${name}" (prefix ${prefix}) was revoked already.`,
  dmOnly:
    'To keep tokens safe, /token works only in your direct chat with Leadrelay; nothing was done here. Send it there again.',
  noName: `Give the token a name you will recognise, ${EXAMPLE}`,
  nameTaken: (name) => `The name "${name}" is taken; pick another one.`,
  nameTooLong: (max) => `That name is too long (at most ${max} characters); pick a shorter one.`,
  noRef: 'Which token? Give its prefix or name, e.g. /token revoke report-script (send /token to see yours)',
  unknown: (word) =>
    `"${word}" is not something /token does. Send /token, /token new NAME or /token revoke PREFIX|NAME`,
  errors: {
    TOKEN_NOT_FOUND: (d) =>
      `You have no token with the prefix or name "${String(d.ref ?? '')}". Send /token to see yours.`,
    TOKEN_AMBIGUOUS: (d) =>
      `"${String(d.ref ?? '')}" fits ${String(d.count ?? 'several')} of your tokens, so none was revoked. Give the whole prefix or the name.`,
  },
};

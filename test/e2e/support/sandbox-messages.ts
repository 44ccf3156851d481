import type { TestApp } from '../../support/test-app.js';

/** A message as the sandbox's JSON API shows it (`GET /sandbox/api/messages`), for the e2e stories. */
export type SandboxMsg = {
  id: string;
  conversation: string;
  text: string;
  fromMember?: string;
  card?: {
    title: string;
    status?: string;
    fields: { label: string; value: string }[];
    buttons: { actionId: string; label: string; value: string; style?: string }[];
  };
};

/** The messages the member can see, oldest first. */
export async function sandboxMessages(t: TestApp, memberId: string): Promise<SandboxMsg[]> {
  return (await t.request('GET', `/sandbox/api/messages?member=${memberId}`)).body as SandboxMsg[];
}

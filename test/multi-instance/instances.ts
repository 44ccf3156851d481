import type { Models } from '../../src/storage/models.js';
import type { ServiceProcess } from '../support/service-process.js';

/** Polls `check` every 200 ms until it holds; throws after `limitMs` (a stuck run fails, it does not hang). */
export async function untilTrue(check: () => Promise<boolean>, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not so within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Moves the clock of every given instance by the same amount at once (POST /sandbox/api/clock on each, in parallel).
 * Each then runs every job and flushes its outbox, so the instances sweep the same due work at the same moment.
 */
export async function advanceAll(instances: readonly ServiceProcess[], advance: string): Promise<void> {
  const answers = await Promise.all(instances.map((i) => i.post('/sandbox/api/clock', { advance })));
  for (const answer of answers) if (answer.status !== 200) throw new Error(`clock: ${answer.status}`);
}

/** Until no outbox entry waits or is being sent (every instance's pump and Agenda job deliver). */
export async function drained(models: Models, limitMs = 90_000): Promise<void> {
  await untilTrue(
    async () =>
      (await models.OutboxEntry.countDocuments({
        status: { $in: ['pending', 'sending'] },
        // Entries held for later (a paced retry, a due time ahead) are not a backlog.
        dueAt: { $lte: new Date(Date.now() + 365 * 86_400_000) },
      })) === 0,
    limitMs,
  );
}

/** The sum over the instances of every series of `name` whose labels contain `labels`. */
export async function metricSum(
  instances: readonly ServiceProcess[],
  name: string,
  labels: string,
): Promise<number> {
  let sum = 0;
  for (const instance of instances) {
    const text = await (await instance.get('/metrics')).text();
    for (const line of text.split('\n')) {
      if (line.startsWith(`${name}{`) && line.includes(labels))
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return sum;
}

/**
 * Exactly once: the deliveries the instances counted (each counts its own sends) add up to the entries sent. A
 * message two instances both delivered would count twice here, though the database shows it sent once.
 */
export async function deliveredEverywhere(
  models: Models,
  instances: readonly ServiceProcess[],
): Promise<void> {
  // An update superseded by a newer one is marked sent without being sent (no sentAt): not a delivery.
  const sent = await models.OutboxEntry.countDocuments({ status: 'sent', sentAt: { $exists: true } });
  const counted = await metricSum(instances, 'leadrelay_outbox_deliveries_total', 'outcome="sent"');
  if (counted !== sent) throw new Error(`deliveries counted ${counted}, entries sent ${sent}`);
}

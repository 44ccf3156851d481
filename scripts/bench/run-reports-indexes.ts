import type { Connection } from 'mongoose';

// Which index each report command can use, read from the commands the driver actually sent. MongoDB's own answer
// is `explain` (asked too, `explainPlans`), which the offline dev server does not have: there the check is a
// planner's first rule applied to the command's filter (an aggregate's leading $match, a find's filter) and the
// model's declared indexes. An index is usable when its leading keys are constrained by the filter (equality, $in or
// a range; the more keys, the narrower the scan) and its partial filter holds for every document the filter lets
// through (each `{ field: { $exists: true } }` of it is a field the filter constrains to a value).

export type IndexSpec = {
  readonly name: string;
  readonly key: Readonly<Record<string, unknown>>;
  readonly partialFilterExpression?: Readonly<Record<string, unknown>>;
};

export type SentCommand = {
  readonly name: string;
  readonly collection: string;
  readonly filter: Readonly<Record<string, unknown>>;
  readonly pipeline?: readonly Record<string, unknown>[];
  readonly ms: number;
};

export type IndexUse = {
  readonly command: string;
  readonly collection: string;
  readonly filterKeys: readonly string[];
  /** The declared index the filter narrows most, or null: a collection scan. */
  readonly index: string | null;
  readonly keysUsed: number;
  readonly ms: number;
};

/** Records every find and aggregate the connection sends (monitorCommands must be on), with its duration. */
export function recordQueries(connection: Connection) {
  const started = new Map<number, Omit<SentCommand, 'ms'> & { at: number }>();
  const sent: SentCommand[] = [];
  const client = connection.getClient();
  const onStarted = (e: { requestId: number; commandName: string; command: Record<string, unknown> }) => {
    if (e.commandName !== 'find' && e.commandName !== 'aggregate') return;
    const pipeline = e.command.pipeline as Record<string, unknown>[] | undefined;
    const filter = ((pipeline ? pipeline[0]?.$match : e.command.filter) ?? {}) as Record<string, unknown>;
    const collection = String(e.command[e.commandName]);
    started.set(e.requestId, {
      name: e.commandName,
      collection,
      filter,
      ...(pipeline ? { pipeline } : {}),
      at: performance.now(),
    });
  };
  const onDone = (e: { requestId: number }) => {
    const s = started.get(e.requestId);
    if (!s) return;
    started.delete(e.requestId);
    const { at, ...command } = s;
    sent.push({ ...command, ms: Math.round((performance.now() - at) * 10) / 10 });
  };
  client.on('commandStarted', onStarted);
  client.on('commandSucceeded', onDone);
  client.on('commandFailed', onDone);
  return {
    take: (): SentCommand[] => sent.splice(0),
    stop: () => {
      client.off('commandStarted', onStarted);
      client.off('commandSucceeded', onDone);
      client.off('commandFailed', onDone);
    },
  };
}

/** The declared indexes of the models, by collection name (mongoose's schema.indexes()). */
export function declaredIndexes(
  models: Readonly<
    Record<string, { collection: { collectionName: string }; schema: { indexes(): unknown[] } }>
  >,
) {
  const byCollection: Record<string, IndexSpec[]> = {};
  for (const model of Object.values(models)) {
    const specs = model.schema.indexes().map((entry) => {
      const [key, options] = entry as [Record<string, unknown>, Record<string, unknown> | undefined];
      return {
        name: String(
          options?.name ??
            Object.keys(key)
              .map((k) => `${k}_${String(key[k])}`)
              .join('_'),
        ),
        key,
        ...(options?.partialFilterExpression
          ? { partialFilterExpression: options.partialFilterExpression as Record<string, unknown> }
          : {}),
      };
    });
    byCollection[model.collection.collectionName] = [{ name: '_id_', key: { _id: 1 } }, ...specs];
  }
  return byCollection;
}

export function indexUses(
  sent: readonly SentCommand[],
  indexes: Readonly<Record<string, readonly IndexSpec[]>>,
): IndexUse[] {
  return sent.map((c) => ({
    command: c.name,
    collection: c.collection,
    filterKeys: Object.keys(c.filter),
    ...indexOf(usableIndex(c.filter, indexes[c.collection] ?? [])),
    ms: c.ms,
  }));
}

const indexOf = (use: { name: string; keysUsed: number } | undefined) => ({
  index: use?.name ?? null,
  keysUsed: use?.keysUsed ?? 0,
});

/**
 * The index whose leading keys the filter constrains most (0 keys: none is usable), its partial filter held; on a
 * tie the first declared. `keysUsed` tells how narrow the scan is: 1 for the org alone.
 */
export function usableIndex(
  filter: Readonly<Record<string, unknown>>,
  indexes: readonly IndexSpec[],
): { readonly name: string; readonly keysUsed: number } | undefined {
  let best: { name: string; keysUsed: number } | undefined;
  for (const index of indexes) {
    const keys = Object.keys(index.key);
    let used = 0;
    while (used < keys.length && constrains(filter[keys[used]!])) used++;
    if (used > 0 && used > (best?.keysUsed ?? 0) && partialHolds(filter, index.partialFilterExpression))
      best = { name: index.name, keysUsed: used };
  }
  return best;
}

/** A value or an operator that bounds the index range: equality, $in, $gt/$gte/$lt/$lte (not $ne, $nin, $exists). */
function constrains(condition: unknown): boolean {
  if (condition === undefined) return false;
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return true;
  if (Array.isArray(condition)) return true;
  const ops = Object.keys(condition);
  if (!ops.some((op) => op.startsWith('$'))) return true; // an embedded document compared whole
  return ops.some((op) => ['$eq', '$in', '$gt', '$gte', '$lt', '$lte'].includes(op));
}

function partialHolds(
  filter: Readonly<Record<string, unknown>>,
  partial: Readonly<Record<string, unknown>> | undefined,
) {
  if (!partial) return true;
  return Object.entries(partial).every(([field, condition]) => {
    const exists = (condition as { $exists?: unknown } | undefined)?.$exists === true;
    return exists && constrains(filter[field]) && !matchesNull(filter[field]);
  });
}

function matchesNull(condition: unknown): boolean {
  if (condition === null) return true;
  const inList = (condition as { $in?: unknown[] } | undefined)?.$in;
  return Array.isArray(inList) && inList.includes(null);
}

/**
 * MongoDB's own plan for each recorded command (`explain`, queryPlanner): the index names of its winning plan's
 * IXSCAN stages, or COLLSCAN. The dev server has no explain: then `supported: false` and why.
 */
export async function explainPlans(connection: Connection, sent: readonly SentCommand[]) {
  const db = connection.getClient().db(connection.name);
  const plans = [];
  for (const c of sent) {
    const command =
      c.name === 'aggregate'
        ? { aggregate: c.collection, pipeline: c.pipeline, cursor: {} }
        : { find: c.collection, filter: c.filter };
    try {
      const answer = await db.command({ explain: command, verbosity: 'queryPlanner' });
      plans.push({ collection: c.collection, filterKeys: Object.keys(c.filter), stages: planStages(answer) });
    } catch (error) {
      return { supported: false as const, reason: (error as Error).message };
    }
  }
  return { supported: true as const, plans };
}

/** Every IXSCAN's index name and every COLLSCAN in an explain answer, wherever the server nests them. */
function planStages(node: unknown, found: string[] = []): string[] {
  if (!node || typeof node !== 'object') return found;
  const stage = (node as { stage?: unknown }).stage;
  if (stage === 'IXSCAN') found.push(`IXSCAN ${String((node as { indexName?: unknown }).indexName)}`);
  if (stage === 'COLLSCAN') found.push('COLLSCAN');
  for (const [key, value] of Object.entries(node))
    if (key !== 'rejectedPlans')
      for (const child of Array.isArray(value) ? value : [value]) planStages(child, found);
  return found;
}

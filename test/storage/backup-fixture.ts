import { Binary, BSON, type Db, Decimal128, ObjectId } from 'mongodb';

/**
 * Two orgs of raw documents (written past mongoose, so every BSON type the service could ever store is there:
 * ObjectId, Date, Decimal128, Binary, Int32, nested arrays, null) plus the service's own org-less records.
 */
export async function seedBackupFixture(db: Db, leadsPerOrg = 30): Promise<{ orgA: string; orgB: string }> {
  const orgA = await seedOrg(db, 'Org A', leadsPerOrg);
  const orgB = await seedOrg(db, 'Org B', leadsPerOrg);
  await db.collection('inbound_events').insertOne({
    platform: 'slack',
    eventId: 'Ev1',
    receivedAt: new Date(),
    state: 'done',
  });
  return { orgA, orgB };
}

export async function seedOrg(db: Db, name: string, leads: number): Promise<string> {
  const orgId = new ObjectId();
  const id = orgId.toHexString();
  const teamId = new ObjectId();
  const members = [0, 1, 2].map((i) => ({
    _id: new ObjectId(),
    orgId,
    name: `${name} member ${i}`,
    roles: i === 0 ? ['admin'] : ['rep'],
    level: 'junior',
    teamId,
    availability: 'available',
    active: true,
    identities: [{ platform: 'sandbox', userId: `${id}-${i}` }],
  }));
  await db.collection('orgs').insertOne({
    _id: orgId,
    name,
    chat: { platform: 'sandbox', workspaceId: id },
    settings: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', dailyCaps: { junior: 10, senior: 20 } },
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  await db.collection('teams').insertOne({ _id: teamId, orgId, name: `${name} team`, memberIds: [] });
  await db.collection('members').insertMany(members);
  await db.collection('leads').insertMany(
    Array.from({ length: leads }, (_, i) => ({
      _id: new ObjectId(),
      orgId,
      code: `L${i + 1}`,
      name: `客户 ${i}`,
      amount: Decimal128.fromString(`${i}.10`),
      blob: new Binary(Buffer.from([i % 256, 0, 255])),
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      count: new BSON.Int32(i),
      tags: ['a', { nested: [1, 2, null] }],
      ownerId: members[1]?._id,
    })),
  );
  await db
    .collection('counters')
    .insertOne({ _id: `${id}:lead` as never, orgId: id, name: 'lead', seq: leads });
  return id;
}

/** Every document of every collection, as canonical EJSON in `_id` order, plus its index definitions. */
export async function snapshotDatabase(db: Db, names: readonly string[]) {
  const out: Record<string, { docs: string[]; indexes: string[] }> = {};
  for (const name of names) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    const exists = await db.listCollections({ name }, { nameOnly: true }).hasNext();
    const indexes = exists ? await db.collection(name).listIndexes().toArray() : [];
    out[name] = {
      docs: docs.map((d) => BSON.EJSON.stringify(d, { relaxed: false })),
      indexes: indexes.map(({ v: _v, ns: _ns, ...i }) => JSON.stringify(i)).sort(),
    };
  }
  return out;
}

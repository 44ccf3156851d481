import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SANDBOX_FILE_LINK_TTL_MS,
  sandboxFileLinks,
} from '../../../src/adapters/sandbox/sandbox-file-links.js';
import { type ComposedApp, composeApp } from '../../../src/config/compose-app.js';
import { adjustableClock } from '../../../src/core/shared/clock.js';
import { orgId } from '../../../src/core/shared/ids.js';
import { connectDatabase } from '../../../src/storage/connect-database.js';
import { bindModels, ensureIndexes } from '../../../src/storage/models.js';
import { mongoSharedSecret } from '../../../src/storage/repositories/app-secret-store.js';
import { openTestDatabase } from '../../support/test-database.js';
import { EXPORT_BYTES, EXPORT_NAME } from '../support/export-file.js';

// Issue #15, item 3: the sandbox's download links are signed with a key kept in the database, so a link made by one
// app still works when a new app (a restart, or another instance) serves it on the same database; an expired or
// tampered link is refused.

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let second: Connection;
const running: { app: ComposedApp; server: Server; base: string }[] = [];

async function start(connection: Connection) {
  const app = composeApp({
    connection,
    config: { SANDBOX_ENABLED: true, BODY_LIMIT: '1mb', OUTBOX_INTERVAL_MS: 60_000, JOBS_ENABLED: false },
    log: pino({ level: 'silent' }),
    clock: adjustableClock(),
  });
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const started = { app, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  running.push(started);
  return started;
}

beforeAll(async () => {
  db = await openTestDatabase();
  // A second connection to the same database: what a restarted process (or another instance) opens.
  second = await connectDatabase({
    uri: inject('mongoUri'),
    dbName: db.connection.name,
    monitorCommands: false,
  });
  await ensureIndexes(bindModels(db.connection));
});
afterAll(async () => {
  for (const { server } of running) await new Promise<void>((resolve) => server.close(() => resolve()));
  await second?.close();
  await db?.close();
});

describe('sandbox download links', () => {
  it('still work when a new app on the same database serves them; expired or tampered ones are refused', async () => {
    const first = await start(db.connection);
    const _id = new Types.ObjectId();
    await first.app.models.Org.create({
      _id,
      name: '演示科技',
      chat: { platform: 'sandbox', workspaceId: _id.toHexString() },
      settings: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', dailyCaps: { junior: 10, senior: 20 } },
      createdAt: new Date(),
    });
    const org = orgId(_id.toHexString());
    const fileId = await first.app.repos.exportFiles.save(
      org,
      { name: EXPORT_NAME, mime: 'text/csv; charset=utf-8', bytes: EXPORT_BYTES },
      new Date(Date.now() + 7 * 86_400_000),
    );
    // The link as the first app's sandbox adapter makes it for a file message.
    const sandbox = first.app.adapters.get('sandbox');
    await sandbox?.send(
      _id.toHexString(),
      { kind: 'dm', userId: 'm1' },
      { text: '导出完成', file: { fileId, name: EXPORT_NAME, mime: 'text/csv; charset=utf-8' } },
      'k1',
    );
    const shown = await first.app.models.SandboxMessage.findOne({ 'file.name': EXPORT_NAME }).lean();
    const url = shown?.file?.url ?? '';
    expect(url).toMatch(/^\/sandbox\/files\/.+\?expires=\d+&sig=/);

    const restarted = await start(second);
    const download = await fetch(`${restarted.base}${url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(EXPORT_NAME)}`,
    );
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), Buffer.from(EXPORT_BYTES))).toBe(0);

    const sig = /sig=([^&]+)/.exec(url)?.[1] ?? '';
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    const expires = /expires=(\d+)/.exec(url)?.[1] ?? '';
    for (const tampered of [
      url.replace(sig, flipped),
      url.replace(`expires=${expires}`, `expires=${Number(expires) + 86_400_000}`),
      url.replace(encodeURIComponent(fileId), 'another-file'),
    ]) {
      expect((await fetch(`${restarted.base}${tampered}`)).status, tampered).toBe(403);
    }
    // A day later the same link has expired, though the file is still kept.
    restarted.app.clock.advance(SANDBOX_FILE_LINK_TTL_MS + 1);
    expect((await fetch(`${restarted.base}${url}`)).status).toBe(403);
  });

  it('gives two instances starting at the same time one key: each verifies what the other signed', async () => {
    const name = `race-${Math.random()}`;
    const a = sandboxFileLinks(() => mongoSharedSecret(bindModels(db.connection))(name));
    const b = sandboxFileLinks(() => mongoSharedSecret(bindModels(second))(name));
    const now = new Date();
    const [fromA, fromB] = await Promise.all([a.linkFor('f1', now), b.linkFor('f1', now)]);
    expect(fromA).toBe(fromB);
    const [, expires, sig] = /expires=(\d+)&sig=(.+)$/.exec(fromA) ?? [];
    expect(await b.verify('f1', expires ?? '', sig ?? '', now)).toBe(true);
    expect(await b.verify('f2', expires ?? '', sig ?? '', now)).toBe(false);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, verifyBackup } from '../../src/storage/backups/read-backup.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('backups API: POST, GET /api/v1/backups and GET /api/v1/backups/:name', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lr-backup-api-'));
    t = await startTestApp({ backupDir: dir });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a backup for an admin, lists it and streams it back byte for byte', async () => {
    const made = await t.request('POST', '/api/v1/backups', undefined, as(t.token));
    expect(made.status).toBe(201);
    const { backup } = made.body;
    expect(backup).toMatchObject({ scope: { kind: 'all' }, orgIds: [t.orgId] });
    expect(backup.documents).toBeGreaterThan(0);
    // The audit trail (issue #15) has the backup, by the token that asked for it.
    const audit = await t.request('GET', '/api/v1/audit?kind=backup.make', undefined, as(t.token));
    expect(audit.body.entries.map((e: { target: { id: string } }) => e.target.id)).toEqual([backup.name]);
    expect(audit.body.entries[0].details).toMatchObject({ scope: 'all', documents: backup.documents });
    const listed = await t.request('GET', '/api/v1/backups', undefined, as(t.token));
    expect(listed.body.backups.map((b: { name: string }) => b.name)).toEqual([backup.name]);

    const download = await fetch(`${t.baseUrl}/api/v1/backups/${backup.name}`, { headers: as(t.token) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(backup.name);
    const copy = path.join(dir, 'downloaded.tar.copy');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(copy, Buffer.from(await download.arrayBuffer()));
    const opened = await openBackup(copy);
    expect(opened.manifest.documents).toBe(backup.documents);
    expect(await verifyBackup(opened)).toEqual([]);
  });

  it('refuses every backup endpoint to a token that is not an admin, and an unknown name is 404', async () => {
    const made = await t.request(
      'POST',
      '/api/v1/tokens',
      { name: 'reader', role: 'read_only' },
      as(t.token),
    );
    const reader = made.body.secret as string;
    expect((await t.request('POST', '/api/v1/backups', undefined, as(reader))).status).toBe(403);
    expect((await t.request('GET', '/api/v1/backups', undefined, as(reader))).status).toBe(403);
    const listed = await t.request('GET', '/api/v1/backups', undefined, as(t.token));
    const name = listed.body.backups[0].name as string;
    expect((await t.request('GET', `/api/v1/backups/${name}`, undefined, as(reader))).status).toBe(403);
    expect((await t.request('GET', '/api/v1/backups/../../etc/passwd', undefined, as(t.token))).status).toBe(
      404,
    );
    expect((await t.request('GET', '/api/v1/backups/nope.tar', undefined, as(t.token))).status).toBe(404);
    expect((await t.request('POST', '/api/v1/backups', undefined, {})).status).toBe(401);
  });
});

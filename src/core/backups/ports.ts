import type { BackupDifference, BackupManifest } from './backup-manifest.js';

/** A complete backup in the backup directory: its file name and manifest. */
export type StoredBackup = { readonly name: string; readonly manifest: BackupManifest };

/** What a drill found: documents restored, differences with the manifest, or the error that stopped it. */
export type DrillResult = {
  readonly documents: number;
  readonly differences: readonly BackupDifference[];
  readonly error?: string;
};

/** The backup driver (src/storage/backups): writes, lists, deletes and drills backups of this database. */
export interface Backups {
  /** The database's name (the drill's scratch database is named after it). */
  readonly databaseName: string;
  /** Writes one backup now: the whole database, or one org's documents. */
  write(input: { readonly orgId?: string; readonly now: Date }): Promise<StoredBackup>;
  /** Complete backups only (a file still being written is not one), newest first. */
  list(): Promise<StoredBackup[]>;
  remove(name: string): Promise<void>;
  /** Where a listed backup's file is, for a download. */
  filePath(name: string): string;
  /** Restores the backup into the scratch database, compares it with the manifest and drops the scratch. */
  drill(name: string, scratchName: string): Promise<DrillResult>;
  /** How many orgs the database holds (decides what an org admin's backup may contain). */
  orgCount(): Promise<number>;
}

/**
 * Run markers of the scheduled jobs, one per slot (`backup:daily:2026-12-02`): a claim is one atomic conditional
 * write, so of two instances exactly one runs a slot; a claim whose holder died is taken over after its lease.
 */
export interface BackupRuns {
  claim(key: string, now: Date, leaseMs: number): Promise<boolean>;
  finish(key: string, state: 'done' | 'failed', now: Date, note?: string): Promise<void>;
}

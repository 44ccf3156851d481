import type { TestProject } from 'vitest/node';
import { type DevDbServer, startDevDbServer } from '../../src/storage/dev-db-server.js';

let server: DevDbServer | undefined;

/** Uses MONGODB_URI when set (a real MongoDB), else starts the offline dev server once for the whole run. */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    return;
  }
  server = await startDevDbServer();
  project.provide('mongoUri', server.uri);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

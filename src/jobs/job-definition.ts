/** A scheduled job: a plain function over injected deps, so tests and the sandbox clock can call it directly. */
export type JobDefinition = {
  readonly name: string;
  readonly intervalMs: number;
  readonly run: () => Promise<void>;
};

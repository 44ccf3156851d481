/**
 * An object's fields that have a value: with `exactOptionalPropertyTypes` an optional field may be absent but not
 * `undefined`, so objects built from maybe-missing values go through this.
 */
export function defined<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as never;
}

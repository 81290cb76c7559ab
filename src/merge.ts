/**
 * Deep merge used for layout profiles and for plans with their defaults, with the semantics of JSON Merge Patch
 * (RFC 7386): maps merge key by key, lists and scalars are replaced, and `null` removes an inherited value.
 * A `null` with nothing to remove stays, so that validation reports the empty value where it was written.
 */

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Applies `over` on top of `base` (neither is modified). */
export function deepMerge<T>(base: T, over: unknown): T {
  if (!isObj(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = isObj(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(over)) {
    if (v === null && k in out) delete out[k];
    else out[k] = deepMerge(out[k], v);
  }
  return out as T;
}

/**
 * Combines feature maps (method specs, host handlers) into one, throwing on a name that
 * two features both declare. An object spread would silently keep the last one, and a
 * feature's method would vanish with no error anywhere (Actual's `server/app.ts` combine).
 */

/** `[A, B, C]` → `A & B & C`, so the merged map keeps every feature's exact keys. */
export type MergedMaps<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? H & MergedMaps<R>
  : unknown;

export function mergeFeatureMaps<const T extends readonly object[]>(what: string, ...maps: T): MergedMaps<T> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Two features declare the ${what} "${name}"; each name must be unique.`);
      merged[name] = value;
    }
  }
  return merged as MergedMaps<T>;
}

// Items grouped by a key, each group in the items' order: the one helper for "rows by unit", "rows by
// code" wherever stored rows are sorted into reports.

export function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The items of a paginated list that belong to one visit. The clinical lists filter by patient
 * only, newest first: read page after page, keep the visit's items, and stop at the end, at an
 * item older than the visit can have, or after `maxPages`.
 */
export interface Page<T> {
  items: T[];
  hasNext: boolean;
}

export async function collectPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  {
    keep,
    tooOld,
    maxPages = 20,
  }: { keep: (item: T) => boolean; tooOld: (item: T) => boolean; maxPages?: number },
): Promise<T[]> {
  const found: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const { items, hasNext } = await fetchPage(page);
    found.push(...items.filter(keep));
    const last = items[items.length - 1];
    if (!hasNext || last === undefined || tooOld(last)) break;
  }
  return found;
}

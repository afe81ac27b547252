// Builds links that change one query parameter and keep the others (filters, paging).

export type Query = Record<string, string | undefined>;

export function withQuery(path: string, current: Query, change: Query): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...current, ...change })) if (v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** A page's search parameters as Next hands them over (a key given twice arrives as an array). */
export type SearchParams = Record<string, string | string[] | undefined>;
export type SearchParamsProps = { searchParams: Promise<SearchParams> };

/** One value per key: the last one given, as a browser's form would send it. */
export function flatten(params: SearchParams): Query {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v]));
}

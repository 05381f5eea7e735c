import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * Filters and the page of a staff list live in the URL, so a list can be bookmarked and 返回 lands on the same page.
 * `page` starts at 1 and `pageSize` is one of the offered sizes (the API allows 1–100).
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sizeParam = Number(params.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 20;
  const filterString = filterKeys.map((k) => params.get(k) ?? '').join('\u0000');
  const filters = useMemo(() => {
    const values = filterString.split('\u0000');
    return Object.fromEntries(filterKeys.map((k, i) => [k, values[i] ?? ''])) as Record<K, string>;
  }, [filterString, filterKeys]);

  /** Changing a filter goes back to page 1; empty values leave the URL. */
  const setFilters = useCallback(
    (next: Partial<Record<K, string>>) => {
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (typeof v === 'string' && v.trim() !== '') p.set(k, v.trim());
          else p.delete(k);
        }
        p.delete('page');
        return p;
      });
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        p.set('page', String(nextPage));
        p.set('pageSize', String(nextSize));
        return p;
      });
    },
    [setParams],
  );

  return { page, pageSize, filters, setFilters, setPage, pageSizeOptions: PAGE_SIZES.map(String) };
}

/** '' → undefined, so an empty filter is not sent (the API treats absent filters as "all"). */
export function optional(v: string): string | undefined {
  return v.trim() === '' ? undefined : v.trim();
}

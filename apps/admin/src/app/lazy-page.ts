import { lazy, type ComponentType } from 'react';

/** Route-level code splitting with named exports: each page is its own chunk, loaded on first visit. */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

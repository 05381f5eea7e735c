/**
 * Load generation for `pnpm bench`: autocannon, programmatic, in the bench process — a separate process from both
 * servers (toolchain.md: never generate load inside the server under test). Only 127.0.0.1 targets.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  /** Several requests, cycled through per connection (each may carry its own path and headers). */
  requests?: autocannon.Request[];
  maxOverallRequests?: number;
  /** Called with the running instance (e.g. to stop it early). */
  onStart?: (instance: autocannon.Instance) => void;
}

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1') throw new Error(`bench targets must be 127.0.0.1, got ${host}`);
}

export function load(o: LoadOptions): Promise<LoadResult> {
  assertLocal(o.url);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        duration: o.seconds,
        timeout: 10,
        method: o.method ?? 'GET',
        ...(o.headers ? { headers: o.headers } : {}),
        ...(o.requests ? { requests: o.requests } : {}),
        ...(o.maxOverallRequests ? { maxOverallRequests: o.maxOverallRequests } : {}),
      },
      (err, r) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          requests: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
        });
      },
    );
    o.onStart?.(instance);
  });
}

/**
 * Canonical JSON for hashing (docs/decisions/004-audit-chain.md): object keys sorted by UTF-16 code units, no
 * whitespace, `undefined` members omitted (as JSON.stringify does), numbers and strings serialised by
 * JSON.stringify. For the values we hash (strings, safe integers, booleans, null) this matches RFC 8785 (JCS).
 * Non-finite numbers, bigints, functions and symbols are refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      break;
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
  }
  const obj: object = value;
  if ('toJSON' in obj && typeof obj.toJSON === 'function') return write((obj.toJSON as () => unknown)(), seen);
  if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
  seen.add(obj);
  let out: string;
  if (Array.isArray(obj)) {
    out = `[${obj.map((v: unknown) => (v === undefined ? 'null' : write(v, seen))).join(',')}]`;
  } else {
    const entries = Object.entries(obj as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, seen)}`).join(',')}}`;
  }
  seen.delete(obj);
  return out;
}

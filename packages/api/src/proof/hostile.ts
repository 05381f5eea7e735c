/** Hostile values for fuzzing procedure inputs (fast-check arbitraries) and for the browser test's hostile text. */
import fc from 'fast-check';

export const XSS_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
] as const;

export const SQL_PAYLOADS = ["' OR 1=1 --", "'; DROP TABLE app_user; --", '1; DELETE FROM audit_event', '" OR ""="', "%' --"] as const;

export const UNICODE_PAYLOADS = [
  '\u202Eevil\u202C', // RTL override
  '企业😀🏢👨‍👩‍👧',
  'a\u200Bb\u200Cc\u200Dd\uFEFF', // zero-width
  '岳阳楼区中小微企业发展引导基金',
  '\u0000nul',
  '\uD800', // lone surrogate
  'ｆｕｌｌｗｉｄｔｈ　全角',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
] as const;

function nested(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i += 1) v = kind === 'object' ? { a: v } : [v];
  return v;
}

const HUGE = 'A'.repeat(100 * 1024);
const HUGE_CJK = '岳'.repeat(34 * 1024);

/** Fixed hostile leaves: wrong types, edge numbers, huge, unicode, SQL and HTML. */
export const HOSTILE_CONSTANTS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  '',
  ' ',
  '0x10',
  '2026-02-30',
  '9999-99-99',
  HUGE,
  HUGE_CJK,
  [],
  {},
  [null],
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
  nested(200, 'object'),
  nested(200, 'array'),
  ...XSS_PAYLOADS,
  ...SQL_PAYLOADS,
  ...UNICODE_PAYLOADS,
];

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (entries.length === 0) out.push(path);
    for (const [k, v] of entries) leafPaths(v, [...path, k], out);
  }
  out.push(path); // every node, including containers and the root, may be replaced
  return out;
}

function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!], rest, leaf);
  return copy;
}

/**
 * Inputs derived from a valid sample: one node replaced by a hostile value (so validation is exercised past the
 * first field), an unexpected extra key, or a wholly hostile input.
 */
export function hostileInputs(sample: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(sample);
  const replaceOne = fc
    .tuple(fc.constantFrom(...paths), hostileLeaf)
    .map(([path, leaf]) => setAt(sample, path, leaf));
  const extraKey = fc
    .tuple(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'userId', 'role', 'id'), hostileLeaf)
    .map(([k, leaf]) => (sample !== null && typeof sample === 'object' && !Array.isArray(sample) ? { ...sample, [k]: leaf } : leaf));
  return fc.oneof({ weight: 6, arbitrary: replaceOne }, { weight: 1, arbitrary: extraKey }, { weight: 1, arbitrary: hostileLeaf });
}

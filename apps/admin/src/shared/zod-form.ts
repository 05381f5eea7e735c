import './zod-locale';

/**
 * Adapter between the domain's zod schemas (the same ones the server uses as `.input()`) and antd Form.
 * Typed structurally so the app does not depend on zod directly.
 */
export type SchemaIssue = { readonly path: readonly PropertyKey[]; readonly message: string };
export type SafeParser<T> = {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
};

export type FieldPath = (string | number)[];
export type FieldError = { name: FieldPath; errors: string[] };

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: FieldError[] };

function pathKey(path: FieldPath): string {
  return path.join('.');
}

/** `sizeData.employees` → ['sizeData', 'employees']; numeric segments become array indexes. */
export function splitPath(dotted: string): FieldPath {
  return dotted
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Groups messages by field path, keeping each distinct message once, in order. */
export function mergeFieldErrors(errors: readonly FieldError[]): FieldError[] {
  const byKey = new Map<string, FieldError>();
  for (const e of errors) {
    const key = pathKey(e.name);
    const found = byKey.get(key);
    if (!found) byKey.set(key, { name: [...e.name], errors: [...new Set(e.errors)] });
    else for (const m of e.errors) if (!found.errors.includes(m)) found.errors.push(m);
  }
  return [...byKey.values()];
}

export function issuesToFieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  return mergeFieldErrors(
    issues.map((i) => ({
      name: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      errors: [i.message],
    })),
  );
}

/** The server's `error.data.fieldErrors` (path → Chinese message) as form field errors. */
export function recordToFieldErrors(record: Readonly<Record<string, string>>): FieldError[] {
  return mergeFieldErrors(Object.entries(record).map(([k, m]) => ({ name: splitPath(k), errors: [m] })));
}

export function parseWith<T>(schema: SafeParser<T>, value: unknown): Parsed<T> {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, data: r.data } : { ok: false, fields: issuesToFieldErrors(r.error.issues) };
}

/**
 * Splits errors into those that belong to a field shown in the form and the rest (shown above the form), so a
 * message is never lost because no input carries its name.
 */
export function partitionByFields(
  errors: readonly FieldError[],
  shown: readonly FieldPath[],
): { onFields: FieldError[]; general: string[] } {
  const keys = new Set(shown.map(pathKey));
  const onFields: FieldError[] = [];
  const general: string[] = [];
  for (const e of errors) {
    if (e.name.length > 0 && keys.has(pathKey(e.name))) onFields.push(e);
    else general.push(...e.errors);
  }
  return { onFields, general: [...new Set(general)] };
}

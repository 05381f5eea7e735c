import { Form } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { readApiError } from './errors';
import {
  mergeFieldErrors,
  parseWith,
  partitionByFields,
  recordToFieldErrors,
  type FieldError,
  type FieldPath,
  type SafeParser,
} from './zod-form';

/** Form values → the schema's input, plus errors found while converting (e.g. an unreadable amount). */
export type ToInput<V> = (values: V) => { input: unknown; errors?: FieldError[] };

const keyOf = (p: FieldPath) => p.join('.');

/**
 * Validates an antd form with a domain schema: on submit, then live after the first attempt. Server errors
 * (`fieldErrors`, or the message alone) land on the same fields; messages without a visible field go to `general`.
 */
export function useSchemaForm<V extends object, T>(schema: SafeParser<T>, toInput?: ToInput<V>) {
  const [form] = Form.useForm<V>();
  const [general, setGeneral] = useState<string[]>([]);
  const attempted = useRef(false);

  const show = useCallback(
    (errors: FieldError[], extraGeneral: string[] = []) => {
      const shown = form.getFieldsError().map((f) => f.name);
      const { onFields, general: rest } = partitionByFields(errors, shown);
      const inError = new Set(onFields.map((f) => keyOf(f.name)));
      // Paths come from the schema, not from V's keys, so the untyped instance is the honest type here.
      (form as FormInstance).setFields([
        ...shown.filter((n) => !inError.has(keyOf(n))).map((name) => ({ name, errors: [] as string[] })),
        ...onFields,
      ]);
      setGeneral([...new Set([...extraGeneral, ...rest])]);
    },
    [form],
  );

  const check = useCallback((): T | null => {
    const values = form.getFieldsValue(true) as V;
    const { input, errors: conversion = [] } = toInput ? toInput(values) : { input: values };
    const parsed = parseWith(schema, input);
    const converted = new Set(conversion.map((e) => keyOf(e.name)));
    const schemaErrors = parsed.ok ? [] : parsed.fields.filter((f) => !converted.has(keyOf(f.name)));
    const errors = mergeFieldErrors([...conversion, ...schemaErrors]);
    show(errors);
    return errors.length === 0 && parsed.ok ? parsed.data : null;
  }, [form, schema, toInput, show]);

  /** Call on submit: returns the schema's output, or null after showing the errors. */
  const validate = useCallback((): T | null => {
    attempted.current = true;
    return check();
  }, [check]);

  /** Pass to `<Form onValuesChange>` so corrected fields clear their errors once the user has tried to submit. */
  const onValuesChange = useCallback(() => {
    if (attempted.current) check();
  }, [check]);

  const showServerError = useCallback(
    (error: unknown) => {
      const e = readApiError(error);
      const fields = recordToFieldErrors(e.fieldErrors);
      show(fields, fields.length > 0 ? [] : [e.message]);
    },
    [show],
  );

  return { form, general, validate, onValuesChange, showServerError };
}

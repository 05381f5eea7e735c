/**
 * The client copy of the server's `CentreInput` (packages/api/src/modules/centres/centres.schemas.ts): the API
 * package is server code, so the admin console mirrors the shape and its Chinese messages here. `satisfies` below
 * keeps the output assignable to the procedure's input, so a change on the server breaks the type check.
 */
import { IsoDate } from '@fund/domain';
import { z } from 'zod';
import type { RouterInputs } from '../../shared/api-types';

export const CENTRE_KIND_OPTIONS = [
  { value: 'innovation-centre', label: '创业创新中心' },
  { value: 'sme-park', label: '小企业产业园' },
  { value: 'startup-base', label: '创业基地' },
  { value: 'ecommerce-logistics-park', label: '电商快递物流园' },
] as const;
export const RECOGNITION_LEVEL_OPTIONS = [
  { value: 'national', label: '国家级' },
  { value: 'provincial', label: '省级' },
  { value: 'municipal', label: '市级' },
  { value: 'district', label: '区级' },
] as const;
export const FACILITY_KIND_OPTIONS = [
  { value: 'broadband', label: '宽带网络' },
  { value: 'equipment', label: '共享设备' },
] as const;

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${what}` : `${what}至少 ${min} 个字` })
    .max(max, { error: `${what}最长 ${max} 个字` });
const Id = (what: string) =>
  z.number({ error: `请选择${what}` }).int({ error: `请选择${what}` }).positive({ error: `请选择${what}` });

const FacilityForm = z.object({
  kind: z.enum(['broadband', 'equipment'], { error: '请选择设施类型（宽带或共享设备）' }),
  name: text('设施名称', 1, 100),
  description: z.string().trim().max(500, { error: '说明最长 500 个字' }).default(''),
  quantity: z
    .number({ error: '数量应为整数' })
    .int({ error: '数量应为整数' })
    .min(0, { error: '数量不能为负数' })
    .default(1),
});

export const CentreForm = z
  .object({
    name: text('中心名称', 2, 100),
    kind: z.enum(['innovation-centre', 'sme-park', 'startup-base', 'ecommerce-logistics-park'], {
      error: '请选择载体类型',
    }),
    address: text('地址', 1, 200),
    operator: text('运营单位', 1, 100),
    operatorEnterpriseId: Id('运营单位企业').nullable().default(null),
    floorAreaM2: z
      .number({ error: '面积应为整数平方米' })
      .int({ error: '面积应为整数平方米' })
      .min(0, { error: '面积不能为负数' })
      .max(10_000_000, { error: '面积过大' }),
    recognitionLevel: z
      .enum(['national', 'provincial', 'municipal', 'district'], { error: '请选择认定级别' })
      .nullable()
      .default(null),
    recognisedOn: IsoDate.nullable().default(null),
    facilities: z.array(FacilityForm).max(100, { error: '设施最多 100 项' }).default([]),
  })
  .superRefine((v, ctx) => {
    if ((v.recognitionLevel === null) !== (v.recognisedOn === null)) {
      ctx.addIssue({ code: 'custom', path: ['recognisedOn'], message: '认定级别和认定日期须同时填写或同时留空' });
    }
  });
export type CentreForm = z.infer<typeof CentreForm>;

// Compile-time check that the mirror still fits the server's inputs.
type CreateInput = RouterInputs['centres']['create'];
type UpdateInput = RouterInputs['centres']['update'];
export const fitsCreate = (v: CentreForm): CreateInput => v;
export const fitsUpdate = (v: CentreForm, centreId: number): UpdateInput => ({ ...v, centreId });

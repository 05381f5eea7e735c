import type { IndustryKey } from '@fund/domain';
import type { Dayjs } from 'dayjs';
import { moneyField } from '../../shared/money';
import type { ToInput } from '../../shared/use-schema-form';
import type { FieldError } from '../../shared/zod-form';

export type StaffEnterpriseValues = {
  uscc?: string;
  name?: string;
  legalRepresentative?: string;
  industry?: IndustryKey;
  establishedOn?: Dayjs | null;
  registeredDistrictCode?: string;
  reportingYear?: number | null;
  employees?: number | null;
  revenueFen?: string;
  totalAssetsFen?: string;
  contactName?: string;
  contactMobile?: string;
  overrideReason?: string;
};

export const DEFAULT_DISTRICT = '430602';

/** Form values → `RegisterEnterpriseByStaff` input: date as YYYY-MM-DD, amounts parsed to fen, blank reason absent. */
export const toStaffEnterpriseInput: ToInput<StaffEnterpriseValues> = ({
  establishedOn,
  revenueFen,
  totalAssetsFen,
  overrideReason,
  ...rest
}) => {
  const revenue = moneyField(revenueFen, ['revenueFen']);
  const assets = moneyField(totalAssetsFen, ['totalAssetsFen']);
  return {
    input: {
      ...rest,
      employees: rest.employees ?? null,
      establishedOn: establishedOn ? establishedOn.format('YYYY-MM-DD') : undefined,
      revenueFen: revenue.fen,
      totalAssetsFen: assets.fen,
      overrideReason: overrideReason?.trim() ? overrideReason : undefined,
    },
    errors: [
      ...(establishedOn ? [] : [{ name: ['establishedOn'], errors: ['请选择成立日期'] }]),
      ...[revenue.error, assets.error].filter((e): e is FieldError => e !== null),
    ],
  };
};

import type { IndustryKey } from '@fund/domain';
import type { Dayjs } from 'dayjs';
import { moneyField } from '../../shared/money';
import type { ToInput } from '../../shared/use-schema-form';
import type { FieldError } from '../../shared/zod-form';

export type EnterpriseValues = {
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
  username?: string;
  password?: string;
  confirm?: string;
  privacyConsentVersion?: string;
};

export const DEFAULT_DISTRICT = '430602';

export function confirmError(values: { password?: string; confirm?: string }): FieldError[] {
  return values.confirm === values.password ? [] : [{ name: ['confirm'], errors: ['两次输入的密码不一致'] }];
}

/** Form values → `RegisterEnterprise` input: date as YYYY-MM-DD, amounts parsed to fen, the confirmation dropped. */
export const toEnterpriseInput: ToInput<EnterpriseValues> = ({
  confirm,
  establishedOn,
  revenueFen,
  totalAssetsFen,
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
    },
    errors: [
      ...(establishedOn ? [] : [{ name: ['establishedOn'], errors: ['请选择成立日期'] }]),
      ...[revenue.error, assets.error].filter((e): e is FieldError => e !== null),
      ...confirmError({ password: rest.password, confirm }),
    ],
  };
};

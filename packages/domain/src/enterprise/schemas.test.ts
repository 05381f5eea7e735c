import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PASSWORD_MESSAGES } from '../auth/password';
import { idCheckChar } from '../privacy/identity';
import {
  EnterpriseListQuery,
  FounderListQuery,
  IdInput,
  PRIVACY_NOTICE,
  RegisterEnterprise,
  RegisterEnterpriseByStaff,
  RegisterFounder,
  ReportUsccDispute,
  UsccInput,
} from './schemas';
import { usccCheckChar, validateUscc } from './uscc';

function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

/** GB 11714 check character of an 8-character organisation-code body (independent of uscc.ts, on purpose). */
function orgCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce(
    (s, c, i) => s + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(c) * weights[i]!,
    0,
  );
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A valid USCC: 91 (enterprise), region, organisation code with its check, then the GB 32100 check character. */
function makeUscc(region = '430602', orgBody = 'MA4L1234'): string {
  const first17 = `91${region}${orgBody}${orgCheck(orgBody)}`;
  return first17 + usccCheckChar(first17);
}

/** Same code with another (wrong) check character. */
function withWrongCheckChar(code: string): string {
  const wrong = code[17] === '0' ? '1' : '0';
  return code.slice(0, 17) + wrong;
}

const USCC = makeUscc();
const ID_NUMBER = (() => {
  const body = '43060220010315002';
  return body + idCheckChar(body);
})();

const enterprise = {
  uscc: USCC,
  name: '岳阳市洞庭鲜食品有限公司',
  legalRepresentative: '王建国',
  industry: 'wholesale',
  establishedOn: '2023-04-18',
  registeredDistrictCode: '430602',
  employees: 12,
  revenueFen: 1_234_567_00,
  totalAssetsFen: null,
  reportingYear: 2025,
  contactName: '李娜',
  contactMobile: '138-0730-1234',
};
const account = {
  username: 'dongtingxian',
  password: 'Yueyang tower by the lake',
  privacyConsentVersion: PRIVACY_NOTICE.version,
};
const selfRegistration = { ...enterprise, ...account };

describe('test fixtures', () => {
  it('generate USCCs the validator accepts, and ones failing only the check character', () => {
    expect(validateUscc(USCC)).toMatchObject({ ok: true });
    expect(validateUscc(withWrongCheckChar(USCC))).toMatchObject({ ok: false, reason: 'check-char' });
  });
});

describe('PRIVACY_NOTICE', () => {
  it('is version 2026-11 with the PIPL title', () => {
    expect(PRIVACY_NOTICE.version).toBe('2026-11');
    expect(PRIVACY_NOTICE.title).toBe('个人信息保护告知书');
  });

  it('tells who processes, why, what, where, how long, what is published, the rights and whom to contact', () => {
    for (const phrase of [
      '岳阳楼区',
      '处理目的',
      '申报',
      '审核',
      '公示',
      '身份证号码',
      '敏感个人信息',
      '境内',
      '保存期限',
      '张**',
      '138****5678',
      '查阅、复制、更正',
      '联系方式',
    ]) {
      expect(PRIVACY_NOTICE.text).toContain(phrase);
    }
  });
});

describe('UsccInput', () => {
  it('normalises a valid code typed in lower case with spaces and hyphens', () => {
    const typed = `${USCC.slice(0, 6).toLowerCase()} ${USCC.slice(6, 12)}-${USCC.slice(12)}`;
    expect(UsccInput.parse(typed)).toBe(USCC);
    expect(UsccInput.parse('91350100M000100Y43')).toBe('91350100M000100Y43');
  });

  it("refuses an invalid code with the validator's message", () => {
    const bad = withWrongCheckChar(USCC);
    const expected = validateUscc(bad);
    expect(expected.ok).toBe(false);
    expect(errorsOf(UsccInput, bad)).toEqual({ '': [expected.ok ? '' : expected.message] });
    expect(errorsOf(UsccInput, '9143060')['']?.[0]).toContain('18位');
  });

  it('asks for a code when none is given', () => {
    expect(errorsOf(UsccInput, undefined)).toEqual({ '': ['请输入统一社会信用代码'] });
  });
});

describe('RegisterEnterprise', () => {
  it('accepts a complete registration and normalises the code and the mobile number', () => {
    const parsed = RegisterEnterprise.parse({
      ...selfRegistration,
      uscc: USCC.toLowerCase(),
      username: 'DongTingXian',
    });
    expect(parsed).toMatchObject({
      uscc: USCC,
      contactMobile: '13807301234',
      username: 'dongtingxian',
      totalAssetsFen: null,
    });
  });

  it('defaults size metrics that are not given to null, not zero', () => {
    const { employees: _e, totalAssetsFen: _t, ...rest } = selfRegistration;
    const parsed = RegisterEnterprise.parse({ ...rest, industry: 'agriculture' });
    expect(parsed.employees).toBeNull();
    expect(parsed.totalAssetsFen).toBeNull();
  });

  it('requires the metrics the industry is classified by, on their own fields', () => {
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, revenueFen: null })).toEqual({
      revenueFen: ['请填写营业收入（批发业按营业收入划型）'],
    });
    expect(
      errorsOf(RegisterEnterprise, { ...selfRegistration, industry: 'construction', revenueFen: null }),
    ).toEqual({
      revenueFen: ['请填写营业收入（建筑业按营业收入划型）'],
      totalAssetsFen: ['请填写资产总额（建筑业按资产总额划型）'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, industry: 'other', employees: null })).toEqual(
      {
        employees: ['请填写从业人员（其他未列明行业按从业人员划型）'],
      },
    );
  });

  it('accepts zero as a supplied metric', () => {
    expect(RegisterEnterprise.safeParse({ ...selfRegistration, employees: 0, revenueFen: 0 }).success).toBe(
      true,
    );
  });

  it('refuses negative, fractional or non-numeric metrics', () => {
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, employees: -1 })).toEqual({
      employees: ['从业人员不能为负数'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, employees: 2.5 })).toEqual({
      employees: ['从业人员应为整数'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, revenueFen: 10.5 })).toEqual({
      revenueFen: ['营业收入应为以分计的整数金额'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, totalAssetsFen: '100' })).toEqual({
      totalAssetsFen: ['资产总额应为有效金额'],
    });
  });

  it("refuses a bad USCC with the validator's message on `uscc`", () => {
    const errors = errorsOf(RegisterEnterprise, { ...selfRegistration, uscc: withWrongCheckChar(USCC) });
    expect(errors).toEqual({ uscc: ['第18位校验码不正确，请核对营业执照'] });
  });

  it('requires consent to the current version of the privacy notice', () => {
    const message = ['请阅读并同意个人信息保护告知书'];
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, privacyConsentVersion: '2025-01' })).toEqual({
      privacyConsentVersion: message,
    });
    const { privacyConsentVersion: _p, ...withoutConsent } = selfRegistration;
    expect(errorsOf(RegisterEnterprise, withoutConsent)).toEqual({ privacyConsentVersion: message });
  });

  it('applies the password policy, including not equal to the username', () => {
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, password: 'qq123456' })).toEqual({
      password: [PASSWORD_MESSAGES.common],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, password: 'DongTingXian' })).toEqual({
      password: ['密码不能与用户名相同'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, password: '1234567' })).toEqual({
      password: [PASSWORD_MESSAGES.tooShort],
    });
  });

  it('refuses an unknown industry in Chinese', () => {
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, industry: 'mining' })).toEqual({
      industry: ['请选择所属行业'],
    });
  });

  it('checks lengths of names, the district code, the year and the mobile number', () => {
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, name: '洞' })).toEqual({
      name: ['企业名称至少2个字'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, name: '洞'.repeat(101) })).toEqual({
      name: ['企业名称不能超过100个字'],
    });
    expect(RegisterEnterprise.safeParse({ ...selfRegistration, name: '洞'.repeat(100) }).success).toBe(true);
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, legalRepresentative: ' 王 ' })).toEqual({
      legalRepresentative: ['法定代表人姓名至少2个字'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, registeredDistrictCode: '43060' })).toEqual({
      registeredDistrictCode: ['登记地行政区划代码应为6位数字'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, reportingYear: 1999 })).toEqual({
      reportingYear: ['数据所属年度应在2000年至2100年之间'],
    });
    expect(RegisterEnterprise.safeParse({ ...selfRegistration, reportingYear: 2000 }).success).toBe(true);
    expect(RegisterEnterprise.safeParse({ ...selfRegistration, reportingYear: 2100 }).success).toBe(true);
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, reportingYear: 2101 })).toEqual({
      reportingYear: ['数据所属年度应在2000年至2100年之间'],
    });
    expect(errorsOf(RegisterEnterprise, { ...selfRegistration, contactMobile: '0730-8888888' })).toEqual({
      contactMobile: ['请输入正确的11位手机号码'],
    });
  });

  it('refuses an establishment date that is not a real date', () => {
    expect(
      errorsOf(RegisterEnterprise, { ...selfRegistration, establishedOn: '2023-02-29' }).establishedOn?.[0],
    ).toContain('YYYY-MM-DD');
  });

  it('reports every faulty field at once', () => {
    const errors = errorsOf(RegisterEnterprise, {
      ...selfRegistration,
      name: 'x',
      contactMobile: '123',
      password: 'short',
    });
    expect(Object.keys(errors).sort()).toEqual(['contactMobile', 'name', 'password']);
  });
});

describe('RegisterEnterpriseByStaff', () => {
  const byStaff = enterprise;
  const pilotCode = withWrongCheckChar(makeUscc('350200', 'M0001234'));

  it('registers from the licence without account or consent, and stores no override for a valid code', () => {
    const parsed = RegisterEnterpriseByStaff.parse({ ...byStaff, overrideReason: '不需要的说明文字' });
    expect(parsed).toMatchObject({ uscc: USCC, overrideReason: null });
    expect(parsed).not.toHaveProperty('username');
    expect(RegisterEnterpriseByStaff.parse({ ...byStaff, overrideReason: '' }).overrideReason).toBeNull();
    expect(RegisterEnterpriseByStaff.parse(byStaff).overrideReason).toBeNull();
  });

  it('refuses a code whose only fault is the check character when no reason is given, on both fields', () => {
    for (const overrideReason of [undefined, '', '   ']) {
      expect(errorsOf(RegisterEnterpriseByStaff, { ...byStaff, uscc: pilotCode, overrideReason })).toEqual({
        uscc: ['第18位校验码不正确，请核对营业执照'],
        overrideReason: ['校验码不符的代码（如早期试点地区发放的代码）须填写例外说明（5–500字）后才能登记'],
      });
    }
    expect(errorsOf(RegisterEnterpriseByStaff, { ...byStaff, uscc: pilotCode })).toEqual({
      uscc: ['第18位校验码不正确，请核对营业执照'],
      overrideReason: ['校验码不符的代码（如早期试点地区发放的代码）须填写例外说明（5–500字）后才能登记'],
    });
  });

  it('accepts that code with a reason of 5–500 characters and keeps the reason', () => {
    const reason = '厦门早期试点代码，已核对营业执照原件';
    const parsed = RegisterEnterpriseByStaff.parse({
      ...byStaff,
      uscc: pilotCode.toLowerCase(),
      overrideReason: ` ${reason} `,
    });
    expect(parsed).toMatchObject({ uscc: pilotCode, overrideReason: reason });
    expect(
      RegisterEnterpriseByStaff.safeParse({ ...byStaff, uscc: pilotCode, overrideReason: '核对执照原' })
        .success,
    ).toBe(true);
    expect(
      RegisterEnterpriseByStaff.safeParse({ ...byStaff, uscc: pilotCode, overrideReason: '说'.repeat(500) })
        .success,
    ).toBe(true);
  });

  it('refuses a reason shorter than 5 or longer than 500 characters', () => {
    expect(
      errorsOf(RegisterEnterpriseByStaff, { ...byStaff, uscc: pilotCode, overrideReason: '核对执照' }),
    ).toEqual({
      overrideReason: ['例外说明至少5个字'],
    });
    expect(
      errorsOf(RegisterEnterpriseByStaff, { ...byStaff, uscc: pilotCode, overrideReason: '说'.repeat(501) }),
    ).toEqual({
      overrideReason: ['例外说明不能超过500个字'],
    });
  });

  it('refuses every other fault even with a reason', () => {
    const reason = '已核对营业执照原件';
    const orgBody = 'M0001234';
    const badOrgCheck = (() => {
      const wrongOrg = orgCheck(orgBody) === '1' ? '2' : '1';
      const first17 = `91350200${orgBody}${wrongOrg}`;
      return first17 + usccCheckChar(first17); // check character right, embedded organisation code wrong
    })();
    const bothWrong = withWrongCheckChar(badOrgCheck);
    for (const uscc of [
      badOrgCheck,
      bothWrong,
      USCC.slice(0, 17),
      `${USCC.slice(0, 17)}I`,
      `00${USCC.slice(2)}`,
    ]) {
      const failure = validateUscc(uscc);
      expect(failure.ok).toBe(false);
      expect(failure.ok || failure.reason).not.toBe('check-char');
      expect(errorsOf(RegisterEnterpriseByStaff, { ...byStaff, uscc, overrideReason: reason })).toEqual({
        uscc: [failure.ok ? '' : failure.message],
      });
    }
  });

  it('still requires the size metrics of the industry', () => {
    expect(errorsOf(RegisterEnterpriseByStaff, { ...byStaff, employees: null })).toEqual({
      employees: ['请填写从业人员（批发业按从业人员划型）'],
    });
  });
});

describe('RegisterFounder', () => {
  const founder = {
    name: '刘洋',
    school: '湖南理工学院',
    graduationYear: 2024,
    idNumber: ID_NUMBER.toLowerCase(),
    mobile: '+86 139 0730 5678',
    ...account,
    username: 'liuyang2024',
  };

  it('accepts a student or graduate with a valid ID number and normalises it', () => {
    expect(RegisterFounder.parse(founder)).toMatchObject({
      idNumber: ID_NUMBER,
      mobile: '13907305678',
      username: 'liuyang2024',
    });
  });

  it('refuses an ID number with a wrong check digit on `idNumber`', () => {
    const wrong = ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '0' ? '1' : '0');
    expect(errorsOf(RegisterFounder, { ...founder, idNumber: wrong })).toEqual({
      idNumber: ['身份证号码校验位不正确，请核对后重新输入'],
    });
    expect(errorsOf(RegisterFounder, { ...founder, idNumber: '4306' })).toEqual({
      idNumber: ['身份证号码应为18位'],
    });
  });

  it('accepts graduation years 1980–2100 only', () => {
    expect(RegisterFounder.safeParse({ ...founder, graduationYear: 1980 }).success).toBe(true);
    expect(RegisterFounder.safeParse({ ...founder, graduationYear: 2100 }).success).toBe(true);
    expect(errorsOf(RegisterFounder, { ...founder, graduationYear: 1979 })).toEqual({
      graduationYear: ['毕业年份应在1980年至2100年之间'],
    });
    expect(errorsOf(RegisterFounder, { ...founder, graduationYear: 2101 })).toEqual({
      graduationYear: ['毕业年份应在1980年至2100年之间'],
    });
  });

  it('checks name and school lengths, the mobile, consent and password', () => {
    expect(errorsOf(RegisterFounder, { ...founder, name: '刘'.repeat(31) })).toEqual({
      name: ['姓名不能超过30个字'],
    });
    expect(errorsOf(RegisterFounder, { ...founder, school: '湖' })).toEqual({
      school: ['学校名称至少2个字'],
    });
    expect(errorsOf(RegisterFounder, { ...founder, mobile: '1290730567' })).toEqual({
      mobile: ['请输入正确的11位手机号码'],
    });
    expect(errorsOf(RegisterFounder, { ...founder, privacyConsentVersion: false })).toEqual({
      privacyConsentVersion: ['请阅读并同意个人信息保护告知书'],
    });
    expect(errorsOf(RegisterFounder, { ...founder, password: 'liuyang2024' })).toEqual({
      password: ['密码不能与用户名相同'],
    });
  });
});

describe('ReportUsccDispute', () => {
  const dispute = {
    uscc: withWrongCheckChar(USCC),
    contactName: '王建国',
    contactMobile: '13807301234',
    description: '我公司的统一社会信用代码已被他人注册，请核实。',
  };

  it('checks only the format of the code, so a code the validator rejects can still be reported', () => {
    expect(ReportUsccDispute.parse({ ...dispute, uscc: ` ${dispute.uscc.toLowerCase()} ` })).toMatchObject({
      uscc: dispute.uscc,
    });
  });

  it('refuses a code that is not 18 letters or digits', () => {
    const message = ['统一社会信用代码应为18位数字或大写字母'];
    expect(errorsOf(ReportUsccDispute, { ...dispute, uscc: USCC.slice(0, 17) })).toEqual({ uscc: message });
    expect(errorsOf(ReportUsccDispute, { ...dispute, uscc: `${USCC.slice(0, 17)}*` })).toEqual({
      uscc: message,
    });
  });

  it('needs a description of 10–1000 characters', () => {
    expect(errorsOf(ReportUsccDispute, { ...dispute, description: '代码被他人注册了请查' })).toEqual({});
    expect(errorsOf(ReportUsccDispute, { ...dispute, description: '代码被他人注册请查' })).toEqual({
      description: ['情况说明至少10个字'],
    });
    expect(errorsOf(ReportUsccDispute, { ...dispute, description: '说'.repeat(1001) })).toEqual({
      description: ['情况说明不能超过1000个字'],
    });
  });

  it('needs a real-name contact with a mobile number', () => {
    expect(errorsOf(ReportUsccDispute, { ...dispute, contactName: '', contactMobile: 'x' })).toEqual({
      contactName: ['联系人姓名至少2个字'],
      contactMobile: ['请输入正确的11位手机号码'],
    });
  });
});

describe('list queries and IdInput', () => {
  it('filters enterprises by text and verification state, paginated', () => {
    expect(EnterpriseListQuery.parse({ q: ' 洞庭 ', verification: 'unverified', page: 2 })).toEqual({
      q: '洞庭',
      verification: 'unverified',
      page: 2,
      pageSize: 20,
    });
    expect(errorsOf(EnterpriseListQuery, { verification: 'pending' })).toEqual({
      verification: ['核验状态无效'],
    });
    expect(errorsOf(EnterpriseListQuery, { q: '洞'.repeat(51) })).toEqual({ q: ['搜索内容不能超过50个字'] });
  });

  it('filters founders by text, paginated', () => {
    expect(FounderListQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(errorsOf(FounderListQuery, { pageSize: 101 })).toEqual({ pageSize: ['每页最多100条'] });
  });

  it('takes a positive integer id', () => {
    expect(IdInput.parse({ id: 1 })).toEqual({ id: 1 });
    for (const id of [0, -3, 2.5, '1', null]) expect(errorsOf(IdInput, { id })).toEqual({ id: ['编号无效'] });
  });
});

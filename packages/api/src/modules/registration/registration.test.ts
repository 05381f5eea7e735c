import { findUnmaskedPersonalData, PRIVACY_NOTICE } from '@fund/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BAD_CHECK_CHAR_USCC,
  enterpriseInput,
  founderInput,
  FREE_USCCS,
  ID_NUMBER_REGEX,
  idNumber,
  MOBILE_REGEX,
  rowCounts,
  signedIn,
  startAccountServer,
} from '../../test/account-fixtures';
import { CookieJar, type TestServer } from '../../test/harness';

describe('enterprise registration in the portal', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('registers the enterprise, signs its new applicant in and shows size class, stage, unverified and what is missing', async () => {
    const jar = new CookieJar();
    const c = server.client({ jar });
    const me = await c.registration.registerEnterprise.mutate(enterpriseInput());
    expect(me).toMatchObject({
      username: 'ceshi.keji',
      displayName: '岳阳测试科技有限公司',
      roles: ['applicant'],
      enterpriseId: expect.any(Number),
      founderId: null,
      mustChangePassword: false,
    });
    expect(jar.get('fund_sid')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await c.auth.me.query()).toEqual(me);

    const profile = await c.enterprises.mine.query();
    expect(profile).toMatchObject({
      id: me.enterpriseId,
      uscc: FREE_USCCS[0],
      industryLabel: '软件和信息技术服务业',
      sizeClass: 'small',
      sizeLabel: '小型',
      sizeProblem: null,
      stage: 'startup',
      stageLabel: '初创期',
      inDistrict: true,
      verification: 'unverified',
      sizeDataSource: 'self-declared',
      contactMobileMasked: '138****5678',
      dishonest: false,
      usccOverrideReason: null,
    });
    expect(profile.missing).toEqual(['上传营业执照并等待工作人员核验', '填写并核验收款银行账户']);
    expect(JSON.stringify(profile)).not.toContain('13812345678');

    const row = server.sqlite
      .prepare(
        'select contact_mobile_enc, contact_mobile_bidx, privacy_consent_version, privacy_consent_at, owner_user_id from enterprise where id = ?',
      )
      .get(me.enterpriseId) as Record<string, unknown>;
    expect(row).toMatchObject({
      privacy_consent_version: PRIVACY_NOTICE.version,
      privacy_consent_at: '2026-11-26T02:00:00.000Z',
      owner_user_id: me.id,
    });
    expect(server.pii.decryptField(row.contact_mobile_enc as string)).toBe('13812345678');
    expect(row.contact_mobile_bidx).toMatch(/^[0-9a-f]{64}$/);
    const actions = (
      server.sqlite.prepare('select action from audit_event order by seq desc limit 2').all() as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(['enterprise.register', 'user.register']);
  });

  it('refuses a USCC that is already registered, and writes nothing', async () => {
    const before = rowCounts(server);
    await expect(
      server
        .client()
        .registration.registerEnterprise.mutate(
          enterpriseInput({ uscc: '91430602MA4L2C3D21', username: 'second.try' }),
        ),
    ).rejects.toMatchObject({
      message: '该统一社会信用代码已注册。如认为被他人冒用，请通过“申诉”提交材料，工作人员将核实处理',
      data: { code: 'CONFLICT', domainCode: 'ENTERPRISE.DUPLICATE_USCC' },
    });
    expect(rowCounts(server)).toEqual(before);
  });

  it('recognises a duplicate typed with spaces, hyphens and lower case', async () => {
    await expect(
      server
        .client()
        .registration.registerEnterprise.mutate(
          enterpriseInput({ uscc: '91 4306-02ma4l2c3d21', username: 'third.try' }),
        ),
    ).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
  });

  it('refuses a username that is taken', async () => {
    const before = rowCounts(server);
    await expect(
      server
        .client()
        .registration.registerEnterprise.mutate(
          enterpriseInput({ uscc: FREE_USCCS[1], username: 'reviewer' }),
        ),
    ).rejects.toMatchObject({ message: '该用户名已被使用，请换一个', data: { code: 'CONFLICT' } });
    expect(rowCounts(server)).toEqual(before);
  });

  it('refuses a failing check character in the portal with the validator’s Chinese message', async () => {
    const before = rowCounts(server);
    await expect(
      server
        .client()
        .registration.registerEnterprise.mutate(
          enterpriseInput({ uscc: BAD_CHECK_CHAR_USCC, username: 'pilot.code' }),
        ),
    ).rejects.toMatchObject({
      message: '输入有误：第18位校验码不正确，请核对营业执照',
      data: { code: 'BAD_REQUEST', fieldErrors: { uscc: '第18位校验码不正确，请核对营业执照' } },
    });
    expect(rowCounts(server)).toEqual(before);
  });

  it('refuses bad input with BAD_REQUEST, Chinese field messages, and nothing written', async () => {
    const before = rowCounts(server);
    const error = await server
      .client()
      .registration.registerEnterprise.mutate(
        enterpriseInput({
          uscc: FREE_USCCS[1],
          username: 'bad.input',
          contactMobile: '12345',
          employees: null,
          password: 'short',
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { code: 'BAD_REQUEST', domainCode: 'INPUT.INVALID' } });
    const { message, data } = error as { message: string; data: { fieldErrors: Record<string, string> } };
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(data.fieldErrors).toMatchObject({
      contactMobile: '请输入正确的11位手机号码',
      employees: expect.stringContaining('从业人员'),
      password: expect.stringContaining('至少需要8个字符'),
    });
    expect(rowCounts(server)).toEqual(before);
  });

  it('refuses registration without agreeing to the current privacy notice', async () => {
    await expect(
      server
        .client()
        .registration.registerEnterprise.mutate(
          enterpriseInput({ uscc: FREE_USCCS[1], username: 'no.consent', privacyConsentVersion: '2020-01' }),
        ),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { privacyConsentVersion: '请阅读并同意个人信息保护告知书' } },
    });
  });

  it('refuses an establishment date after today', async () => {
    const before = rowCounts(server);
    await expect(
      server
        .client()
        .registration.registerEnterprise.mutate(
          enterpriseInput({ uscc: FREE_USCCS[1], username: 'future.firm', establishedOn: '2026-11-27' }),
        ),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', domainCode: 'ENTERPRISE.ESTABLISHED_IN_FUTURE' },
    });
    expect(rowCounts(server)).toEqual(before);
  });

  it('checks a USCC as it is typed: verdict, normalised form, region and whether it is taken', async () => {
    const c = server.client();
    expect(await c.registration.checkUscc.query({ uscc: '91430602ma4l2c3d21' })).toEqual({
      ok: true,
      normalized: '91430602MA4L2C3D21',
      warnings: [],
      regionCode: '430602',
      taken: true,
    });
    expect(await c.registration.checkUscc.query({ uscc: FREE_USCCS[2] })).toMatchObject({
      ok: true,
      taken: false,
    });
    expect(await c.registration.checkUscc.query({ uscc: BAD_CHECK_CHAR_USCC })).toEqual({
      ok: false,
      message: '第18位校验码不正确，请核对营业执照',
      warnings: [],
      taken: false,
    });
  });

  it('takes a USCC dispute for staff, keeping the mobile only encrypted and masked', async () => {
    const res = await server.client().registration.reportDispute.mutate({
      uscc: '91430602MA4L2C3D21',
      contactName: '李秋云',
      contactMobile: '13700001111',
      description: '我公司从未在本平台注册，疑似被他人冒用，请核实。',
    });
    expect(res).toEqual({ ok: true, disputeId: expect.any(Number) });
    const row = server.sqlite.prepare('select * from uscc_dispute where id = ?').get(res.disputeId) as Record<
      string,
      string
    >;
    expect(row).toMatchObject({
      uscc: '91430602MA4L2C3D21',
      contact_mobile_masked: '137****1111',
      status: 'open',
    });
    expect(JSON.stringify(row)).not.toContain('13700001111');
  });

  it('serves the privacy notice', async () => {
    expect(await server.client().registration.privacyNotice.query()).toEqual({
      version: PRIVACY_NOTICE.version,
      title: PRIVACY_NOTICE.title,
      text: PRIVACY_NOTICE.text,
    });
  });
});

describe('enterprise registration by staff', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const staffInput = (overrides: Record<string, unknown> = {}) => {
    const { username: _u, password: _p, privacyConsentVersion: _v, ...rest } = enterpriseInput();
    return { ...rest, name: '岳阳试点企业有限公司', ...overrides };
  };

  it('accepts a failing check character from a reviewer who gives a reason, and audits the reason', async () => {
    const { client } = await signedIn(server, 'reviewer');
    const reason = '厦门早期试点代码，已核对营业执照原件';
    const { id } = await client.enterprises.registerByStaff.mutate(
      staffInput({ uscc: BAD_CHECK_CHAR_USCC, overrideReason: reason }),
    );
    const profile = await client.enterprises.get.query({ id });
    expect(profile).toMatchObject({
      uscc: BAD_CHECK_CHAR_USCC,
      usccOverrideReason: reason,
      verification: 'unverified',
    });
    expect(
      server.sqlite
        .prepare('select owner_user_id, privacy_consent_version from enterprise where id = ?')
        .get(id),
    ).toEqual({
      owner_user_id: null,
      privacy_consent_version: null,
    });
    const audit = server.sqlite
      .prepare(
        "select actor_name, summary, payload_json from audit_event where action = 'enterprise.registerByStaff' and object_id = ?",
      )
      .get(String(id)) as { actor_name: string; summary: string; payload_json: string };
    expect(audit.actor_name).toBe('王审核（区人社局）');
    expect(audit.summary).toContain(reason);
    expect(JSON.parse(audit.payload_json)).toMatchObject({ details: { overrideReason: reason } });
  });

  it('refuses a failing check character from staff without a reason', async () => {
    const { client } = await signedIn(server, 'admin');
    const before = rowCounts(server);
    await expect(
      client.enterprises.registerByStaff.mutate(staffInput({ uscc: '91430602MA4LE25D35' })),
    ).rejects.toMatchObject({
      data: {
        code: 'BAD_REQUEST',
        fieldErrors: {
          uscc: '第18位校验码不正确，请核对营业执照',
          overrideReason: expect.stringContaining('例外说明'),
        },
      },
    });
    expect(rowCounts(server)).toEqual(before);
  });

  it('registers a valid code without keeping a reason', async () => {
    const { client } = await signedIn(server, 'admin');
    const { id } = await client.enterprises.registerByStaff.mutate(
      staffInput({ uscc: FREE_USCCS[1], overrideReason: '无需说明的说明' }),
    );
    expect(await client.enterprises.get.query({ id })).toMatchObject({ usccOverrideReason: null });
  });

  it('refuses a duplicate USCC from staff too', async () => {
    const { client } = await signedIn(server, 'reviewer');
    await expect(
      client.enterprises.registerByStaff.mutate(staffInput({ uscc: '91430602MA4L3E4F6B' })),
    ).rejects.toMatchObject({
      data: { code: 'CONFLICT', domainCode: 'ENTERPRISE.DUPLICATE_USCC' },
    });
  });

  it('is closed to roles without enterprise.registerByStaff', async () => {
    const { client } = await signedIn(server, 'finance');
    await expect(
      client.enterprises.registerByStaff.mutate(staffInput({ uscc: FREE_USCCS[2] })),
    ).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(
      server.client().enterprises.registerByStaff.mutate(staffInput({ uscc: FREE_USCCS[2] })),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});

describe('founder registration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startAccountServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('registers a founder, signs them in and shows only masked personal data', async () => {
    const jar = new CookieJar();
    const c = server.client({ jar });
    const me = await c.registration.registerFounder.mutate(founderInput());
    expect(me).toMatchObject({
      username: 'zhao.xiaolong',
      roles: ['founder'],
      founderId: expect.any(Number),
      enterpriseId: null,
    });
    expect(jar.get('fund_sid')).toBeDefined();
    const profile = await c.founders.mine.query();
    expect(profile).toEqual({
      id: me.founderId,
      name: '赵小龙',
      school: '湖南理工学院',
      graduationYear: 2025,
      idNumberMasked: `430602********${founderInput().idNumber.slice(-4)}`,
      mobileMasked: '139****5678',
      createdAt: '2026-11-26T02:00:00.000Z',
    });
  });

  it('refuses an ID number that is already registered (found through its blind index)', async () => {
    const before = rowCounts(server);
    await expect(
      server
        .client()
        .registration.registerFounder.mutate(
          founderInput({ username: 'someone.else', idNumber: founderInput().idNumber.toLowerCase() }),
        ),
    ).rejects.toMatchObject({
      message: '该身份证号码已注册。如非本人操作，请联系工作人员核实处理',
      data: { code: 'CONFLICT', domainCode: 'FOUNDER.DUPLICATE_ID_NUMBER' },
    });
    expect(rowCounts(server)).toEqual(before);
  });

  it('refuses an ID number with a wrong check character, and one whose birth date is after today', async () => {
    const good = idNumber('20010101', '456');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await expect(
      server
        .client()
        .registration.registerFounder.mutate(founderInput({ username: 'check.char', idNumber: wrong })),
    ).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', fieldErrors: { idNumber: '身份证号码校验位不正确，请核对后重新输入' } },
    });
    await expect(
      server
        .client()
        .registration.registerFounder.mutate(
          founderInput({ username: 'unborn.yet', idNumber: idNumber('20261201') }),
        ),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST', domainCode: 'FOUNDER.ID_NUMBER_INVALID' } });
  });
});

describe('personal data stays out of logs and the audit log', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startAccountServer({ logStream: { write: (line: string) => void logLines.push(line) } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('never writes a submitted mobile or ID number to the server log or to audit rows', async () => {
    const mobile = '13698765432';
    const id = idNumber('19990521', '357');
    await server
      .client()
      .registration.registerEnterprise.mutate(
        enterpriseInput({ contactMobile: mobile, username: 'log.check' }),
      );
    await server
      .client()
      .registration.registerFounder.mutate(
        founderInput({ mobile: '13512348765', idNumber: id, username: 'log.founder' }),
      );
    await server.client().registration.reportDispute.mutate({
      uscc: FREE_USCCS[2],
      contactName: '王五',
      contactMobile: '13311112222',
      description: '测试申诉：请核实该代码的注册情况。',
    });
    // Failures are logged and audited too: a bad sign-in with a mobile typed as the username, a bad registration.
    await server
      .client()
      .auth.signIn.mutate({ username: '13344445555', password: 'wrong password' })
      .catch(() => undefined);
    await server
      .client()
      .registration.registerFounder.mutate(
        founderInput({ mobile: '13466667777', idNumber: id, username: 'dup.founder' }),
      )
      .catch(() => undefined);

    const log = logLines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const value of [mobile, id, '13512348765', '13311112222', '13344445555', '13466667777'])
      expect(log).not.toContain(value);
    expect(findUnmaskedPersonalData(log)).toEqual([]);

    const rows = server.sqlite
      .prepare('select actor_name, action, object_id, summary, payload_json from audit_event')
      .all() as Record<string, string | null>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const text = Object.values(row).join(' ');
      expect(text).not.toMatch(MOBILE_REGEX);
      expect(text).not.toMatch(ID_NUMBER_REGEX);
    }
  });
});

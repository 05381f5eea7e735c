/** The staff worklists the admin console needs: enterprises awaiting verification, and clawbacks to recover. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/harness';
import { awardData, key, signedIn, startFundingServer, uploadOk } from './test/fixtures';
import { AFTER_NOTICE, apply, AWARD_DOCS, createProgramme, recommendAndPublish } from './test/flow';

describe('verification.queue and clawbacks.list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startFundingServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists an enterprise once its licence or bank account waits for a reviewer, and no longer once decided', async () => {
    const reviewer = (await signedIn(server, 'reviewer')).client;
    const applicant = await signedIn(server, 'applicant');
    const me = await applicant.client.enterprises.mine.query();
    const pending = () => reviewer.verification.queue.query({ page: 1, pageSize: 20 });
    expect((await pending()).items.map((i) => i.id)).not.toContain(me.id);

    const licenceId = await uploadOk(server, applicant.jar, 'business-licence');
    await applicant.client.verification.submitBankAccount.mutate({
      bank: '中国工商银行岳阳分行',
      accountName: me.name,
      accountNumber: '6222021234567890123',
    });
    const listed = (await pending()).items.find((i) => i.id === me.id);
    expect(listed).toMatchObject({ name: me.name, verification: 'unverified', pendingBankAccounts: 1 });
    expect(listed?.licenceUploadedAt).toEqual(expect.any(String));

    await reviewer.verification.verifyEnterprise.mutate({
      enterpriseId: me.id,
      licenceDocumentId: licenceId,
      registeredDistrictCode: '430602',
      note: '营业执照核验一致',
    });
    expect((await pending()).items.find((i) => i.id === me.id)).toMatchObject({ verification: 'verified' });
    const { bankAccounts } = await reviewer.verification.ofEnterprise.query({ enterpriseId: me.id });
    await reviewer.verification.verifyBankAccount.mutate({
      accountId: bankAccounts[0]!.id,
      decision: 'verified',
      reason: '开户许可证与户名一致',
    });
    expect((await pending()).items.map((i) => i.id)).not.toContain(me.id);

    // Every enterprise, searchable by name or USCC (to find one to flag as 失信).
    const all = await reviewer.verification.queue.query({
      page: 1,
      pageSize: 20,
      pendingOnly: false,
      q: me.uscc.slice(0, 10).toLowerCase(),
    });
    expect(all.items.map((i) => i.id)).toContain(me.id);
    await expect(applicant.client.verification.queue.query({ page: 1, pageSize: 20 })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  it('lists a clawback with what is still outstanding', async () => {
    const admin = (await signedIn(server, 'admin')).client;
    let reviewer = (await signedIn(server, 'reviewer')).client;
    const applicant = await signedIn(server, 'applicant');
    const programmeId = await createProgramme(admin, {
      name: '2026年度以奖代投',
      scheme: 'award-in-lieu-of-investment',
      budgetFen: 50_000_000,
    });
    const caseId = await apply(server, applicant, programmeId, awardData(), AWARD_DOCS);
    await recommendAndPublish(reviewer, caseId);
    server.clock.freeze(AFTER_NOTICE);
    const finance = (await signedIn(server, 'finance')).client;
    const { disbursementId } = await finance.finance.approve.mutate({ caseId, idempotencyKey: key() });
    await finance.finance.recordPayment.mutate({
      disbursementId,
      voucherNo: 'GK-0009',
      paidOn: '2026-12-04',
      idempotencyKey: key(),
    });
    reviewer = (await signedIn(server, 'reviewer')).client;
    const { clawbackId, amountFen } = await reviewer.clawbacks.record.mutate({
      caseId,
      ground: 'false-material',
      reason: '申报材料虚假',
    });
    const listed = await finance.clawbacks.list.query({ page: 1, pageSize: 20, outstandingOnly: true });
    expect(listed.items[0]).toMatchObject({
      id: clawbackId,
      caseId,
      amountFen,
      recoveredFen: 0,
      outstandingFen: amountFen,
    });
    await finance.clawbacks.recordRecovery.mutate({
      clawbackId,
      amountFen,
      receivedOn: '2026-12-05',
      idempotencyKey: key(),
    });
    expect((await finance.clawbacks.list.query({ page: 1, pageSize: 20, outstandingOnly: true })).total).toBe(
      0,
    );
    expect((await reviewer.clawbacks.list.query({ page: 1, pageSize: 20 })).items[0]).toMatchObject({
      outstandingFen: 0,
    });
  });
});

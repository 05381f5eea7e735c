import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../shared/zod-form';
import { schemaFor, toApplicationInput, valuesFromData, type ApplicationKind } from './application-form';

const loan: ApplicationKind = { scheme: 'loan', mode: 'lpr-spread' };

const typed = {
  bankName: '中国建设银行岳阳分行',
  contractNo: 'JH-2026-0315',
  contractSignedOn: dayjs('2026-03-15'),
  maturityOn: dayjs('2027-03-15'),
  principalFen: '200万',
  contractRatePct: '3.5%',
  segments: [{ principalFen: '200万', start: dayjs('2026-03-15'), endExclusive: dayjs('2026-09-15') }],
};

describe('application form ↔ LoanApplicationData', () => {
  it('reads 万元 amounts, picked days and a rate typed with % into the domain schema', () => {
    const { input, errors } = toApplicationInput(loan)(typed);
    expect(errors).toEqual([]);
    const parsed = parseWith(schemaFor(loan), input);
    expect(parsed.ok).toBe(true);
    expect(input).toMatchObject({
      mode: 'lpr-spread',
      principalFen: 200_000_000,
      contractRatePct: '3.5',
      segments: [{ principalFen: 200_000_000, start: '2026-03-15', endExclusive: '2026-09-15' }],
    });
  });

  it('names the missing date, rate and unreadable amount on their own fields', () => {
    const { errors } = toApplicationInput(loan)({
      ...typed,
      maturityOn: null,
      contractRatePct: '',
      segments: [{ principalFen: '二百万', start: dayjs('2026-03-15'), endExclusive: null }],
    });
    expect(errors?.map((e) => e.name.join('.'))).toEqual([
      'maturityOn',
      'contractRatePct',
      'segments.0.principalFen',
      'segments.0.endExclusive',
    ]);
    expect(errors?.[0]?.errors).toEqual(['请选择到期日']);
  });

  it('puts a saved draft back into the form as it was typed (amounts in 元)', () => {
    const { input } = toApplicationInput(loan)(typed);
    const values = valuesFromData(input);
    expect(values.principalFen).toBe('2000000.00');
    expect(values.contractSignedOn?.format('YYYY-MM-DD')).toBe('2026-03-15');
    expect(values.segments?.[0]?.endExclusive?.format('YYYY-MM-DD')).toBe('2026-09-15');
  });
});

describe('application form ↔ AwardApplicationData', () => {
  it('splits patent numbers typed one per line or separated by 、', () => {
    const { input } = toApplicationInput({ scheme: 'award' })({
      kind: 'patents',
      patentNumbers: 'ZL202310123456.7\nZL202310654321.X、 ',
    });
    expect(input).toEqual({ kind: 'patents', patentNumbers: ['ZL202310123456.7', 'ZL202310654321.X'] });
  });
});

import { describe, expect, it } from 'vitest';
import { moneyField, moneyPreview } from './money';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/enterprises?page=2')).toBe('/enterprises?page=2');
  });
  it('refuses other origins and protocol-relative paths', () => {
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('/\\evil.example/')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

describe('moneyField', () => {
  it('reads 万元 and 元 amounts into fen with the domain parser', () => {
    expect(moneyField('12.5万', ['revenueFen'])).toEqual({ fen: 12_500_000, error: null });
    expect(moneyField('1,234.56元', ['revenueFen'])).toEqual({ fen: 123_456, error: null });
  });
  it('treats an empty input as not given, never as zero', () => {
    expect(moneyField('  ', ['revenueFen'])).toEqual({ fen: null, error: null });
    expect(moneyField(undefined, ['revenueFen'])).toEqual({ fen: null, error: null });
  });
  it('puts the parser message on the field', () => {
    const r = moneyField('十二万', ['totalAssetsFen']);
    expect(r.fen).toBeNull();
    expect(r.error?.name).toEqual(['totalAssetsFen']);
    expect(r.error?.errors[0]).toMatch(/[\u4e00-\u9fff]/);
  });
  it('previews what an amount reads as', () => {
    expect(moneyPreview('125万')).toBe('¥1,250,000.00');
    expect(moneyPreview('abc')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sanitiseFileName, sniffMime } from './documents.service';

describe('document type and name checks', () => {
  it('recognises PDF, PNG and JPEG by their first bytes and nothing else', () => {
    expect(sniffMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(sniffMime(Buffer.from(' %PDF-1.7'))).toBeNull();
  });

  it('keeps only the last path segment of a name and drops control and quoting characters', () => {
    expect(sanitiseFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(sanitiseFileName('C:\\证照\\营业执照"\r\n.pdf', 'application/pdf')).toBe('营业执照.pdf');
    expect(sanitiseFileName('.htaccess', 'image/png')).toBe('document.png');
    expect(sanitiseFileName(undefined, 'image/jpeg')).toBe('document.jpg');
  });
});

/**
 * Field-level encryption of personal data (PIPL Art. 28/51, reliability-security.md §4; docs/decisions/
 * 002-personal-data-columns.md). AES-256-GCM with a fresh 96-bit IV per value; an HMAC-SHA256 "blind index" for
 * equality look-ups (duplicate ID numbers, an account's mobile) without decrypting.
 *
 * Both keys are derived from DATA_KEY with HKDF-SHA256 under distinct `info` strings, so the encryption key and the
 * index keys are independent, and each index purpose has its own key (indexes of different purposes cannot be joined).
 * Callers normalise before indexing (e.g. `validateIdNumber(...).normalized`), otherwise equal values differ.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from('fund-platform/pii', 'utf8');

export class PiiDecryptError extends Error {
  override readonly name = 'PiiDecryptError';
  constructor(reason: string) {
    super(`个人信息密文无法解密 (${reason})`);
  }
}

export interface Pii {
  /** `'v1:' + base64(iv | ciphertext | tag)`; a different output every call for the same input. */
  encryptField(plain: string): string;
  /** Throws PiiDecryptError when the value was altered, truncated, or written under another key. */
  decryptField(stored: string): string;
  /** Hex HMAC-SHA256 of `plain` under the key for `purpose` (e.g. 'founder.idNumber'); stable for equal input. */
  blindIndex(plain: string, purpose: string): string;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, SALT, Buffer.from(info, 'utf8'), 32));
}

export function createPii(dataKey: Buffer): Pii {
  if (dataKey.length !== 32) throw new Error('DATA_KEY must be 32 bytes');
  const encKey = derive(dataKey, `fund/pii/aes-256-gcm/${VERSION}`);
  const indexKeys = new Map<string, Buffer>();
  const indexKey = (purpose: string) => {
    let k = indexKeys.get(purpose);
    if (!k) {
      k = derive(dataKey, `fund/pii/blind-index/${VERSION}/${purpose}`);
      indexKeys.set(purpose, k);
    }
    return k;
  };

  return {
    encryptField(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
    },
    decryptField(stored) {
      const sep = stored.indexOf(':');
      const version = sep > 0 ? stored.slice(0, sep) : '';
      if (version !== VERSION) throw new PiiDecryptError(`unknown key version "${version}"`);
      const raw = Buffer.from(stored.slice(sep + 1), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new PiiDecryptError('too short');
      const iv = raw.subarray(0, IV_BYTES);
      const tag = raw.subarray(raw.length - TAG_BYTES);
      const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw new PiiDecryptError('authentication failed');
      }
    },
    blindIndex(plain, purpose) {
      if (!purpose) throw new Error('blindIndex needs a purpose');
      return createHmac('sha256', indexKey(purpose)).update(plain, 'utf8').digest('hex');
    },
  };
}

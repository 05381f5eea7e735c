import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo password the e2e server is started with (playwright.config.ts). */
export const DEMO_PASSWORD = 'Demo-Pass-2026!';

const screensDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'screens');

/** Keeps a full-page screenshot of what the user sees as a test artifact (tests/artifacts/screens). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
}

/** Computes a valid 统一社会信用代码 (GB 32100-2015) for a given 17-character body with a valid org-code check. */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function usccWithCheckChar(first17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]!) * w[i]!;
  const c = 31 - (sum % 31);
  return first17 + CHARS[c === 31 ? 0 : c]!;
}

/** A fresh, valid USCC registered in 岳阳楼区 (430602), unique per call within a run. */
export function freshUscc(seed: number): string {
  const body = String(10_000_000 + (seed % 89_999_999)).padStart(8, '0').slice(-8);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * orgWeights[i]!;
  const r = 11 - (s % 11);
  const orgCheck = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  return usccWithCheckChar(`91430602${body}${orgCheck}`);
}

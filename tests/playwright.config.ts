import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './e2e/support';

// The journeys run against exactly the production server process (one origin: /trpc, portal at /, admin at /admin/)
// on a fresh temporary SQLite database, with the test clock enabled and cheap password hashing.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'fund-e2e-')));

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: 'artifacts/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: 'pnpm --filter @fund/api start',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FUND_TEST_MODE: '1',
      PASSWORD_HASH_PROFILE: 'fast',
      DEMO_PASSWORD,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // A staff sign-in through the console takes two attempts (the password, then the password with the code), and
      // the journeys sign the demo reviewer in about ten times within 15 minutes; the limits are tested in the API.
      SIGNIN_RATE_PER_ACCOUNT: '40',
    },
  },
});

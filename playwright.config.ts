// Browser tests run the web build in Chromium: Debian's where it is installed, else Playwright's own.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const debianChromium = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));
const port = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    // A step that cannot happen (a click on a button that never comes, a drop-down that never opens) fails
    // in 30 s naming its locator, not at the test's timeout with no word of where it stood (CI saw that once).
    actionTimeout: 30_000,
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(debianChromium ? { executablePath: debianChromium } : {}),
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

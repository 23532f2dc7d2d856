// The browser tests' `test`: Playwright's, plus the browser's own log (errors, warnings, uncaught
// exceptions, navigations) printed when a test fails, so a CI failure says what the page went through.
import { test as base, type BrowserContext, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** Records what the pages of `context` report into `log`, now and for pages opened later. */
export function watchBrowser(context: BrowserContext, log: string[]): void {
  const stamp = () => new Date().toISOString().slice(11, 23);
  const attach = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log.push(`${stamp()} [${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => log.push(`${stamp()} [uncaught] ${e.stack ?? e.message}`));
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) log.push(`${stamp()} [navigated] ${f.url()}`);
    });
  };
  context.pages().forEach(attach);
  context.on('page', attach);
}

export const test = base.extend<{ browserLog: string[] }>({
  browserLog: [
    async ({ context }, use, testInfo) => {
      const log: string[] = [];
      watchBrowser(context, log);
      await use(log);
      if (testInfo.status !== testInfo.expectedStatus && log.length) {
        console.log(`\nbrowser log of “${testInfo.title}”:\n${log.join('\n')}\n`);
      }
    },
    { auto: true },
  ],
});

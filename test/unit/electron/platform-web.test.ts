// The web platform's pure parts (web.ts itself needs a DOM and is covered by the browser tests).
import { describe, expect, it } from 'vitest';
import { acceptAttribute } from '../../../src-renderer/platform/accept';
import { isExternalLinkAllowed } from '../../../src-shared/platform-api';

describe('web platform: accept list for the file input', () => {
  it('lists the extensions of every filter, once, lower-case, with a dot', () => {
    expect(acceptAttribute([{ name: 'Excel', extensions: ['xlsx', 'XLS'] }, { name: '案卷', extensions: ['tcase', 'xlsx'] }])).toBe('.xlsx,.xls,.tcase');
  });

  it('accepts anything when there is no filter or a filter allows *', () => {
    expect(acceptAttribute([])).toBe('');
    expect(acceptAttribute([{ name: '所有文件', extensions: ['*'] }, { name: 'Excel', extensions: ['xlsx'] }])).toBe('');
  });
});

describe('external links (one rule for Electron and the web)', () => {
  it('allows https', () => {
    expect(isExternalLinkAllowed('https://www.samr.gov.cn/')).toBe(true);
    expect(isExternalLinkAllowed('https://例子.中国/路径?q=1')).toBe(true);
  });

  it('refuses every other scheme, disguised hosts and non-URLs', () => {
    for (const url of ['http://www.samr.gov.cn/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.cn', 'https://user:pw@evil.example/', 'https://www.samr.gov.cn@evil.example/', '//evil.example/', '', 'https:']) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });
});

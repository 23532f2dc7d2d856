import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageTable } from '../../src-shared/i18n/format';
import { drawMessages } from '../../src-shared/i18n/draw';
import { listMessages } from '../../src-shared/i18n/lists';
import { tariffMessages } from '../../src-shared/i18n/tariff';
import { tariffUiMessages } from '../../src-renderer/i18n/tariffUi';
import { uiMessages } from '../../src-renderer/i18n/ui';
import { syncUiMessages } from '../../src-renderer/i18n/syncUi';
import { errorMessages } from '../../src-shared/i18n/errors';
import { caseFileMessages } from '../../src-shared/i18n/caseFile';
import { hubCliMessages } from '../../src-shared/i18n/hubCli';
import { sealMessages } from '../../src-shared/i18n/seal';
import { sealUiMessages } from '../../src-renderer/i18n/sealUi';
import { inspectionMessages } from '../../src-shared/i18n/inspection';
import { inspectionUiMessages } from '../../src-renderer/i18n/inspectionUi';
import { mapUiMessages } from '../../src-renderer/i18n/mapUi';
import { drawDocsUiMessages } from '../../src-renderer/i18n/drawDocsUi';
import { reviewMessages } from '../../src-shared/i18n/review';
import { calendarMessages } from '../../src-shared/i18n/calendar';
import { refundUiMessages } from '../../src-renderer/i18n/refundUi';
import { reviewUiMessages } from '../../src-renderer/i18n/reviewUi';
import { evidenceUiMessages } from '../../src-renderer/i18n/evidenceUi';
import { settingsUiMessages } from '../../src-renderer/i18n/settingsUi';
import { publicationUiMessages } from '../../src-renderer/i18n/publicationUi';
import { filingsMessages } from '../../src-shared/i18n/filings';
import { filingsUiMessages } from '../../src-renderer/i18n/filingsUi';
import { longWorkUiMessages } from '../../src-renderer/i18n/longWorkUi';
import { targetedUiMessages } from '../../src-renderer/i18n/targetedUi';
import { MUTATOR_NAMES } from '../../src-shared/sync/mutators';

const tables: Record<string, MessageTable> = { ui: uiMessages, lists: listMessages, draw: drawMessages, tariff: tariffMessages, tariffUi: tariffUiMessages, syncUi: syncUiMessages, errors: errorMessages, caseFile: caseFileMessages, hubCli: hubCliMessages, seal: sealMessages, sealUi: sealUiMessages, inspection: inspectionMessages, inspectionUi: inspectionUiMessages, mapUi: mapUiMessages, settingsUi: settingsUiMessages, review: reviewMessages, drawDocsUi: drawDocsUiMessages, calendar: calendarMessages, refundUi: refundUiMessages, reviewUi: reviewUiMessages, evidenceUi: evidenceUiMessages, publicationUi: publicationUiMessages, filings: filingsMessages, filingsUi: filingsUiMessages, longWorkUi: longWorkUiMessages, targetedUi: targetedUiMessages };

describe('i18n', () => {
  it('names every mutator (a refused change is listed by it on 同步) in both languages', () => {
    for (const name of MUTATOR_NAMES) {
      expect({ name, zh: /[\u4e00-\u9fff]/.test(syncUiMessages['zh-CN'][`sync.mutation.${name}`] ?? '') }).toEqual({ name, zh: true });
      expect(syncUiMessages.en[`sync.mutation.${name}`]).toBeTruthy();
    }
  });

  it.each(Object.entries(tables))('%s: English has exactly the Chinese keys', (_, table) => {
    expect(Object.keys(table.en).sort()).toEqual(Object.keys(table['zh-CN']).sort());
  });

  it.each(Object.entries(tables))('%s: both languages use the same placeholders', (_, table) => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(table['zh-CN'])) {
      expect({ key, p: placeholders(table.en[key] ?? '') }).toEqual({ key, p: placeholders(zh) });
    }
  });

  it('no key is defined by two tables', () => {
    const seen = new Map<string, string>();
    for (const [name, table] of Object.entries(tables)) {
      for (const key of Object.keys(table['zh-CN'])) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('formats placeholders and shows an unknown key as itself', () => {
    expect(formatMessage({ a: '第 {{row}} 行：{{field}}' }, 'a', { row: 7, field: '名称' })).toBe('第 7 行：名称');
    expect(formatMessage({}, 'missing.key')).toBe('missing.key');
  });
});

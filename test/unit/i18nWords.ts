// The app's own words for tests that check what a person reads: every message table, as i18next is given them.
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../../src-shared/i18n/format';
import { merged } from '../../src-renderer/i18n/tables';

export async function appWords(locale: Locale = 'zh-CN'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: locale, resources: { [locale]: { translation: merged(locale) } }, interpolation: { escapeValue: false }, keySeparator: false, returnNull: false });
  return i18n.t;
}

// The app's words without React: an i18next instance of its own over every message table, for work done in
// a worker (an export's headers and flags), where the window's i18next is not.
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../../src-shared/i18n/format';
import { merged } from './tables';

export async function appWords(locale: Locale = 'zh-CN'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: locale, resources: { [locale]: { translation: merged(locale) } }, interpolation: { escapeValue: false }, keySeparator: false, returnNull: false });
  return i18n.t;
}

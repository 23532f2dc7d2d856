// i18next over the shared message tables: Simplified Chinese first, English second.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../src-shared/i18n/format';
import { merged } from './tables';

const LOCALE_KEY = 'tariffcheck.locale';


export function storedLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function setLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, locale);
  void i18next.changeLanguage(locale);
}

void i18next.use(initReactI18next).init({
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: merged('zh-CN') }, en: { translation: merged('en') } },
  interpolation: { escapeValue: false },
  keySeparator: false,
  returnNull: false,
});

export { i18next };

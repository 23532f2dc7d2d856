// i18next over the shared message tables: Simplified Chinese first, English second.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale, MessageTable } from '../../src-shared/i18n/format';
import { drawMessages } from '../../src-shared/i18n/draw';
import { listMessages } from '../../src-shared/i18n/lists';
import { tariffMessages } from '../../src-shared/i18n/tariff';
import { errorMessages } from '../../src-shared/i18n/errors';
import { syncUiMessages } from './syncUi';
import { tariffUiMessages } from './tariffUi';
import { uiMessages } from './ui';
import { inspectionUiMessages } from './inspectionUi';
import { evidenceUiMessages } from './evidenceUi';
import { settingsUiMessages } from './settingsUi';
import { mapUiMessages } from './mapUi';
import { inspectionMessages } from '../../src-shared/i18n/inspection';
import { drawDocsUiMessages } from './drawDocsUi';
import { reviewMessages } from '../../src-shared/i18n/review';
import { calendarMessages } from '../../src-shared/i18n/calendar';
import { refundUiMessages } from './refundUi';
import { reviewUiMessages } from './reviewUi';
import { publicationUiMessages } from './publicationUi';
import { sealMessages } from '../../src-shared/i18n/seal';
import { sealUiMessages } from './sealUi';
import { longWorkUiMessages } from './longWorkUi';
import { statisticsUiMessages } from './statisticsUi';
import { filingsMessages } from '../../src-shared/i18n/filings';
import { filingsUiMessages } from './filingsUi';
import { creditMessages } from '../../src-shared/credit/messages';
import { creditUiMessages } from './creditUi';
import { targetedUiMessages } from './targetedUi';

const LOCALE_KEY = 'tariffcheck.locale';
const tables: MessageTable[] = [listMessages, drawMessages, tariffMessages, uiMessages, tariffUiMessages, syncUiMessages, errorMessages, inspectionMessages, inspectionUiMessages, evidenceUiMessages, settingsUiMessages, mapUiMessages, reviewMessages, drawDocsUiMessages, calendarMessages, refundUiMessages, reviewUiMessages, publicationUiMessages, sealMessages, sealUiMessages, longWorkUiMessages, statisticsUiMessages, filingsMessages, filingsUiMessages, creditMessages, creditUiMessages, targetedUiMessages];

function merged(locale: Locale): Record<string, string> {
  return Object.assign({}, ...tables.map((t) => t[locale]));
}

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

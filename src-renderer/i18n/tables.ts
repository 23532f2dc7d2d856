// Every message table of the app, merged per language: what i18next is given, and what tests translate with.
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

const tables: MessageTable[] = [listMessages, drawMessages, tariffMessages, uiMessages, tariffUiMessages, syncUiMessages, errorMessages, inspectionMessages, inspectionUiMessages, evidenceUiMessages, settingsUiMessages, mapUiMessages, reviewMessages, drawDocsUiMessages, calendarMessages, refundUiMessages, reviewUiMessages, publicationUiMessages, sealMessages, sealUiMessages, longWorkUiMessages, statisticsUiMessages, filingsMessages, filingsUiMessages, creditMessages, creditUiMessages, targetedUiMessages];

/** Every message of the app in one language. */
export function merged(locale: Locale): Record<string, string> {
  return Object.assign({}, ...tables.map((t) => t[locale]));
}

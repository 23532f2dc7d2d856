// What a page says once a document is saved: signed by the office's key, or why it is not (offline …).
import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Saved } from '../db/documents';
import { describeError } from '../i18n/errors';

export function announceSaved(message: MessageInstance, t: TFunction, saved: Saved | boolean): void {
  if (saved === false) return;
  if (saved === true) message.success(t('common.saved'));
  else if (saved.sealed) message.success(t('seal.saved.sealed'));
  else message.warning(t('seal.saved.unsealed', { reason: t(`seal.unsealed.${saved.reason}`) }));
}

/** Runs a document's save and says how it went (cancelled: nothing; failed: why). */
export function useSaveDocument(): (save: () => Promise<Saved | boolean>) => Promise<void> {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (save) => {
    try {
      announceSaved(message, t, await save());
    } catch (e) {
      message.error(describeError(t, e));
    }
  };
}

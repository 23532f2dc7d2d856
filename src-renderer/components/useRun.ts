// Runs a write and tells the user how it went: 已保存在本机 on success, the reason (in their language) on refusal.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';

/** A runner of writes; resolves true when the work succeeded. */
export function useRun(): (work: () => Promise<unknown>) => Promise<boolean> {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async (work) => {
    try {
      await work();
      message.success(t('case.saved'));
      return true;
    } catch (e) {
      message.error(describeError(t, e));
      return false;
    }
  };
}

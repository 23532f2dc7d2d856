import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlagLimits } from '../../../src-shared/filings/indicators';
import { parseLimits } from './limits';

/** The markup tolerance and the loss threshold; 重新筛查 applies them to every stored month. */
export function ScreeningLimits({ applied, onApply }: { applied: FlagLimits; onApply: (limits: FlagLimits) => void }) {
  const { t } = useTranslation();
  const [tolerance, setTolerance] = useState(applied.tolerance);
  const [threshold, setThreshold] = useState(applied.lossThreshold);
  const parsed = parseLimits(tolerance, threshold);
  return (
    <Form layout="inline">
      <Form.Item label={t('filingsUi.limits.tolerance')} validateStatus={parsed ? undefined : 'error'}>
        <Input style={{ width: 120 }} aria-label={t('filingsUi.limits.tolerance')} value={tolerance} onChange={(e) => setTolerance(e.target.value)} />
      </Form.Item>
      <Form.Item label={t('filingsUi.limits.threshold')} validateStatus={parsed ? undefined : 'error'} help={parsed ? undefined : t('filingsUi.limits.invalid')}>
        <Input style={{ width: 120 }} aria-label={t('filingsUi.limits.threshold')} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button disabled={!parsed} onClick={() => parsed && onApply(parsed)}>{t('filingsUi.limits.rescreen')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

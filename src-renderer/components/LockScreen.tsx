// The login of an enrolled device: works offline against the verifier of the last online login.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { markFirstScreen } from '../firstScreen';
import { useTranslation } from 'react-i18next';
import { loginOffline, useLocked } from '../db/syncState';

const UNLOCKED = 'tariffcheck.unlocked';

export function LockScreen({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const locked = useLocked(UNLOCKED);
  const [, rerender] = useState(0);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const asking = locked === true && sessionStorage.getItem(UNLOCKED) !== '1';
  // The lock screen is the first screen of a locked device.
  useEffect(() => {
    if (asking) markFirstScreen();
  }, [asking]);
  if (locked === undefined) return null;
  if (!asking) return <>{children}</>;
  const onFinish = async ({ password }: { password: string }) => {
    setBusy(true);
    const ok = await loginOffline(password);
    setBusy(false);
    setError(!ok);
    if (ok) {
      sessionStorage.setItem(UNLOCKED, '1');
      rerender((n) => n + 1);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card title={t('login.title')} style={{ width: 380 }}>
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={onFinish}>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]} {...(error ? { validateStatus: 'error' as const, help: t('login.wrong') } : {})}>
            <Input.Password autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>{t('login.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}

/** Marks this browser session as logged in (after an online login on the sync page). */
export function markUnlocked(): void {
  sessionStorage.setItem(UNLOCKED, '1');
}

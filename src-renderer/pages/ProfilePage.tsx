import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ROLES, saveProfile, useProfile, type Profile } from '../state/profile';

/** Who uses this device, as a page of the app: the stored profile, edited. */
export function ProfilePage() {
  const profile = useProfile();
  return profile === undefined ? null : <ProfileForm profile={profile} firstRun={false} />;
}

/**
 * The first run's whole screen: who will use this device. The route shows it because no profile is stored,
 * so it reads none and waits for no query of its own.
 */
export function WelcomePage() {
  return <ProfileForm profile={null} firstRun />;
}

function ProfileForm({ profile, firstRun }: { profile: Profile | null; firstRun: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Profile>();
  const role = Form.useWatch('role', form);

  async function onFinish(values: Profile) {
    await saveProfile({ ...values, certNo: values.certNo ?? '', district: values.district ?? '' });
    message.success(t('profile.saved'));
    if (!firstRun) navigate('/');
  }

  const card = (
    <Card title={firstRun ? t('profile.welcome') : t('nav.profile')} style={{ maxWidth: 520, width: '100%' }}>
      {firstRun && <Typography.Paragraph type="secondary">{t('profile.intro')}</Typography.Paragraph>}
      {firstRun && (
        <Typography.Paragraph>
          <a href="#/sync">{t('profile.enrollInstead')}</a>
        </Typography.Paragraph>
      )}
      <Form<Profile>
        form={form}
        layout="vertical"
        initialValues={profile ?? { role: 'office', name: '', district: '', certNo: '' }}
        onFinish={onFinish}
      >
        <Form.Item name="name" label={t('profile.name')} rules={[{ required: true, whitespace: true, message: t('profile.nameRequired') }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="role" label={t('profile.role')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="district" label={t('profile.district')}>
          <Input placeholder={t('profile.districtHint')} />
        </Form.Item>
        {role === 'inspector' && (
          <Form.Item name="certNo" label={t('profile.certNo')} rules={[{ required: true, whitespace: true, message: t('profile.certNoRequired') }]}>
            <Input />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit">
          {firstRun ? t('profile.start') : t('common.save')}
        </Button>
      </Form>
    </Card>
  );
  if (!firstRun) return card;
  return <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>{card}</div>;
}

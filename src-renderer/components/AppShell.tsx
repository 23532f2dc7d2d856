import { AccountBookOutlined, ApartmentOutlined, AuditOutlined, BarChartOutlined, CloudSyncOutlined, ExclamationCircleOutlined, FileSearchOutlined, FundViewOutlined, MoneyCollectOutlined, NotificationOutlined, ProfileOutlined, SafetyCertificateOutlined, SafetyOutlined, SettingOutlined, SolutionOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import '../antdAll';
import { warmSearch } from '../db/lists';
import { setLocale } from '../i18n';
import { HoverTipHost } from './HoverTip';
import { HOME } from '../pageAddress';
import { pageAt, preloadWhenIdle, whenIdle } from '../pageChunks';
import type { Profile, Role } from '../state/profile';
import { ErrorBoundary } from './ErrorBoundary';
import { SyncBadge } from './SyncBadge';
import { RefundReminderNotice, RefundsMenuLabel } from './refund/RefundReminders';

type Item = Required<MenuProps>['items'][number];

function menuFor(role: Role, t: (k: string) => string): Item[] {
  const lists: Item = {
    key: 'lists', icon: <ApartmentOutlined />, label: t('nav.lists'),
    children: [
      { key: '/lists/entities', label: t('nav.entities') },
      { key: '/lists/inspectors', label: t('nav.inspectors') },
    ],
  };
  const draw: Item = {
    key: 'draw', icon: <FileSearchOutlined />, label: t('nav.draw'),
    children: [
      { key: '/draw', label: t('nav.newDraw') },
      { key: '/draws', label: t('nav.drawHistory') },
    ],
  };
  const tariffs: Item = {
    key: 'tariffs', icon: <AccountBookOutlined />, label: t('tariffUi.nav.group'),
    children: [
      { key: '/tariffs', label: t('tariffUi.nav.tariffs') },
      { key: '/overcharge', label: t('tariffUi.nav.overcharge') },
    ],
  };
  const tasks: Item = { key: '/tasks', icon: <ProfileOutlined />, label: t('nav.tasks') };
  const cases: Item = { key: '/cases', icon: <AuditOutlined />, label: t('sync.nav.cases') };
  const sync: Item = { key: '/sync', icon: <CloudSyncOutlined />, label: t('sync.nav') };
  const conflicts: Item = { key: '/conflicts', icon: <ExclamationCircleOutlined />, label: t('sync.nav.conflicts') };
  const profile: Item = { key: '/profile', icon: <UserOutlined />, label: t('nav.profile') };
  const hub: Item = {
    key: 'hub', icon: <SafetyCertificateOutlined />, label: t('accounts.nav'),
    children: [
      { key: '/accounts', label: t('accounts.nav') },
      { key: '/audit', label: t('audit.nav') },
    ],
  };
  const settings: Item = { key: '/settings/inspection', icon: <SettingOutlined />, label: t('settings.nav') };
  const refunds: Item = { key: '/refunds', icon: <MoneyCollectOutlined />, label: <RefundsMenuLabel label={t('refunds.nav')} /> };
  const publication: Item = { key: '/publication', icon: <NotificationOutlined />, label: t('publication.nav') };
  const statistics: Item = { key: '/statistics', icon: <BarChartOutlined />, label: t('statistics.nav') };
  const filings: Item = { key: '/filings', icon: <FundViewOutlined />, label: t('filingsUi.nav') };
  const credit: Item = { key: '/credit', icon: <SolutionOutlined />, label: t('creditUi.nav') };
  const verify: Item = { key: '/verify', icon: <SafetyOutlined />, label: t('verify.nav') };
  if (role === 'office') return [lists, draw, cases, refunds, publication, filings, credit, statistics, tariffs, settings, sync, conflicts, hub, verify, profile];
  if (role === 'inspector') return [cases, tasks, tariffs, sync, verify, profile];
  return [lists, draw, cases, refunds, publication, statistics, tariffs, settings, sync, conflicts, verify, profile];
}

/** When the role's home page is fetched after the shell shows, if the window opened elsewhere. */
const HOME_AFTER_MS = 1_000;
const MENU_AFTER_MS = 10_000;

/** The addresses of a menu's pages, in menu order. */
function addressesOf(items: Item[]): string[] {
  return items.flatMap((item) => {
    if (!item || !('key' in item)) return [];
    if ('children' in item && item.children) return addressesOf(item.children as Item[]);
    return [String(item.key)];
  });
}

/** Each page's chunk fetched as the pointer reaches its menu item, ahead of the click. */
function withPreload(items: Item[]): Item[] {
  return items.map((item) => {
    if (!item || !('key' in item)) return item;
    if ('children' in item && item.children) return { ...item, children: withPreload(item.children as Item[]) } as Item;
    const key = String(item.key);
    return { ...item, onMouseEnter: () => void pageAt(key)?.preload().catch(() => undefined) } as Item;
  });
}

/** The frame around every page: navigation for the role, who is signed in, the language. */
export function AppShell({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const menu = useMemo(() => menuFor(profile.role, t), [profile.role, t]);
  // The role's home page soon, the rest of the menu's pages once the window has long been idle (fetching and
  // running them while the user works slowed what they did by a fifth), so a first click shows its page at once.
  // Those who keep the lists get the target list's search column read soon too: at 100,000 targets reading it
  // takes a few hundred milliseconds, which the first search would otherwise wait for.
  useEffect(() => {
    const home = () => pageAt(HOME[profile.role])?.preload() ?? Promise.resolve();
    const soon = profile.role === 'inspector' ? [home] : [home, () => warmSearch('entities')];
    const stops = [whenIdle(soon, HOME_AFTER_MS), preloadWhenIdle(addressesOf(menu), MENU_AFTER_MS)];
    return () => stops.forEach((stop) => stop());
  }, [menu, profile.role]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The office and the lead are reminded of overdue refunds once a day (inspectors track none). */}
      {profile.role !== 'inspector' && <RefundReminderNotice />}
      <Layout.Sider width={208} theme="light" breakpoint="lg">
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 17 }}>
          <TeamOutlined /> {t('app.name')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[pathname]}
          defaultOpenKeys={['lists', 'draw', 'tariffs']}
          items={withPreload(menu)}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end' }}>
          <Space size="middle">
            <SyncBadge />
            <Typography.Text>{profile.name}</Typography.Text>
            <Tag color="blue">{t(`role.${profile.role}`)}</Tag>
            {profile.district && <Tag>{profile.district}</Tag>}
            <Segmented
              size="small"
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              options={[{ label: '中文', value: 'zh-CN' }, { label: 'English', value: 'en' }]}
              onChange={(v) => setLocale(v === 'en' ? 'en' : 'zh-CN')}
            />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {/* Keyed by page: going elsewhere leaves a failed page behind. */}
          <ErrorBoundary key={pathname}>
            <HoverTipHost>
              <Outlet />
            </HoverTipHost>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

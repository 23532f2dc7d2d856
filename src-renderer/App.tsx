import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useEffect } from 'react';
import { HashRouter, Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LockScreen } from './components/LockScreen';
import { useIdentity } from './db/identity';
import type { Role } from './state/profile';

// Every page is its own chunk, fetched when first shown: the window opens on the shell (menu, sync
// status) and the one page asked for, not on the Excel, map and PDF code of all the others. The
// service worker precaches every chunk, so a page first opened offline still loads.
const AccountsPage = lazy(() => import('./pages/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const CasePage = lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage })));
const CasesPage = lazy(() => import('./pages/CasesPage').then((m) => ({ default: m.CasesPage })));
const ConflictsPage = lazy(() => import('./pages/ConflictsPage').then((m) => ({ default: m.ConflictsPage })));
const DrawHistoryPage = lazy(() => import('./pages/DrawHistoryPage').then((m) => ({ default: m.DrawHistoryPage })));
const DrawPage = lazy(() => import('./pages/DrawPage').then((m) => ({ default: m.DrawPage })));
const DrawRecordPage = lazy(() => import('./pages/DrawRecordPage').then((m) => ({ default: m.DrawRecordPage })));
const DrawResultPage = lazy(() => import('./pages/DrawResultPage').then((m) => ({ default: m.DrawResultPage })));
const InspectionSettingsPage = lazy(() =>
  import('./pages/InspectionSettingsPage').then((m) => ({ default: m.InspectionSettingsPage })),
);
const ListPage = lazy(() => import('./pages/ListPage').then((m) => ({ default: m.ListPage })));
const MyTasksPage = lazy(() => import('./pages/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));
const CaseLedgerPage = lazy(() => import('./pages/OverchargePage').then((m) => ({ default: m.CaseLedgerPage })));
const OverchargePage = lazy(() => import('./pages/OverchargePage').then((m) => ({ default: m.OverchargePage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const RefundsPage = lazy(() => import('./pages/RefundsPage').then((m) => ({ default: m.RefundsPage })));
const PublicationPage = lazy(() => import('./pages/PublicationPage').then((m) => ({ default: m.PublicationPage })));
const StatisticsPage = lazy(() => import('./pages/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const FilingsPage = lazy(() => import('./pages/FilingsPage').then((m) => ({ default: m.FilingsPage })));
const CreditPage = lazy(() => import('./pages/CreditPage').then((m) => ({ default: m.CreditPage })));
const TargetHistoryPage = lazy(() => import('./pages/TargetHistoryPage').then((m) => ({ default: m.TargetHistoryPage })));
const SyncPage = lazy(() => import('./pages/SyncPage').then((m) => ({ default: m.SyncPage })));
const TariffPage = lazy(() => import('./pages/TariffPage').then((m) => ({ default: m.TariffPage })));
const VerifyPage = lazy(() => import('./pages/VerifyPage').then((m) => ({ default: m.VerifyPage })));

/** Shown in the page's place, inside the shell, while its chunk loads. */
function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin />
    </div>
  );
}

/** The pages under the shell wait here, so the menu and sync status stay on screen while one loads. */
function PageOutlet() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}

/** The landing page of each role. */
const HOME: Record<Role, string> = { office: '/lists/entities', lead: '/draw', inspector: '/cases' };

/**
 * The chunk of the first page, fetched while the database opens rather than after it: the welcome page on
 * a first run, else the home page of the role this device had last time (a hint only; the route decides).
 */
const LAST_ROLE = 'tariffcheck.lastRole';
const HOME_PAGE: Record<Role, () => Promise<unknown>> = {
  office: () => import('./pages/ListPage'),
  lead: () => import('./pages/DrawPage'),
  inspector: () => import('./pages/CasesPage'),
};
function preloadFirstPage(): void {
  const role = localStorage.getItem(LAST_ROLE);
  const home = role === 'office' || role === 'lead' || role === 'inspector' ? HOME_PAGE[role] : () => import('./pages/ProfilePage');
  home().catch(() => undefined); // a failure shows where the page is rendered
}
preloadFirstPage();

function Routed() {
  // Once enrolled, the hub's user is who this is; the local profile serves an unenrolled device alone.
  const profile = useIdentity();
  const role = profile?.role;
  useEffect(() => {
    if (role) localStorage.setItem(LAST_ROLE, role);
  }, [role]);
  if (profile === undefined) return <Spin fullscreen />;
  if (profile === null) {
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <Routes>
          <Route path="/sync" element={<div style={{ maxWidth: 560, margin: '40px auto' }}><SyncPage /></div>} />
          {/* A tenant or a court checks a document without setting the device up. */}
          <Route path="/verify" element={<div style={{ maxWidth: 980, margin: '40px auto' }}><VerifyPage /></div>} />
          <Route path="*" element={<ProfilePage firstRun />} />
        </Routes>
      </Suspense>
    );
  }
  return (
    <Suspense fallback={<Spin fullscreen />}>
      <Routes>
        {/* The printable draw record has no navigation around it. */}
        <Route path="/draws/:id/record" element={<DrawRecordPage />} />
        <Route element={<AppShell profile={profile} />}>
          <Route element={<PageOutlet />}>
            <Route path="/lists/entities" element={<ListPage key="entities" kind="entities" />} />
            <Route path="/lists/inspectors" element={<ListPage key="inspectors" kind="inspectors" />} />
            <Route path="/draw" element={<DrawPage />} />
            <Route path="/draws" element={<DrawHistoryPage />} />
            <Route path="/draws/:id" element={<DrawResultPage />} />
            <Route path="/tasks" element={<MyTasksPage profile={profile} />} />
            <Route path="/tariffs" element={<TariffPage profile={profile} />} />
            <Route path="/overcharge" element={<OverchargePage />} />
            <Route path="/cases" element={<CasesPage />} />
            <Route path="/cases/:id" element={<CasePage />} />
            <Route path="/cases/:id/ledger" element={<CaseLedgerPage />} />
            <Route path="/settings/inspection" element={<InspectionSettingsPage />} />
            <Route path="/refunds" element={<RefundsPage />} />
            <Route path="/publication" element={<PublicationPage />} />
            <Route path="/statistics" element={<StatisticsPage />} />
            <Route path="/filings" element={<FilingsPage />} />
            <Route path="/credit" element={<CreditPage />} />
            <Route path="/targets/:uscc" element={<TargetHistoryPage />} />
            <Route path="/conflicts" element={<ConflictsPage />} />
            <Route path="/sync" element={<SyncPage />} />
            <Route path="/accounts" element={<AccountsPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="/verify" element={<VerifyPage />} />
            <Route path="*" element={<Navigate to={HOME[profile.role]} replace />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f5fa8' } }}>
      <AntApp>
        <ErrorBoundary>
          <LockScreen>
            <HashRouter>
              <Routed />
            </HashRouter>
          </LockScreen>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

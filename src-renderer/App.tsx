import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { Suspense, useEffect } from 'react';
import { HashRouter, Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LockScreen } from './components/LockScreen';
import { useIdentity } from './db/identity';
import { lazyPage } from './lazyPage';
import { HOME } from './pageAddress';
import { idleMoment } from './platform/idle';
import { firstScreenShown, markFirstScreen } from './firstScreen';
// The first-run welcome page is part of the entry: a new device's first screen waits for no other chunk.
import { WelcomePage } from './pages/ProfilePage';
import { AccountsPage, AuditPage, CaseLedgerPage, CasePage, CasesPage, ConflictsPage, CreditPage, DrawHistoryPage, DrawPage, DrawRecordPage, DrawResultPage, FilingsPage, InspectionSettingsPage, ListPage, MyTasksPage, OverchargePage, ProfilePage, PublicationPage, RefundsPage, StatisticsPage, SyncPage, TargetHistoryPage, TariffPage, VerifyPage, pageAt } from './pageChunks';

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


/**
 * The menu, header and sync status around every page of a device that is set up, in a chunk of its own: with
 * it the sync engine and the lists' write paths, none of which a new device's welcome page needs.
 */
const AppShell = lazyPage(() => import('./components/AppShell').then((m) => m.AppShell));

/**
 * The chunks of the first screen of a device that is set up, fetched while the database opens rather than
 * after it: the shell, the page asked for, and the home page of the role this device had last time (a hint
 * only; the route decides), where a first click most often goes.
 */
const LAST_ROLE = 'tariffcheck.lastRole';
function preloadFirstPage(): void {
  const role = localStorage.getItem(LAST_ROLE);
  if (role !== 'office' && role !== 'lead' && role !== 'inspector') {
    // A new device: the shell is fetched once the welcome page shows, while the user fills it in.
    void firstScreenShown.then(() => idleMoment(5_000)).then(() => AppShell.preload()).catch(() => undefined);
    return;
  }
  for (const chunk of [AppShell, pageAt(window.location.hash), pageAt(HOME[role])]) chunk?.preload().catch(() => undefined); // a failure shows where it is rendered
}
preloadFirstPage();

function Routed() {
  // Once enrolled, the hub's user is who this is; the local profile serves an unenrolled device alone.
  const profile = useIdentity();
  const role = profile?.role;
  useEffect(() => {
    if (role) localStorage.setItem(LAST_ROLE, role);
  }, [role]);
  const known = profile !== undefined;
  useEffect(() => {
    if (known) markFirstScreen();
  }, [known]);
  if (profile === undefined) return <Spin fullscreen />;
  if (profile === null) {
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <Routes>
          <Route path="/sync" element={<div style={{ maxWidth: 560, margin: '40px auto' }}><SyncPage /></div>} />
          {/* A tenant or a court checks a document without setting the device up. */}
          <Route path="/verify" element={<div style={{ maxWidth: 980, margin: '40px auto' }}><VerifyPage /></div>} />
          <Route path="*" element={<WelcomePage />} />
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

/** The app's antd theme; also given to antd's static notices (main.tsx), which render outside <App>. */
export const APP_THEME = { token: { colorPrimary: '#1f5fa8' }, zeroRuntime: true } as const;

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={APP_THEME}>
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

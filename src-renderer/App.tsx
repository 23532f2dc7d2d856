import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LockScreen } from './components/LockScreen';
import { AccountsPage } from './pages/AccountsPage';
import { AuditPage } from './pages/AuditPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { ConflictsPage } from './pages/ConflictsPage';
import { DrawHistoryPage } from './pages/DrawHistoryPage';
import { DrawPage } from './pages/DrawPage';
import { DrawRecordPage } from './pages/DrawRecordPage';
import { DrawResultPage } from './pages/DrawResultPage';
import { InspectionSettingsPage } from './pages/InspectionSettingsPage';
import { ListPage } from './pages/ListPage';
import { MyTasksPage } from './pages/MyTasksPage';
import { CaseLedgerPage, OverchargePage } from './pages/OverchargePage';
import { ProfilePage } from './pages/ProfilePage';
import { RefundsPage } from './pages/RefundsPage';
import { PublicationPage } from './pages/PublicationPage';
import { SyncPage } from './pages/SyncPage';
import { TariffPage } from './pages/TariffPage';
import { useIdentity } from './db/identity';
import type { Role } from './state/profile';
import { VerifyPage } from './pages/VerifyPage';

/** The landing page of each role. */
const HOME: Record<Role, string> = { office: '/lists/entities', lead: '/draw', inspector: '/cases' };

function Routed() {
  // Once enrolled, the hub's user is who this is; the local profile serves an unenrolled device alone.
  const profile = useIdentity();
  if (profile === undefined) return <Spin fullscreen />;
  if (profile === null) {
    return (
      <Routes>
        <Route path="/sync" element={<div style={{ maxWidth: 560, margin: '40px auto' }}><SyncPage /></div>} />
        {/* A tenant or a court checks a document without setting the device up. */}
        <Route path="/verify" element={<div style={{ maxWidth: 980, margin: '40px auto' }}><VerifyPage /></div>} />
        <Route path="*" element={<ProfilePage firstRun />} />
      </Routes>
    );
  }
  return (
    <Routes>
      {/* The printable draw record has no navigation around it. */}
      <Route path="/draws/:id/record" element={<DrawRecordPage />} />
      <Route element={<AppShell profile={profile} />}>
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
        <Route path="/conflicts" element={<ConflictsPage />} />
        <Route path="/sync" element={<SyncPage />} />
        <Route path="/accounts" element={<AccountsPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="*" element={<Navigate to={HOME[profile.role]} replace />} />
      </Route>
    </Routes>
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

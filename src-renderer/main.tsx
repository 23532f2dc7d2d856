import { Button, ConfigProvider, notification } from 'antd';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App, APP_THEME } from './App';
import { requestPersistence } from './db/db';
import { firstScreenShown } from './firstScreen';
import './i18n';
import { registerServiceWorker } from './platform/serviceWorker';
// antd's styles as a static sheet (ConfigProvider zeroRuntime, App.tsx): generating them in the page at
// first render took 0.4 s of a first visit's welcome page on a 2-core laptop. The entry holds the rules of
// the first screen's components; the whole sheet follows it (build/antdStyles.mts).
import 'virtual:antd-first-screen.css';
import './styles.css';

// zod's JIT probe uses `new Function`, which our CSP forbids.
z.config({ jitless: true });
// antd's static notices (the new version's below) with the app's theme and its static sheet: without it they
// would generate their own styles in the page, outside the sheet's cascade layer, and win over it.
ConfigProvider.config({ theme: APP_THEME });
void requestPersistence();
// Web build only: keeps the app shell so a reload without network still opens. A new version is
// offered, never forced on a page in use.
registerServiceWorker(() =>
  notification.info({
    key: 'new-version',
    message: i18next.t('app.newVersion'),
    duration: 0,
    btn: <Button size="small" type="primary" onClick={() => window.location.reload()}>{i18next.t('app.reload')}</Button>,
  }),
);
void firstScreenShown.then(() => import('./antdAll')).catch((e: unknown) => console.warn("antd's whole stylesheet not loaded", e));
// The sync engine is its own chunk, fetched and started once the first screen is shown (firstScreen.ts):
// a new device's welcome page needs none of it.
void firstScreenShown.then(() =>
  import('./sync/controller').then(
    ({ syncController }) => syncController.start(),
    // Only where its chunk cannot be had (offline before the service worker kept it): no sync until reloaded.
    (e: unknown) => console.warn('sync not started', e),
  ),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

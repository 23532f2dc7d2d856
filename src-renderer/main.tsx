import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { requestPersistence } from './db/db';
import './i18n';
import { registerServiceWorker } from './platform/serviceWorker';
import { syncController } from './sync/controller';
import './styles.css';

// zod's JIT probe uses `new Function`, which our CSP forbids.
z.config({ jitless: true });
void requestPersistence();
// Web build only: keeps the app shell so a reload without network still opens.
registerServiceWorker();
void syncController.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

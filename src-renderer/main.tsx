import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { requestPersistence } from './db/db';
import './i18n';
import './styles.css';

// zod's JIT probe uses `new Function`, which our CSP forbids.
z.config({ jitless: true });
void requestPersistence();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

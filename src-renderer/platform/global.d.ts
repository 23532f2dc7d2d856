// The Electron preload exposes the platform bridge here; the web build leaves it undefined.
import type { PlatformApi } from '../../src-shared/platform-api';

declare global {
  interface Window {
    tariffcheck?: PlatformApi;
  }
}

export {};

// antd's stylesheet in two parts, made by build/antdStyles.mts.
declare module 'virtual:antd-first-screen.css';
declare module 'virtual:antd-all.css';

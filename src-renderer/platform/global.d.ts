// The Electron preload exposes the platform bridge here; the web build leaves it undefined.
import type { PlatformApi } from '../../src-shared/platform-api';

declare global {
  interface Window {
    tariffcheck?: PlatformApi;
  }
}

export {};

// The Electron platform is whatever the preload exposed: the checks live in the main process.
import type { PlatformApi } from '../../src-shared/platform-api';

export function electronPlatform(): PlatformApi | null {
  return typeof window !== 'undefined' && window.tariffcheck ? window.tariffcheck : null;
}

// The platform the renderer uses: the Electron bridge when the preload exposed one, else the web build's.
import type { PlatformApi } from '../../src-shared/platform-api';
import { electronPlatform } from './electron';
import { webPlatform } from './web';

export const platform: PlatformApi = electronPlatform() ?? webPlatform;

import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('tariffcheck', { platform: 'electron' });

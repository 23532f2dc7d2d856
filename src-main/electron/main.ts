// The main process: wires the modules beside it and does nothing else. Security first: the sandbox
// and the single-instance lock are taken before anything else can run.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { officeConfig, startOfficeHub, stopOfficeHub } from './officeHub';
import { resolveRendererLocation } from './renderer-location';
import { acquireSingleInstance, applyContentSecurityPolicy, hardenWebContents, refusePermissions } from './security';
import { createMainWindow } from './window';

let mainWindow: BrowserWindow | null = null;

app.enableSandbox();

if (acquireSingleInstance(() => mainWindow)) {
  const location = resolveRendererLocation({
    devUrl: process.env['ELECTRON_RENDERER_URL'],
    isPackaged: app.isPackaged,
    mainDir: __dirname,
  });

  // Every web contents, including any a bug or a dependency might create, gets the same guard.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location));

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void stopOfficeHub());

  void app.whenReady().then(() => {
    refusePermissions(session.defaultSession, location);
    applyContentSecurityPolicy(session.defaultSession);
    registerIpcHandlers(location);
    installApplicationMenu(!app.isPackaged);
    mainWindow = createMainWindow(location, __dirname);
    // Office mode: the hub on the LAN, in this process; a failure to start is shown, not fatal.
    const office = officeConfig(process.argv, app.getPath('userData'));
    startOfficeHub(office, app.getPath('userData'), join(__dirname, '../renderer')).catch((e: unknown) => {
      dialog.showErrorBox('TariffCheck', `检查中心未能启动：${e instanceof Error ? e.message : String(e)}`);
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}

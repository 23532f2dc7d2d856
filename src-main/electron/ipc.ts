// One ipcMain.handle per PlatformApi method. Each handler first checks that the call comes from the
// app's own page, then validates its arguments with zod, and only then touches dialogs or files.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { channelOf, type IpcApi, type IpcMethod } from './channels';
import { readOpenedFile, writeFileAtomically } from './files';
import { isAppUrl, type RendererLocation } from './renderer-location';
import { officeHubInfo } from './officeHub';
import { sealedSecretSchema } from '../../src-shared/platform-api';
import { openSecret, sealSecret } from './secrets';
import { openExternalSafely } from './security';

type Args<K extends IpcMethod> = Parameters<IpcApi[K]>;
type Result<K extends IpcMethod> = Awaited<ReturnType<IpcApi[K]>>;

interface Handler<K extends IpcMethod> {
  /** Typed against the contract, so a schema that drifts from PlatformApi fails to compile. */
  args: z.ZodType<Args<K>>;
  run: (event: IpcMainInvokeEvent, ...args: Args<K>) => Promise<Result<K>>;
}

const title = z.string().min(1).max(200);
// Only a bare name: the dialog starts in Documents, and a name with folders in it would let the
// page choose where the dialog opens.
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/:*?"<>|\p{Cc}]/u.test(name) && name !== '.' && name !== '..', 'must be a bare file name');
const filters = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(100),
      extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(20),
    }),
  )
  .max(20);
const bytes = z.instanceof(Uint8Array);
/** A token or a password-sized secret; nothing larger is ever sealed. */
const secret = z.string().min(1).max(4096);

const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

const handlers: { [K in IpcMethod]: Handler<K> } = {
  appInfo: {
    args: z.tuple([]),
    run: async () => ({ version: app.getVersion(), platform: process.platform, hostName: hostname().trim().slice(0, 63) || null }),
  },
  openFile: {
    args: z.tuple([z.strictObject({ title, filters })]),
    run: async (event, options) => {
      const parent = parentWindow(event);
      const dialogOptions = { title: options.title, filters: options.filters, properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      const path = result.filePaths[0];
      return result.canceled || path === undefined ? null : readOpenedFile(path);
    },
  },
  saveFile: {
    args: z.tuple([z.strictObject({ title, suggestedName: fileName, filters, data: bytes })]),
    run: async (event, { data, ...options }) => {
      const path = await askSavePath(event, options);
      if (path === null) return false;
      await writeFileAtomically(path, data);
      return true;
    },
  },
  printPage: {
    args: z.tuple([z.strictObject({ title, suggestedName: fileName })]),
    run: async (event, { title: dialogTitle, suggestedName }) => {
      // Ask first: printing a long report is wasted work if the inspector then cancels.
      const path = await askSavePath(event, { title: dialogTitle, suggestedName: withPdfExtension(suggestedName), filters: PDF_FILTERS });
      if (path === null) return false;
      const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
      await writeFileAtomically(path, pdf);
      return true;
    },
  },
  openExternal: {
    args: z.tuple([z.string().max(2048)]),
    run: async (_event, url) => openExternalSafely(url),
  },
  officeHub: {
    args: z.tuple([]),
    run: async () => officeHubInfo(),
  },
  sealSecret: {
    args: z.tuple([secret]),
    run: async (_event, plain) => sealSecret(plain),
  },
  openSecret: {
    args: z.tuple([sealedSecretSchema]),
    run: async (_event, sealed) => openSecret(sealed),
  },
};

/** Only the top frame of the app's own page may call; a frame elsewhere or since navigated away may not. */
export function isTrustedSender(event: IpcMainInvokeEvent, location: RendererLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(location, frame.url);
}

export function registerIpcHandlers(location: RendererLocation): void {
  for (const method of Object.keys(handlers) as IpcMethod[]) register(method, location);
}

function register<K extends IpcMethod>(method: K, location: RendererLocation): void {
  const handler: Handler<K> = handlers[method];
  ipcMain.handle(channelOf(method), async (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event, location)) throw new Error(`${channelOf(method)}: refused, the caller is not the app's page`);
    const parsed = handler.args.safeParse(raw);
    if (!parsed.success) throw new Error(`${channelOf(method)}: invalid arguments\n${z.prettifyError(parsed.error)}`);
    return handler.run(event, ...parsed.data);
  });
}

function parentWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

async function askSavePath(
  event: IpcMainInvokeEvent,
  options: { title: string; suggestedName: string; filters: { name: string; extensions: string[] }[] },
): Promise<string | null> {
  const parent = parentWindow(event);
  const dialogOptions = {
    title: options.title,
    defaultPath: join(app.getPath('documents'), options.suggestedName),
    filters: options.filters,
  };
  const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function withPdfExtension(name: string): string {
  return name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
}

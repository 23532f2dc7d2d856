// Where the app's own page lives, and whether a URL is that page. Both the IPC sender check and
// the navigation guard ask this, so "our page" has one definition.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type RendererLocation =
  | { kind: 'file'; path: string; url: string }
  | { kind: 'dev'; url: string };

/**
 * The dev server URL counts only in an unpackaged app: otherwise anyone who can set
 * ELECTRON_RENDERER_URL could point the installed app, bridge and all, at a page of their own.
 */
export function resolveRendererLocation(options: {
  devUrl: string | undefined;
  isPackaged: boolean;
  /** The folder of the built main process (out/main); the renderer sits beside it. */
  mainDir: string;
}): RendererLocation {
  const { devUrl, isPackaged, mainDir } = options;
  if (devUrl && !isPackaged && URL.canParse(devUrl)) return { kind: 'dev', url: devUrl };
  const path = join(mainDir, '../renderer/index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}

/** True for the app's page itself (any query or #route); false for anything else, including other local files. */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  if (!URL.canParse(url)) return false;
  const candidate = new URL(url);
  if (location.kind === 'dev') return candidate.origin === new URL(location.url).origin;
  if (candidate.protocol !== 'file:') return false;
  // Compare as paths, not URL text: Chromium and Node may percent-encode a Chinese user folder
  // differently, and Windows paths are case-insensitive.
  try {
    return samePath(fileURLToPath(candidate), location.path);
  } catch {
    return false; // a file URL that names no local path (e.g. a host on POSIX)
  }
}

function samePath(a: string, b: string): boolean {
  const [x, y] = [resolve(a), resolve(b)];
  return process.platform === 'win32' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

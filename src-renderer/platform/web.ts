// The browser's PlatformApi: a file input to open, a download to save, the print dialog to print.
// Kept thin on purpose; the pure parts (accept list, link rule) are tested on their own.
import { version } from '../../package.json';
import { isExternalLinkAllowed, type OpenedFile, type PlatformApi } from '../../src-shared/platform-api';
import { acceptAttribute } from './accept';

export const webPlatform = {
  kind: 'web',
  // A page cannot know the computer's host name.
  appInfo: async () => ({ version, platform: navigator.platform, hostName: null }),
  // A browser never runs the hub; the page may be served by one (same origin).
  officeHub: async () => null,
  // A page has no access to the OS key store: the token stays as it is, in this origin's IndexedDB.
  sealSecret: async (plain) => ({ scheme: 'plain', value: plain }),
  openSecret: async (sealed) => (sealed.scheme === 'plain' ? sealed.value : null),
  openFile: async ({ filters }) => {
    const file = await pickFile(acceptAttribute(filters));
    return file ? toOpenedFile(file) : null;
  },
  saveFile: async ({ suggestedName, data }) => {
    download(suggestedName, new Blob([new Uint8Array(data)]));
    return true;
  },
  printPage: async ({ suggestedName }) => {
    // Chromium names "Save as PDF" after the document title.
    const previous = document.title;
    document.title = suggestedName.replace(/\.pdf$/i, '');
    try {
      window.print();
    } finally {
      document.title = previous;
    }
    return true;
  },
  openExternal: async (url) => {
    if (!isExternalLinkAllowed(url)) return false;
    window.open(url, '_blank', 'noopener');
    return true;
  },
} satisfies PlatformApi;

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const finish = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function toOpenedFile(file: File): Promise<OpenedFile> {
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

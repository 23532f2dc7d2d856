// The renderer's build, shared by the web build (`npm run web`) and electron-vite's renderer entry.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { antdStyles } from './build/antdStyles.mjs';

const __dirname = dirname(fileURLToPath(import.meta.url));

/**
 * The web build's service worker (Workbox generateSW): it precaches the app shell so that a page
 * reloaded without network still opens on its IndexedDB data. The same out/renderer is what
 * Electron loads from file://, where no service worker can register; registration is decided at
 * run time in src-renderer/platform/serviceWorker.ts, so the plugin runs for both builds.
 */
const offlineShell = VitePWA({
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  injectRegister: false, // registered by platform/serviceWorker.ts, web only
  manifest: false, // no installable app (and no icons) yet: offline reloads only
  workbox: {
    // html, the bundle, styles, fonts and icons, and the WebAssembly the documents need (font subsetting).
    globPatterns: ['**/*.{html,js,mjs,css,woff,woff2,ttf,otf,eot,svg,png,jpg,jpeg,gif,webp,ico,wasm}'],
    // Every page and library chunk, so a page first opened offline still loads (route-level code
    // splitting: App.tsx). The documents' font (10 MB) is over Workbox's default 2 MiB limit.
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    navigateFallback: 'index.html',
    // The hub serves its API on the same origin: never answer it from the cache.
    navigateFallbackDenylist: [/^\/api\//],
    runtimeCaching: [],
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  },
});

export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'src-renderer'),
  base: './',
  publicDir: resolve(__dirname, 'resources/public'),
  plugins: [react(), antdStyles(), offlineShell],
  // Module workers (the draw off the window's thread: src-renderer/workers/) share chunks with the app.
  worker: { format: 'es' },
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified; the web build served by the hub is the same files,
    // and half the bytes parse in half the time on a first visit (and from file:// in the window).
    minify: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
};

export default defineConfig(rendererConfig);

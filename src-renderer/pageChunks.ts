// Every page of the app, each its own chunk fetched when first shown (lazyPage.ts): the window opens on the
// shell (menu, sync status) and the one page asked for, not on the Excel, map and PDF code of all the others.
// The service worker precaches every chunk, so a page first opened offline still loads.
import type { LazyPage } from './lazyPage';
import { lazyPage } from './lazyPage';
import { pageNameAt, type PageName } from './pageAddress';
import { idleMoment } from './platform/idle';

export const AccountsPage = lazyPage(() => import('./pages/AccountsPage').then((m) => m.AccountsPage));
export const AuditPage = lazyPage(() => import('./pages/AuditPage').then((m) => m.AuditPage));
export const CasePage = lazyPage(() => import('./pages/CasePage').then((m) => m.CasePage));
export const CasesPage = lazyPage(() => import('./pages/CasesPage').then((m) => m.CasesPage));
export const ConflictsPage = lazyPage(() => import('./pages/ConflictsPage').then((m) => m.ConflictsPage));
export const DrawHistoryPage = lazyPage(() => import('./pages/DrawHistoryPage').then((m) => m.DrawHistoryPage));
export const DrawPage = lazyPage(() => import('./pages/DrawPage').then((m) => m.DrawPage));
export const DrawRecordPage = lazyPage(() => import('./pages/DrawRecordPage').then((m) => m.DrawRecordPage));
export const DrawResultPage = lazyPage(() => import('./pages/DrawResultPage').then((m) => m.DrawResultPage));
export const InspectionSettingsPage = lazyPage(() => import('./pages/InspectionSettingsPage').then((m) => m.InspectionSettingsPage));
export const ListPage = lazyPage(() => import('./pages/ListPage').then((m) => m.ListPage));
export const MyTasksPage = lazyPage(() => import('./pages/MyTasksPage').then((m) => m.MyTasksPage));
export const CaseLedgerPage = lazyPage(() => import('./pages/OverchargePage').then((m) => m.CaseLedgerPage));
export const OverchargePage = lazyPage(() => import('./pages/OverchargePage').then((m) => m.OverchargePage));
export const ProfilePage = lazyPage(() => import('./pages/ProfilePage').then((m) => m.ProfilePage));
export const RefundsPage = lazyPage(() => import('./pages/RefundsPage').then((m) => m.RefundsPage));
export const PublicationPage = lazyPage(() => import('./pages/PublicationPage').then((m) => m.PublicationPage));
export const StatisticsPage = lazyPage(() => import('./pages/StatisticsPage').then((m) => m.StatisticsPage));
export const FilingsPage = lazyPage(() => import('./pages/FilingsPage').then((m) => m.FilingsPage));
export const CreditPage = lazyPage(() => import('./pages/CreditPage').then((m) => m.CreditPage));
export const TargetHistoryPage = lazyPage(() => import('./pages/TargetHistoryPage').then((m) => m.TargetHistoryPage));
export const SyncPage = lazyPage(() => import('./pages/SyncPage').then((m) => m.SyncPage));
export const TariffPage = lazyPage(() => import('./pages/TariffPage').then((m) => m.TariffPage));
export const VerifyPage = lazyPage(() => import('./pages/VerifyPage').then((m) => m.VerifyPage));

const PAGES: Record<PageName, LazyPage<never>> = {
  AccountsPage, AuditPage, CasePage, CasesPage, ConflictsPage, DrawHistoryPage, DrawPage, DrawRecordPage, DrawResultPage, InspectionSettingsPage, ListPage,
  MyTasksPage, CaseLedgerPage, OverchargePage, ProfilePage, RefundsPage, PublicationPage, StatisticsPage, FilingsPage, CreditPage, TargetHistoryPage,
  SyncPage, TariffPage, VerifyPage,
};

/** The page an address (`#/cases/ID`, `/statistics?plan=…`) shows, to fetch it ahead; undefined when unknown. */
export function pageAt(address: string): LazyPage<never> | undefined {
  const name = pageNameAt(address);
  return name ? PAGES[name] : undefined;
}

/**
 * Runs these tasks one by one while the window is idle, from `afterMs` on (what the user is doing first
 * comes first). Returns a function that stops what has not started.
 */
export function whenIdle(tasks: readonly (() => Promise<unknown>)[], afterMs: number): () => void {
  let stopped = false;
  const next = (i: number): void => {
    if (stopped || i >= tasks.length) return;
    void idleMoment(5_000).then(() => (stopped ? undefined : tasks[i]!().catch(() => undefined).then(() => next(i + 1))));
  };
  const start = setTimeout(() => next(0), afterMs);
  return () => {
    stopped = true;
    clearTimeout(start);
  };
}

/**
 * Fetches the pages at these addresses while the window is idle, from `afterMs` on: a page opened from the
 * menu then renders at once instead of waiting for its chunk.
 */
export function preloadWhenIdle(addresses: readonly string[], afterMs: number): () => void {
  return whenIdle(addresses.map((a) => () => pageAt(a)?.preload() ?? Promise.resolve()), afterMs);
}

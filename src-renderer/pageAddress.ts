// Which page an address shows (the routes of App.tsx by name), so its chunk can be fetched ahead
// (pageChunks.ts). Kept apart from the pages themselves: a plain function of the address.
import type { Role } from './state/profile';

/** Where each role's work starts. */
export const HOME: Record<Role, string> = { office: '/lists/entities', lead: '/draw', inspector: '/cases' };

export type PageName =
  | 'AccountsPage' | 'AuditPage' | 'CasePage' | 'CasesPage' | 'ConflictsPage' | 'DrawHistoryPage' | 'DrawPage' | 'DrawRecordPage' | 'DrawResultPage'
  | 'InspectionSettingsPage' | 'ListPage' | 'MyTasksPage' | 'CaseLedgerPage' | 'OverchargePage' | 'ProfilePage' | 'RefundsPage' | 'PublicationPage'
  | 'StatisticsPage' | 'FilingsPage' | 'CreditPage' | 'TargetHistoryPage' | 'SyncPage' | 'TariffPage' | 'VerifyPage';

/** Pages by the address's first segment. */
const BY_SEGMENT: Record<string, PageName> = {
  lists: 'ListPage', draw: 'DrawPage', draws: 'DrawHistoryPage', tasks: 'MyTasksPage', tariffs: 'TariffPage', overcharge: 'OverchargePage', cases: 'CasesPage',
  settings: 'InspectionSettingsPage', refunds: 'RefundsPage', publication: 'PublicationPage', statistics: 'StatisticsPage', filings: 'FilingsPage',
  credit: 'CreditPage', targets: 'TargetHistoryPage', conflicts: 'ConflictsPage', sync: 'SyncPage', accounts: 'AccountsPage', audit: 'AuditPage',
  profile: 'ProfilePage', verify: 'VerifyPage',
};

/** The page an address (`#/cases/ID`, `/statistics?plan=…`) shows; undefined when no route has it. */
export function pageNameAt(address: string): PageName | undefined {
  const [first = '', second, third] = address.replace(/^#?\/?/, '').split('?')[0]!.split('/');
  if (first === 'cases' && second) return third === 'ledger' ? 'CaseLedgerPage' : 'CasePage';
  if (first === 'draws' && second) return third === 'record' ? 'DrawRecordPage' : 'DrawResultPage';
  return Object.hasOwn(BY_SEGMENT, first) ? BY_SEGMENT[first] : undefined;
}

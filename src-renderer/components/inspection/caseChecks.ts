// A case's checks as the rules read them (src-shared/inspection), from the case's records.
import type { Photo } from '../../../src-shared/inspection/evidence';
import { verificationYearsOf, type OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import type { CaseChecks } from '../../../src-shared/inspection/onSiteRecord';
import type { TariffTable } from '../../../src-shared/tariff/types';
import type { LocalRecord } from '../../db/cases';
import { ledgerChecksOf } from './LedgerSection';
import { metersOf } from './MeterSection';
import { postingOf } from './PostingSection';

export function caseChecksOf(records: readonly LocalRecord[], table: TariffTable | null, checkedOn: string, settings: OfficeSettings): CaseChecks {
  return {
    checkedOn,
    years: verificationYearsOf(settings),
    table,
    meters: metersOf(records),
    posting: postingOf(records),
    ledgers: ledgerChecksOf(records),
    findings: records.filter((r) => r.kind === 'finding').map((r) => ({
      id: r.id,
      type: typeof r.data.type === 'string' ? r.data.type : null,
      title: String(r.data.title),
      facts: String(r.data.detail ?? ''),
      basis: typeof r.data.basis === 'string' ? r.data.basis : '',
      amountFen: typeof r.data.amountFen === 'number' ? r.data.amountFen : null,
    })),
    photos: records.filter((r) => r.kind === 'photo').map((r) => ({ id: r.id, photo: r.data as unknown as Photo })),
  };
}

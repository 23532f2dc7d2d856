// What the office's statistics are computed from: plain arrays of what a device holds (list rows, draws,
// cases, their findings and ledgers, refund orders as their standing, screened filings), and the filter chosen.
import type { CreditGrade } from '../domain';
import type { CaseOrigin } from '../targeted/origin';
import type { Period } from './period';

export interface StatEntity {
  uscc: string;
  name: string;
  district: string;
  credit: CreditGrade | null;
  /** WGS-84 degrees, both or neither. */
  lng: number | null;
  lat: number | null;
  active: boolean;
}

export interface StatDrawGroup {
  /** The group's dimension values (district always). */
  key: Record<string, string>;
  label: string;
  /** Targets in the group when it was drawn, and how many were drawn. */
  size: number;
  selected: number;
  /** The plan's ratio for the group (a fraction). */
  ratio: number;
}

/** A draw (one run of a plan). `groups` and `groupOf` are null for a hub draw this device only knows by its record. */
export interface StatDraw {
  id: string;
  name: string;
  /** UTC ISO time of the draw. */
  drawnAt: string;
  groups: StatDrawGroup[] | null;
  /** USCC → label of the group it was drawn in. */
  groupOf: Record<string, string> | null;
}

export interface StatCase {
  id: string;
  /** null for a targeted case. */
  drawId: string | null;
  uscc: string;
  entityName: string;
  district: string;
  status: string;
  /** China date it was approved (closed); null/absent while open. */
  closedOn?: string | null;
  /** Absent on cases made before targeted cases existed: 'draw'. */
  origin?: CaseOrigin;
  /** For a complaint: the China date it was received (the case's date while open). */
  receivedOn?: string | null;
}

export interface StatFinding {
  caseId: string;
  /** The office's finding type code; null on findings recorded before types existed. */
  type: string | null;
  amountFen: number | null;
}

/** A ledger computed in a case (台账核算 record): the file it read, when, and its overcharge (fen). */
export interface StatLedger {
  caseId: string;
  fileSha256: string;
  createdAt: string;
  totalOverchargeFen: number;
}

/**
 * A refund order as the statistics count it (kept per order as its events are written, statistics/facts.ts):
 * its China date issued and deadline, what it ordered, what was refunded and verified (fen), and how many
 * tenants are still owed — neither fully refunded nor unreachable: all of them overdue once the deadline is past.
 */
export interface StatRefund {
  orderId: string;
  caseId: string;
  issuedOn: string;
  deadline: string;
  orderedFen: number;
  paidFen: number;
  verifiedFen: number;
  owedTenants: number;
}

export interface StatFiling {
  uscc: string;
  /** 'YYYY-MM'. */
  month: string;
  flags: readonly string[];
  estimatedExcessFen: number;
}

export interface StatisticsInput {
  entities: readonly StatEntity[];
  draws: readonly StatDraw[];
  cases: readonly StatCase[];
  findings: readonly StatFinding[];
  ledgers: readonly StatLedger[];
  refunds: readonly StatRefund[];
  filings: readonly StatFiling[];
}

export interface StatisticsFilter {
  /** One draw (plan run), or null for every draw and the targeted cases. */
  drawId: string | null;
  period: Period;
  /** One district, or null for all. */
  district: string | null;
}

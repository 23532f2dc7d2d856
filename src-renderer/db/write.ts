// The one way pages change domain data: every function here is a mutator (src-renderer/sync/*Mutators,
// src-shared/sync/mutators.ts) bound to this device's database, so a click reaches Dexie, the outbox,
// the hub and every other device by one path. Pages never hold the Dexie object.
import * as cases from '../sync/mutators';
import * as reference from '../sync/referenceMutators';
import * as draws from '../sync/drawMutators';
import * as refunds from '../sync/refundMutators';
import * as publications from '../sync/publicationMutators';
import * as filings from '../sync/filingsMutators';
import * as credit from '../sync/creditMutators';
import * as targeted from '../sync/targetedMutators';
import { db } from './db';

type Bound<F> = F extends (db: typeof import('./db').db, ...args: infer A) => infer R ? (...args: A) => R : never;

function bind<F extends (...args: never[]) => unknown>(f: F): Bound<F> {
  return ((...args: unknown[]) => (f as unknown as (...a: unknown[]) => unknown)(db, ...args)) as Bound<F>;
}

export const write = {
  putListRows: bind(reference.putListRows),
  setActive: bind(reference.setActive),
  putTariffTable: bind(reference.putTariffTable),
  putLedgerMapping: bind(reference.putLedgerMapping),
  putOfficeSettings: bind(reference.putOfficeSettings),
  recordDraw: bind(draws.recordDraw),
  commitPlan: bind(draws.commitPlan),
  addRecord: bind(cases.addRecord),
  editRecord: bind(cases.editRecord),
  signRecord: bind(cases.signRecord),
  submitCase: bind(cases.submitCase),
  reviewCase: bind(cases.reviewCase),
  resolveConflict: bind(cases.resolveConflict),
  issueRefundOrder: bind(refunds.issueRefundOrder),
  recordRefundEvent: bind(refunds.recordRefundEvent),
  publishResults: bind(publications.publishResults),
  putFilings: bind(filings.putFilings),
  putCreditRule: bind(credit.putCreditRule),
  setCreditGrades: bind(credit.setCreditGrades),
  openTargetedCase: bind(targeted.openTargetedCase),
};

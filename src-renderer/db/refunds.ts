// Reads of refund orders kept on this device.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { chinaToday } from '../../src-shared/calendar/workdays';
import { db } from './db';
import type { RefundStanding } from './refundStandings';
import { latestOnly } from './latestOnly';
import { useWritesTo } from './writes';
import { standingsInWorker } from '../workers/refundsClient';

/** A case's refund orders, oldest first. */
export function useRefundOrders(caseId: string) {
  return useLiveQuery(() => db.refundOrders.where('caseId').equals(caseId).sortBy('issuedAt'), [caseId]);
}

/** The refund events of an order, in the order recorded. */
export function useRefundEvents(orderId: string) {
  return useLiveQuery(() => db.refundEvents.where('orderId').equals(orderId).sortBy('at'), [orderId]);
}

const standingsOnce = latestOnly<RefundStanding[]>();

/** What the standings are read from: a write to any of them makes them again. */
const STANDINGS_FROM = ['refundOrders', 'refundEvents', 'cases', 'officeSettings'];

/**
 * The standings on `today`, made in a worker once for everyone showing them (the menu's badge, the day's
 * notice, 退费跟踪) and again after writes; the last ones stay shown until the next come. Undefined while loading.
 */
export function useRefundStandings(today = chinaToday(new Date())): RefundStanding[] | undefined {
  const version = useWritesTo(STANDINGS_FROM);
  const [shown, setShown] = useState<RefundStanding[] | undefined>(undefined);
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    standingsOnce(`${today}|${version}`, () => standingsInWorker(today)).then((s) => {
      if (live && s) setShown(s);
    }, (e: unknown) => console.error('refund standings', e));
    return () => {
      live = false;
    };
  }, [today, version]);
  return shown;
}

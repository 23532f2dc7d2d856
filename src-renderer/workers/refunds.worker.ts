// The refund orders' standings off the window's thread (db/refunds.ts readRefundStandings): at a city's year
// (875 orders, 8,506 events) reading and tracking them took about 240 ms, on every office page (the menu's
// badge and the day's notice) and again at every write to an order, an event or a case.
import { db } from '../db/db';
import { readRefundStandings, type RefundStanding } from '../db/refundStandings';
import { serveTask } from './serve';

serveTask<{ today: string }, never, RefundStanding[]>(({ today }) => readRefundStandings(db, today));

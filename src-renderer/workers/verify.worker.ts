// 复核 off the window's thread (db/drawVerify.ts): the worker reads the draw, the lists and their history
// itself, draws again and answers with the verdict.
import { db } from '../db/db';
import { verifyKept, type DrawVerdict } from '../db/drawVerify';
import { serveTask } from './serve';

serveTask<{ drawId: string }, never, DrawVerdict>(({ drawId }) => verifyKept(db, drawId));

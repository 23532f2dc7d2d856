// 评定's grade changes applied off the window's thread: at 100,000 targets, applying all 70,032 held the
// window for 17 s with tasks of up to 2 s (each target, its list history and its grade change cloned into
// IndexedDB there). Here they are written in slices, with progress, and a cancel rolls the whole apply back.
import type { CreditGradeChange } from '../../src-shared/credit/change';
import { applyCreditGrades } from '../db/creditWorld';
import { db } from '../db/db';
import type { GradeProgress } from '../sync/creditMutators';
import { serveTask } from './serve';

export interface GradesRequest {
  changes: CreditGradeChange[];
}

serveTask<GradesRequest, GradeProgress, number>(({ changes }, context) => applyCreditGrades(db, changes, context));

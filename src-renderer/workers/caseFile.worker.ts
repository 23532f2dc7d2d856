// A case file (.tcase) made off the window's thread: reading the outbox and the photos it names, zipping
// and signing them (tens of megabytes with a case's photos) would hold the window for seconds.
import { db } from '../db/db';
import { exportCaseFile } from '../sync/caseFile';
import { serveTask } from './serve';

/** The unsynced work of every case, or up to one case's last mutation (sync/caseFile.ts). */
export interface CaseFileRequest {
  caseId?: string;
}

export type CaseFileReply = Awaited<ReturnType<typeof exportCaseFile>>;

serveTask<CaseFileRequest, never, CaseFileReply>((request) => exportCaseFile(db, request.caseId));

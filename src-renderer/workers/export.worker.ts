// The exports of whole lists off the window's thread (db/exports.ts): the worker reads this device's database
// itself and hands back the file's bytes.
import { db } from '../db/db';
import { makeExport, type ExportProgress, type ExportRequest } from '../db/exports';
import { serveTask } from './serve';

serveTask<ExportRequest, ExportProgress, Uint8Array>((request, { progress }) => makeExport(db, request, progress));

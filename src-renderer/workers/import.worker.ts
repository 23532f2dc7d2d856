// A list file read, checked and stored off the window's thread (listImport.ts). Parsing a 3,841-row
// workbook takes about a second of CPU, and storing its rows (row, history, outbox and search column,
// each cloned into IndexedDB) about as much again: on the window either would freeze the dialog.
import { db } from '../db/db';
import { listImportWork, type ImportProgress, type ImportReply, type ImportRequest } from './listImport';
import { serveTask } from './serve';

serveTask<ImportRequest, ImportProgress, ImportReply>(listImportWork(db));

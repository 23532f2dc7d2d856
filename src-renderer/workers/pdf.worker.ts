// A draw's PDFs off the window's thread (db/drawDocs.ts): the worker reads the draw and the inspectors itself,
// fetches the font, and hands back the bytes; the window has them signed (db/seal.ts) and saves them.
import { db } from '../db/db';
import { drawPdf, type DrawPdfProgress, type DrawPdfRequest } from '../db/drawDocs';
import { serveTask } from './serve';

serveTask<DrawPdfRequest, DrawPdfProgress, Uint8Array>((request, { progress }) => drawPdf(db, request, progress));

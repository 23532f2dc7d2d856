// Reading and screening a filings workbook in a Web Worker (filings.worker.ts), with the errors of this thread.
import { FilingsReadError } from '../../src-shared/filings/readFilings';
import type { FilingsCheck, FilingsReply, FilingsRequest } from './filings.worker';

export type { FilingsCheck };

/** Reads, checks and screens a filings file off the window's thread. Throws FilingsReadError for an unusable file. */
export function checkFilingsFile(request: FilingsRequest): Promise<FilingsCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./filings.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FilingsReply>) => {
      const reply = event.data;
      worker.terminate();
      if (reply.type === 'done') resolve(reply.check);
      else if (reply.error.name === 'FilingsReadError') reject(new FilingsReadError(reply.error.code, reply.error.message));
      else reject(new Error(reply.error.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    const data = request.data.slice();
    worker.postMessage({ ...request, data } satisfies FilingsRequest, [data.buffer]);
  });
}

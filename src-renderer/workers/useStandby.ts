// A page's standby worker (standby.ts) lives while the page is open: started as it mounts, ended as it unmounts.
import { useEffect } from 'react';
import type { Standby } from './standby';

export function useStandby(worker: Pick<Standby, 'prepare' | 'end'>): void {
  useEffect(() => {
    worker.prepare();
    return () => worker.end();
  }, [worker]);
}

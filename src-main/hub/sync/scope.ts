// Who may read a case: the same rule as writing (src-main/hub/sync/mutators.ts canWriteCase).
import type { DeviceSession } from '../accounts/devices';
import type { CaseRow } from './changes';
import { canWriteCase } from './mutators';

export function canReadCase(session: DeviceSession, c: Pick<CaseRow, 'inspectors' | 'district'>): boolean {
  return canWriteCase(session, c);
}

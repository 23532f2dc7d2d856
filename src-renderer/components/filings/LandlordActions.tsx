import { OpenTargetedCaseButton } from '../targeted';
import { screeningOrigin, type LandlordRow } from './landlordRows';

/**
 * The actions cell of a landlord in the ranking: a targeted case opened from its flags (issue 15 §3).
 * Only for a flagged landlord on the target list: a case is opened on a listed target, and a landlord
 * not on the list is added to it first (检查对象名录).
 */
export function LandlordActions({ row }: { row: LandlordRow }) {
  return (
    <span data-testid={`landlord-actions-${row.uscc}`}>
      {row.listed && row.flaggedMonths > 0 && <OpenTargetedCaseButton size="small" uscc={row.uscc} name={row.name} origin={screeningOrigin(row)} />}
    </span>
  );
}

// Complaint-driven and targeted cases (issue 15): what other pages place.
export { OpenTargetedCaseButton, type OpenTargetedCaseButtonProps } from './OpenTargetedCaseButton';
export { CaseOriginTag } from './CaseOriginTag';
export { CaseOriginDetails } from './CaseOriginDetails';

// The result category a case is published with (一公开, 双随机抽查结果公示): derived from what the case came
// to — a refund order, findings, or nothing — unless the office names another at publication time
// (立案查处, or 其他 with a note).
export const PUBLICATION_CATEGORIES = ['no-problem', 'rectification-ordered', 'refund-ordered', 'case-filed', 'other'] as const;
export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number];

/** The categories derived from the case itself; the others are the office's choice. */
export type DerivedCategory = Extract<PublicationCategory, 'no-problem' | 'rectification-ordered' | 'refund-ordered'>;

/** How each category reads in the public notice (the notice is always in Chinese). */
export const CATEGORY_TEXT: Record<PublicationCategory, string> = {
  'no-problem': '未发现问题',
  'rectification-ordered': '发现问题已责令整改',
  'refund-ordered': '责令退还',
  'case-filed': '立案查处',
  other: '其他',
};

/** What a closed case came to, as far as the category is concerned. */
export interface CaseOutcome {
  /** Finding records (违法事实) of the case. */
  findings: number;
  /** Refund orders issued for the case (numbered or not yet). */
  refundOrders: number;
}

/** The category a closed case is published with unless the office overrides it. */
export function derivedCategory(outcome: CaseOutcome): DerivedCategory {
  if (outcome.refundOrders > 0) return 'refund-ordered';
  if (outcome.findings > 0) return 'rectification-ordered';
  return 'no-problem';
}

/** The categories the office may publish a case with: the derived one, 立案查处, or 其他 (with a note). */
export function allowedCategories(derived: DerivedCategory): PublicationCategory[] {
  return [derived, 'case-filed', 'other'];
}

// 来源 of a case at a glance: 随机抽查, 投诉举报 or 定向检查, and how many complaints were attached to it.
import { useTranslation } from 'react-i18next';
import { originOf, type CaseOrigin } from '../../../src-shared/targeted/origin';
import type { LocalCase } from '../../db/cases';
import { leanTag } from '../listColumns';

/** Preset colours (antd's names), null for the plain tag as leanTag takes it: a chosen case stands out from the drawn ones. */
const ORIGIN_COLOR = { draw: null, complaint: 'magenta', screening: 'purple' } as const satisfies Record<CaseOrigin, string | null>;

export function CaseOriginTag({ kase }: { kase: Pick<LocalCase, 'origin' | 'linkedComplaints'> }) {
  const { t } = useTranslation();
  const origin = originOf(kase);
  const linked = kase.linkedComplaints?.length ?? 0;
  // Drawn by CSS as antd's Tag (listColumns' leanTag): a page of cases shows one in every row.
  return (
    <>
      {leanTag(t(`origin.${origin}`), ORIGIN_COLOR[origin], 'case-origin')}
      {linked > 0 && leanTag(t('origin.linked', { count: linked }), 'magenta')}
    </>
  );
}

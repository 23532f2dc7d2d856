// A grade change as the office reads it: the grade before → the grade after, as tags.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreditProposal } from '../../../src-shared/credit/evaluate';
import { creditTag } from '../listColumns';

export function GradeChange({ from, to }: { from: CreditProposal['from']; to: CreditProposal['to'] | null }) {
  const { t } = useTranslation();
  return <Space size={4}>{creditTag(from, t)}<ArrowRightOutlined />{creditTag(to, t)}</Space>;
}

import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingFlag } from '../../../src-shared/filings/types';

const COLOR: Record<FilingFlag, string> = { markup: 'orange', 'above-catalogue': 'red', loss: 'gold', inverted: 'purple' };

/** The flags of a month as tags with their Chinese names (with counts, for a landlord's months). */
export function FlagTags({ flags }: { flags: readonly (FilingFlag | { flag: FilingFlag; count: number })[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {flags.map((f) => {
        const flag = typeof f === 'string' ? f : f.flag;
        const label = t(`filingsUi.flag.${flag}`);
        return (
          <Tag key={flag} color={COLOR[flag]} data-flag={flag}>
            {typeof f === 'string' ? label : t('filingsUi.flagCount', { flag: label, count: f.count })}
          </Tag>
        );
      })}
    </Space>
  );
}

// A target chosen from the list by typing: the first 30 whose name, code, address or contact holds the text
// (db/targeted.ts), never the whole list offered (100,000 targets in one drop-down).
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntity, useTargetSearch } from '../db/targeted';

interface TargetPickerProps {
  /** Given by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (uscc: string) => void;
  /** Only active targets (a new case), or every one (a grade set by hand). */
  activeOnly: boolean;
  /** The screen reader's name of the field. */
  label: string;
  /** Its width in an inline form (a form laid out vertically gives it the row). */
  width?: number;
}

export function TargetPicker({ id, value, onChange, activeOnly, label, width }: TargetPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useTargetSearch(text, activeOnly);
  const chosen = useEntity(value ?? null);
  const options = [...(chosen && !found.some((e) => e.uscc === chosen.uscc) ? [chosen] : []), ...found];
  return (
    <Select id={id} style={width ? { width } : undefined} showSearch={{ filterOption: false, onSearch: setText }} value={value} onChange={onChange} placeholder={t('targeted.targetPlaceholder')} aria-label={label}
      notFoundContent={null} options={options.map((e) => ({ value: e.uscc, label: `${e.name}（${e.uscc}）` }))} />
  );
}

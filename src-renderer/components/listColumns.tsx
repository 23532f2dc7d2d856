// What the two list tables show, per kind.
import { Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { CreditGrade, Entity, Inspector } from '../../src-shared/domain';

const CREDIT_COLOR: Record<CreditGrade, string> = { green: 'green', blue: 'blue', yellow: 'gold', red: 'red', black: 'black' };

export function statusTag(active: boolean, t: TFunction) {
  return active ? <Tag color="success">{t('list.active')}</Tag> : <Tag>{t('list.inactive')}</Tag>;
}

export function creditTag(credit: CreditGrade | null, t: TFunction) {
  return credit ? <Tag color={CREDIT_COLOR[credit]}>{t(`credit.${credit}`)}</Tag> : <span>—</span>;
}

/**
 * A cell's text whose tooltip is made when the pointer first comes over it: a page of rows holds a hundred
 * such cells, and a hundred antd Tooltips made up front cost more than the rest of the table's render.
 */
function TipOnHover({ text, href }: { text: string; href?: string }) {
  const [hovered, setHovered] = useState(false);
  const shown = href ? <a href={href}>{text}</a> : text;
  if (!hovered) return <span onMouseEnter={() => setHovered(true)}>{shown}</span>;
  return (
    <Tooltip placement="topLeft" title={text} defaultOpen>
      <span>{shown}</span>
    </Tooltip>
  );
}

/** A text cut to its column's width on one line, the whole text in a tooltip (antd's own `title` is not shown). */
export const ellipsised = { ellipsis: { showTitle: false }, render: (text: string) => <TipOnHover text={text} /> } as const;

/** The scroll width of a table: its columns' widths added up (a smaller one lets the last columns slide under a fixed one). */
export function columnsWidth(columns: readonly { width?: number | string }[]): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
}

// Widths fit the longest usual value (18-character codes, 11-digit phones, a district's name) so no column
// wraps; names, units and addresses are cut with a tooltip.
export function entityColumns(t: TFunction): ColumnsType<Entity> {
  return [
    { title: t('field.uscc'), dataIndex: 'uscc', width: 190, fixed: 'left' },
    { title: t('field.name'), dataIndex: 'name', width: 220, ...ellipsised, render: (text: string, e: Entity) => <TipOnHover text={text} href={`#/targets/${e.uscc}`} /> },
    { title: t('field.kind'), dataIndex: 'kind', width: 100, render: (k: Entity['kind']) => t(`kind.${k}`) },
    { title: t('field.district'), dataIndex: 'district', width: 90, ...ellipsised },
    { title: t('field.subdistrict'), dataIndex: 'subdistrict', width: 110, ...ellipsised },
    { title: t('field.credit'), dataIndex: 'credit', width: 80, render: (c: Entity['credit']) => creditTag(c, t) },
    { title: t('field.tenantCount'), dataIndex: 'tenantCount', width: 80, align: 'right' },
    { title: t('field.contact'), dataIndex: 'contact', width: 90, ...ellipsised },
    { title: t('field.phone'), dataIndex: 'phone', width: 140, ...ellipsised },
    { title: t('field.address'), dataIndex: 'address', width: 240, ...ellipsised },
    { title: t('field.status'), dataIndex: 'active', width: 80, render: (a: boolean) => statusTag(a, t) },
  ];
}

export function inspectorColumns(t: TFunction): ColumnsType<Inspector> {
  return [
    { title: t('field.certNo'), dataIndex: 'certNo', width: 150, fixed: 'left' },
    { title: t('field.inspectorName'), dataIndex: 'name', width: 100, ...ellipsised },
    { title: t('field.unit'), dataIndex: 'unit', width: 220, ...ellipsised },
    { title: t('field.district'), dataIndex: 'district', width: 90, ...ellipsised },
    { title: t('field.subdistrict'), dataIndex: 'subdistrict', width: 110, ...ellipsised },
    { title: t('field.phone'), dataIndex: 'phone', width: 140, ...ellipsised },
    { title: t('field.conflicts'), dataIndex: 'conflicts', width: 200, ellipsis: { showTitle: false }, render: (c: string[]) => <TipOnHover text={c.join('、') || '—'} /> },
    { title: t('field.status'), dataIndex: 'active', width: 80, render: (a: boolean) => statusTag(a, t) },
  ];
}

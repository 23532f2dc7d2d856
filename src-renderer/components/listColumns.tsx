// What the two list tables show, per kind.
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { CREDIT_GRADES, ENTITY_KINDS, type CreditGrade, type Entity, type Inspector } from '../../src-shared/domain';
import { TipOnHover } from './HoverTip';
import type { LeanColumn } from './LeanTable';

const CREDIT_COLOR: Record<CreditGrade, string> = { green: 'green', blue: 'blue', yellow: 'gold', red: 'red', black: 'black' };

/** A status's label and antd colour (null: the plain tag), for antd's Tag and the cells' CSS tag alike. */
const statusLook = (active: boolean) => (active ? { label: 'list.active', tone: 'success' } : { label: 'list.inactive', tone: null });

export function statusTag(active: boolean, t: TFunction) {
  const { label, tone } = statusLook(active);
  return <Tag color={tone ?? undefined}>{t(label)}</Tag>;
}

export function creditTag(credit: CreditGrade | null, t: TFunction) {
  return credit ? <Tag color={CREDIT_COLOR[credit]}>{t(`credit.${credit}`)}</Tag> : <span>—</span>;
}

/**
 * A tag drawn by CSS alone (styles.css, `.lean-tag-*`, antd's colours) for tables' cells (the lists, the
 * cases): the rows in view hold dozens of tags, and each antd Tag runs its theme and style hooks as it renders.
 */
export const leanTag = (label: string, tone: string | null, testId?: string, key?: string) => (
  <span key={key} className={tone ? `lean-tag lean-tag-${tone}` : 'lean-tag'} data-testid={testId}>{label}</span>
);

function cellStatus(t: TFunction): (active: boolean) => ReactNode {
  const [on, off] = [true, false].map((active) => leanTag(t(statusLook(active).label), statusLook(active).tone));
  return (active) => (active ? on : off);
}

function cellCredit(t: TFunction): (credit: CreditGrade | null) => ReactNode {
  const tags = new Map(CREDIT_GRADES.map((g) => [g, leanTag(t(`credit.${g}`), CREDIT_COLOR[g])]));
  return (credit) => (credit ? tags.get(credit) : '—');
}

/** A text cut to its column's width on one line (LeanTable's cells), the whole text in a tooltip. */
const cut = (text: string) => <TipOnHover text={text} />;

// Widths fit the longest usual value (18-character codes, 11-digit phones, a district's name) so no column
// wraps; names, units and addresses are cut with a tooltip.
export function entityColumns(t: TFunction): LeanColumn<Entity>[] {
  const [status, credit] = [cellStatus(t), cellCredit(t)];
  const kinds = new Map(ENTITY_KINDS.map((k) => [k, t(`kind.${k}`)]));
  return [
    { key: 'uscc', title: t('field.uscc'), width: 190, fixed: 'left', render: (e) => e.uscc },
    { key: 'name', title: t('field.name'), width: 220, render: (e) => <TipOnHover text={e.name} href={`#/targets/${e.uscc}`} /> },
    { key: 'kind', title: t('field.kind'), width: 100, render: (e) => kinds.get(e.kind) },
    { key: 'district', title: t('field.district'), width: 90, render: (e) => cut(e.district) },
    { key: 'subdistrict', title: t('field.subdistrict'), width: 110, render: (e) => cut(e.subdistrict) },
    { key: 'credit', title: t('field.credit'), width: 80, render: (e) => credit(e.credit) },
    { key: 'tenantCount', title: t('field.tenantCount'), width: 80, align: 'right', render: (e) => e.tenantCount },
    { key: 'contact', title: t('field.contact'), width: 90, render: (e) => cut(e.contact) },
    { key: 'phone', title: t('field.phone'), width: 140, render: (e) => cut(e.phone) },
    { key: 'address', title: t('field.address'), width: 240, render: (e) => cut(e.address) },
    { key: 'active', title: t('field.status'), width: 80, render: (e) => status(e.active) },
  ];
}

export function inspectorColumns(t: TFunction): LeanColumn<Inspector>[] {
  const status = cellStatus(t);
  return [
    { key: 'certNo', title: t('field.certNo'), width: 150, fixed: 'left', render: (i) => i.certNo },
    { key: 'name', title: t('field.inspectorName'), width: 100, render: (i) => cut(i.name) },
    { key: 'unit', title: t('field.unit'), width: 220, render: (i) => cut(i.unit) },
    { key: 'district', title: t('field.district'), width: 90, render: (i) => cut(i.district) },
    { key: 'subdistrict', title: t('field.subdistrict'), width: 110, render: (i) => cut(i.subdistrict) },
    { key: 'phone', title: t('field.phone'), width: 140, render: (i) => cut(i.phone) },
    { key: 'conflicts', title: t('field.conflicts'), width: 200, render: (i) => cut(i.conflicts.join('、') || '—') },
    { key: 'active', title: t('field.status'), width: 80, render: (i) => status(i.active) },
  ];
}

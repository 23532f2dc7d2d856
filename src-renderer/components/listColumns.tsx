// What the two list tables show, per kind.
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { CreditGrade, Entity, Inspector } from '../../src-shared/domain';

const CREDIT_COLOR: Record<CreditGrade, string> = { green: 'green', blue: 'blue', yellow: 'gold', red: 'red', black: 'black' };

export function statusTag(active: boolean, t: TFunction) {
  return active ? <Tag color="success">{t('list.active')}</Tag> : <Tag>{t('list.inactive')}</Tag>;
}

export function creditTag(credit: CreditGrade | null, t: TFunction) {
  return credit ? <Tag color={CREDIT_COLOR[credit]}>{t(`credit.${credit}`)}</Tag> : <span>—</span>;
}

export function entityColumns(t: TFunction): ColumnsType<Entity> {
  return [
    { title: t('field.uscc'), dataIndex: 'uscc', width: 190, fixed: 'left' },
    { title: t('field.name'), dataIndex: 'name', width: 220, ellipsis: true },
    { title: t('field.kind'), dataIndex: 'kind', width: 100, render: (k: Entity['kind']) => t(`kind.${k}`) },
    { title: t('field.district'), dataIndex: 'district', width: 100 },
    { title: t('field.subdistrict'), dataIndex: 'subdistrict', width: 110 },
    { title: t('field.credit'), dataIndex: 'credit', width: 90, render: (c: Entity['credit']) => creditTag(c, t) },
    { title: t('field.tenantCount'), dataIndex: 'tenantCount', width: 80, align: 'right' },
    { title: t('field.contact'), dataIndex: 'contact', width: 90 },
    { title: t('field.phone'), dataIndex: 'phone', width: 150, ellipsis: true },
    { title: t('field.address'), dataIndex: 'address', width: 240, ellipsis: true },
    { title: t('field.status'), dataIndex: 'active', width: 80, render: (a: boolean) => statusTag(a, t) },
  ];
}

export function inspectorColumns(t: TFunction): ColumnsType<Inspector> {
  return [
    { title: t('field.certNo'), dataIndex: 'certNo', width: 150, fixed: 'left' },
    { title: t('field.inspectorName'), dataIndex: 'name', width: 100 },
    { title: t('field.unit'), dataIndex: 'unit', width: 220, ellipsis: true },
    { title: t('field.district'), dataIndex: 'district', width: 100 },
    { title: t('field.subdistrict'), dataIndex: 'subdistrict', width: 110 },
    { title: t('field.phone'), dataIndex: 'phone', width: 150, ellipsis: true },
    { title: t('field.conflicts'), dataIndex: 'conflicts', width: 200, render: (c: string[]) => c.join('、') || '—' },
    { title: t('field.status'), dataIndex: 'active', width: 80, render: (a: boolean) => statusTag(a, t) },
  ];
}

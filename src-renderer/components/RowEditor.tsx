import { App, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListKind } from '../../src-shared/domain';
import { columnLabelKey, listSpec } from '../../src-shared/lists/columns';
import { checkRow } from '../../src-shared/lists/validate';
import { rowKey, storedKeys, type ListRow } from '../db/lists';
import { write } from '../db/write';
import { describeError } from '../i18n/errors';

type Texts = Record<string, string>;

/**
 * Adds or edits one row by hand. The form holds the same texts as an Excel row and goes through the
 * importer's own row check, so a hand-typed row obeys exactly the rules of an imported one.
 */
export function RowEditor({ kind, row, onClose }: { kind: ListKind; row: ListRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const spec = useMemo(() => listSpec(kind), [kind]);
  const [form] = Form.useForm<Texts>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => {
    const texts: Texts = {};
    const source = row ?? null;
    for (const c of spec.columns) {
      const cell = source ? (c.toCell as (r: ListRow) => string | number | null)(source) : null;
      texts[c.field] = cell === null ? '' : String(cell);
    }
    if (!source) texts.active = spec.columns.find((c) => c.field === 'active')?.choices?.[0] ?? '';
    return texts;
  }, [row, spec]);

  async function save() {
    const texts = form.getFieldsValue(true) as Texts;
    const at = new Map(spec.columns.map((c, i) => [c.field as string, i]));
    const checked = checkRow(spec, at, { texts: spec.columns.map((c) => texts[c.field] ?? ''), longNumbers: new Set() }, 0);
    const errors = new Map<string, string[]>();
    for (const issue of checked.issues) {
      const field = spec.columns.find((c) => c.label === issue.field)?.field ?? '';
      errors.set(field, [...(errors.get(field) ?? []), t(`issue.${issue.code}`, issue.params ?? {})]);
    }
    if (!row && checked.key && (await storedKeys(kind)).has(checked.key)) {
      errors.set(spec.key, [t('issue.existing')]);
    }
    form.setFields(spec.columns.map((c) => ({ name: c.field, errors: errors.get(c.field) ?? [] })));
    if (errors.size) {
      message.error(t('editor.invalid'));
      return;
    }
    setSaving(true);
    try {
      await write.putListRows(kind, [spec.schema.parse(checked.values) as ListRow], row ? 'edit' : 'create');
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={720}
      title={row ? t('list.editTitle', { name: row.name }) : t(`list.addTitle.${kind}`)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={initial} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {spec.columns.map((c) => (
          <Form.Item key={c.field} name={c.field} label={t(columnLabelKey(c.label) ?? c.label)} required={c.required}>
            {c.choices ? (
              <Select allowClear={!c.required} options={c.choices.map((v) => ({ value: v, label: v }))} />
            ) : (
              <Input disabled={row !== null && c.field === spec.key} aria-label={c.label} />
            )}
          </Form.Item>
        ))}
      </Form>
      {row && <input type="hidden" value={rowKey(kind, row)} />}
    </Modal>
  );
}

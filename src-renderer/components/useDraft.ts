// Saving as you type for an antd form: every change is kept as a draft (db/drafts.ts), a draft found on
// opening is put back into the form, and a saved or discarded form drops its draft.
import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { draftKey, dropDraft, keepDraft, readDraft } from '../db/drafts';

export interface DraftControl {
  /** Pass to Form's onValuesChange. */
  onValuesChange: () => void;
  /** When a draft was put back into the form (UTC ISO), null when the form started clean. */
  restoredAt: string | null;
  /** Call after the record was saved, or to discard the draft; `reset` also clears the form. */
  drop: (reset?: boolean) => Promise<void>;
}

export function useDraft<T extends object>(form: FormInstance<T>, caseId: string, name: string): DraftControl {
  const key = draftKey(caseId, name);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void readDraft(key).then((d) => {
      if (!live || !d) return;
      form.setFieldsValue(d.values as Parameters<typeof form.setFieldsValue>[0]);
      setRestoredAt(d.savedAt);
    });
    return () => { live = false; };
  }, [form, key]);
  return {
    restoredAt,
    onValuesChange: () => void keepDraft(key, caseId, form.getFieldsValue(true)),
    drop: async (reset = false) => {
      await dropDraft(key);
      setRestoredAt(null);
      if (reset) form.resetFields();
    },
  };
}

// 新建投诉/定向案件: the office's button wherever a target or a flag is in view (filings, target history,
// cases). Given a target (and maybe the flags or complaint it comes from), the dialog opens on it; without
// one, the office searches the list. Other roles do not see it (the hub would refuse them).
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetedOrigin } from '../../../src-shared/targeted/origin';
import { useIdentity } from '../../db/identity';
import { OpenTargetedCaseDialog } from './OpenTargetedCaseDialog';

export interface OpenTargetedCaseButtonProps {
  uscc?: string;
  name?: string;
  origin?: TargetedOrigin;
  size?: 'small' | 'middle';
}

export function OpenTargetedCaseButton({ uscc, name, origin, size }: OpenTargetedCaseButtonProps) {
  const { t } = useTranslation();
  const identity = useIdentity();
  const [open, setOpen] = useState(false);
  if (identity?.role !== 'office') return null;
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)} title={name} data-testid="open-targeted-case">{t('targeted.button')}</Button>
      {/* Made only when opened: a list of flagged landlords with a button each builds no dialogs. */}
      {open && <OpenTargetedCaseDialog {...(uscc ? { uscc } : {})} {...(origin ? { origin } : {})} onClose={() => setOpen(false)} />}
    </>
  );
}

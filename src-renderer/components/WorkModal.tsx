// Long work started from a button (an export, a document), as the person sees it: the button's spinner at
// once, and for work that lasts, a window with what it is doing, a bar and Cancel. A quick piece shows no
// window that flashes.
import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { WorkProgress } from './WorkProgress';

/** Work quicker than this shows only its button's spinner. */
const SHOW_AFTER_MS = 400;

export function WorkModal({ busy, title, percent, text, cancelLabel, onCancel, testId }: {
  busy: boolean;
  title: string;
  /** 0–100, or null while the size of the work is not known. */
  percent: number | null;
  text: string;
  cancelLabel: string;
  onCancel: () => void;
  testId?: string;
}) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) return setShown(false);
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  if (!busy || !shown) return null;
  return (
    <Modal open title={title} footer={null} closable={false} maskClosable={false} keyboard={false}>
      <WorkProgress testId={testId} percent={percent} text={text} cancelLabel={cancelLabel} canCancel onCancel={onCancel} />
    </Modal>
  );
}

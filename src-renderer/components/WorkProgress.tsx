// Long work in a worker as the person sees it: a bar, what it is doing, and Cancel while cancelling still
// leaves nothing behind.
import { Button, Progress, Space, Typography } from 'antd';

export function WorkProgress({ percent, text, cancelLabel, canCancel, onCancel, testId }: {
  /** 0–100, or null while the size of the work is not known yet. */
  percent: number | null;
  text: string;
  cancelLabel: string;
  canCancel: boolean;
  onCancel: () => void;
  testId?: string;
}) {
  return (
    <div data-testid={testId} style={{ margin: '12px 0' }}>
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} aria-label={text} />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary" role="status">{text}</Typography.Text>
        <Button size="small" danger disabled={!canCancel} onClick={onCancel}>{cancelLabel}</Button>
      </Space>
    </div>
  );
}

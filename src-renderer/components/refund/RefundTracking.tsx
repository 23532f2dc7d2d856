// 退费跟踪 of one order: per tenant what was ordered, paid (with its proof) and verified, late or not;
// the office or the district lead records a payment, verifies it, or notes a tenant who cannot be found.
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import { fenOfYuan, formatFen, parseDecimal } from '../../../src-shared/money';
import type { RefundOrder } from '../../../src-shared/refund/order';
import { refundProofSchema, totalsOf, trackingOf, type RefundEvent, type RefundStatus, type TenantTracking } from '../../../src-shared/refund/tracking';
import { useRefundEvents } from '../../db/refunds';
import { storeBlob } from '../../db/syncState';
import { write } from '../../db/write';
import { useRun } from '../useRun';
import { RefundReminderPanel } from './RefundReminderPanel';

const STATUS_COLOR: Record<RefundStatus, string> = { pending: 'default', partial: 'gold', paid: 'blue', verified: 'green', unreachable: 'purple' };
const PROOF_MAX = 25 * 1024 * 1024;

interface PaidForm {
  amount: string;
  paidOn: dayjs.Dayjs;
  note?: string;
}

/** 登记退还: the amount (the rest by default), the day paid, the receipt or bank slip. */
function PaidDialog({ order, row, onClose }: { order: RefundOrder; row: TenantTracking; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm<PaidForm>();
  const [proof, setProof] = useState<File | null>(null);
  const [proofProblem, setProofProblem] = useState<string | null>(null);
  const choose = (file: File) => {
    const why = file.size === 0 ? 'empty' : file.size > PROOF_MAX ? 'too-large' : refundProofSchema.shape.type.safeParse(file.type).success ? null : 'type';
    setProof(why ? null : file);
    setProofProblem(why && t(`refund.track.proofProblem.${why}`, { name: file.name }));
    return false;
  };
  async function save(f: PaidForm) {
    const amount = parseDecimal(f.amount.trim(), 2);
    if (!amount.ok) return form.setFields([{ name: 'amount', errors: [t('insp.findings.amountBad')] }]);
    if (!proof) return;
    const ok = await run(async () => {
      const type = refundProofSchema.shape.type.parse(proof.type);
      const sha256 = await storeBlob(proof);
      const event: RefundEvent = { id: uuidv7(), orderId: order.id, tenant: row.tenant, kind: 'paid', amountFen: fenOfYuan(amount.value), paidOn: f.paidOn.format('YYYY-MM-DD'), proof: { sha256, name: proof.name, type }, note: (f.note ?? '').trim() };
      await write.recordRefundEvent(event);
    });
    if (ok) onClose();
  }
  return (
    <Modal open mask={{ closable: false }} title={t('refund.track.paidTitle', { tenant: row.tenant })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ disabled: !proof }}>
      <Form form={form} name={`paid-${row.tenant}`} layout="vertical" onFinish={(f) => void save(f)} initialValues={{ amount: (row.remainingFen / 100).toFixed(2), paidOn: dayjs(chinaToday(new Date())) }}>
        <Form.Item name="amount" label={t('refund.track.amount', { remaining: formatFen(row.remainingFen) })} rules={[{ required: true, message: t('insp.meter.required') }]}><Input inputMode="decimal" style={{ width: 200 }} /></Form.Item>
        <Form.Item name="paidOn" label={t('refund.track.paidOn')} rules={[{ required: true, message: t('insp.meter.required') }]}><DatePicker /></Form.Item>
        <Form.Item label={t('refund.track.proof')} required extra={t('refund.track.proofHint')}>
          <Upload accept="image/jpeg,image/png,image/webp,application/pdf" maxCount={1} beforeUpload={choose} onRemove={() => setProof(null)}>
            <Button>{t('refund.track.chooseProof')}</Button>
          </Upload>
        </Form.Item>
        {proofProblem && <Alert type="error" showIcon data-testid="proof-problem" title={proofProblem} style={{ marginBottom: 12 }} />}
        <Form.Item name="note" label={t('refund.track.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function RefundTracking({ order, reviewer }: { order: RefundOrder; reviewer: boolean }) {
  const { t } = useTranslation();
  const run = useRun();
  const events = useRefundEvents(order.id);
  const [paying, setPaying] = useState<TenantTracking | null>(null);
  const [unreachable, setUnreachable] = useState<TenantTracking | null>(null);
  const [note, setNote] = useState('');
  const today = chinaToday(new Date());
  const kept = (events ?? []).map((e) => e.event);
  const rows = trackingOf(order, kept, today);
  const totals = totalsOf(rows);
  const simple = (row: TenantTracking, kind: 'verified' | 'unreachable', text = '') => run(() => write.recordRefundEvent({ id: uuidv7(), orderId: order.id, tenant: row.tenant, kind, amountFen: 0, paidOn: null, proof: null, note: text }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <RefundReminderPanel order={order} events={kept} overdue={totals.overdueTenants > 0} today={today} reviewer={reviewer} />
      <Typography.Text data-testid="refund-totals">{t('refund.track.totals', { ordered: formatFen(totals.orderedFen), paid: formatFen(totals.paidFen), verified: formatFen(totals.verifiedFen), overdue: totals.overdueTenants })}</Typography.Text>
      <Table size="small" rowKey="tenant" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={rows} data-testid="refund-tracking"
        columns={[
          { title: t('refund.tenant'), dataIndex: 'tenant' },
          { title: t('refund.track.ordered'), align: 'right', render: (_, r) => formatFen(r.orderedFen) },
          { title: t('refund.track.paid'), align: 'right', render: (_, r) => formatFen(r.paidFen) },
          { title: t('refund.track.remaining'), align: 'right', render: (_, r) => formatFen(r.remainingFen) },
          { title: t('refund.track.status'), render: (_, r) => <><Tag color={STATUS_COLOR[r.status]}>{t(`refund.status.${r.status}`)}</Tag>{r.overdue && <Tag color="red">{t('refund.track.overdue')}</Tag>}</> },
          ...(reviewer ? [{
            title: '', key: 'actions', width: 260, render: (_: unknown, r: TenantTracking) => (
              <Space size={4}>
                {r.remainingFen > 0 && r.status !== 'unreachable' && <Button size="small" onClick={() => setPaying(r)}>{t('refund.track.recordPaid')}</Button>}
                {r.status === 'paid' && <Button size="small" type="primary" onClick={() => void simple(r, 'verified')}>{t('refund.track.verify')}</Button>}
                {(r.status === 'pending' || r.status === 'partial') && <Button size="small" onClick={() => setUnreachable(r)}>{t('refund.track.unreachable')}</Button>}
              </Space>
            ),
          }] : []),
        ]} />
      {paying && <PaidDialog order={order} row={paying} onClose={() => setPaying(null)} />}
      {unreachable && (
        <Modal open mask={{ closable: false }} title={t('refund.track.unreachableTitle', { tenant: unreachable.tenant })} okButtonProps={{ disabled: note.trim() === '' }} onCancel={() => setUnreachable(null)}
          onOk={() => void simple(unreachable, 'unreachable', note.trim()).then((ok) => ok && (setUnreachable(null), setNote('')))}>
          <Input.TextArea aria-label={t('refund.track.unreachableNote')} placeholder={t('refund.track.unreachableNote')} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Modal>
      )}
    </Space>
  );
}

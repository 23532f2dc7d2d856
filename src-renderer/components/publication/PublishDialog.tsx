// 公示 dialog: the date of publication (today in China by default, never later) and the channel; the
// selected cases are published with the categories and notes chosen in the table.
import { AutoComplete, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { chinaToday } from '../../../src-shared/calendar/workdays';
import { PUBLICATION_CHANNELS, type PublicationEntry } from '../../../src-shared/publication/publication';
import { write } from '../../db/write';
import { useRun } from '../useRun';

interface PublishForm {
  publishedOn: dayjs.Dayjs;
  channel: string;
}

export function PublishDialog({ drawId, entries, onClose }: { drawId: string; entries: readonly PublicationEntry[]; onClose: (published: boolean) => void }) {
  const { t } = useTranslation();
  const run = useRun();
  const [form] = Form.useForm<PublishForm>();
  const today = chinaToday(new Date());
  async function publish(f: PublishForm) {
    const ok = await run(() => write.publishResults({ id: uuidv7(), drawId, publishedOn: f.publishedOn.format('YYYY-MM-DD'), channel: f.channel.trim(), entries: [...entries] }));
    if (ok) onClose(true);
  }
  return (
    <Modal open mask={{ closable: false }} title={t('publication.dialog.title')} okText={t('publication.dialog.ok')} onCancel={() => onClose(false)} onOk={() => form.submit()}>
      <Typography.Paragraph>{t('publication.dialog.summary', { count: entries.length })}</Typography.Paragraph>
      <Form form={form} name="publish" layout="vertical" onFinish={(f) => void publish(f)} initialValues={{ publishedOn: dayjs(today), channel: PUBLICATION_CHANNELS[0] }}>
        <Form.Item name="publishedOn" label={t('publication.dialog.date')} rules={[{ required: true, message: t('insp.meter.required') }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="channel" label={t('publication.dialog.channel')} rules={[{ required: true, whitespace: true, message: t('insp.meter.required') }]}>
          <AutoComplete options={PUBLICATION_CHANNELS.map((c) => ({ value: c }))} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

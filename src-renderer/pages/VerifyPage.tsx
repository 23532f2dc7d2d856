// 文件核验: anyone (a tenant, a landlord, a court) checks a document the office issued — its QR code from
// the camera or a picture, the code's text pasted, or the PDF itself — against the office's public keys
// kept on this device. Nothing leaves the device and no network is needed.
import { Alert, App, Button, Card, Descriptions, Empty, Input, Space, Tabs, Tag, Typography } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../src-shared/i18n/format';
import { sealProblemText, sealText } from '../../src-shared/i18n/seal';
import { verifyEnvelope, type SealSummary } from '../../src-shared/seal/envelope';
import { printedFingerprint, publicKeyPem, type OfficePublicKey } from '../../src-shared/seal/officeKey';
import { verifySealedPdf, type PdfProblem } from '../../src-shared/seal/pdfSeal';
import { formatChinaTime } from '../../src-shared/time';
import { importOfficeKeys, useOfficeKeys } from '../db/seal';
import { describeError } from '../i18n/errors';
import { platform } from '../platform';
import { cameraAvailable } from '../components/inspection/CameraCapture';
// Shown outside the shell too (an unenrolled device, the printable record): its chunk brings antd's whole sheet.
import '../antdAll';

type Verdict = { source: string; ok: true; summary: SealSummary; key: OfficePublicKey } | { source: string; ok: false; problems: PdfProblem[]; summary?: SealSummary | undefined };

/** The text of the first QR code in an image (RGBA pixels), decoded as UTF-8; null when there is none. */
function qrText(image: ImageData): string | null {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return code ? new TextDecoder().decode(new Uint8Array(code.binaryData)) : null;
}

function pixelsOf(source: CanvasImageSource, width: number, height: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

function checkText(text: string, keys: readonly OfficePublicKey[], source: string): Verdict {
  const check = verifyEnvelope(text, keys);
  return check.ok ? { source, ok: true, summary: check.summary, key: check.key } : { source, ok: false, problems: [check.problem], summary: check.summary };
}

function VerdictView({ verdict, locale }: { verdict: Verdict; locale: Locale }) {
  const { t } = useTranslation();
  const s = verdict.summary;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="verify-verdict">
      {verdict.ok ? (
        <Alert type="success" showIcon data-testid="verify-ok"
          title={sealText(verdict.source === 'pdf' ? 'seal.genuine' : 'seal.genuineQr', { key: printedFingerprint(verdict.key.fingerprint) }, locale)
            + (verdict.key.retiredAt ? sealText('seal.retiredKey', { at: formatChinaTime(verdict.key.retiredAt) }, locale) : '')} />
      ) : (
        <Alert type="error" showIcon data-testid="verify-failed" title={sealText('seal.failed', {}, locale)}
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{verdict.problems.map((p, i) => <li key={i}>{sealProblemText(p, locale)}</li>)}</ul>} />
      )}
      {s && (
        <Descriptions size="small" bordered column={1} title={t('verify.summary')} data-testid="verify-summary">
          <Descriptions.Item label={t('seal.field.title')}>{s.title}</Descriptions.Item>
          <Descriptions.Item label={t('seal.field.no')}>{s.no}</Descriptions.Item>
          <Descriptions.Item label={t('seal.field.issuer')}>{s.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('seal.field.date')}>{s.date}</Descriptions.Item>
          {s.parties.length > 0 && <Descriptions.Item label={t('seal.field.parties')}>{s.parties.map((p) => (p.id ? `${p.name}（${p.id}）` : p.name)).join('、')}</Descriptions.Item>}
          {s.figures.map((f) => <Descriptions.Item key={f.label} label={f.label}>{f.value}</Descriptions.Item>)}
          <Descriptions.Item label={t('seal.field.pdf')}><Typography.Text code copyable>{s.pdf}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t('seal.field.key')}>{printedFingerprint(s.key)}</Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}

/** The camera, scanning frames for a QR code until one is read. */
function CameraScan({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const scan = () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.videoWidth > 0) {
        const text = qrText(pixelsOf(v, v.videoWidth, v.videoHeight));
        if (text) {
          onText(text);
          setOn(false);
          return;
        }
      }
      timer = window.setTimeout(scan, 250);
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }).then((s) => {
      if (stopped) return s.getTracks().forEach((track) => track.stop());
      stream = s;
      if (video.current) {
        video.current.srcObject = s;
        void video.current.play();
      }
      scan();
    }, (e: unknown) => {
      setError(e instanceof Error ? e.message || e.name : String(e));
      setOn(false);
    });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on, onText]);
  if (!cameraAvailable()) return <Alert type="info" showIcon title={t('verify.camera.unavailable')} />;
  return (
    <Space orientation="vertical">
      <Button onClick={() => setOn(!on)}>{on ? t('verify.camera.stop') : t('verify.camera.start')}</Button>
      {on && <Typography.Text type="secondary">{t('verify.camera.looking')}</Typography.Text>}
      {on && <video ref={video} muted playsInline aria-label={t('verify.tab.camera')} style={{ width: 480, maxWidth: '100%', background: '#000' }} />}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const keys = useOfficeKeys() ?? [];
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  const onScanned = (scanned: string) => {
    setText(scanned);
    setVerdict(checkText(scanned, keys, 'qr'));
  };
  const choosePdf = async () => {
    const file = await platform.openFile({ title: t('verify.pdf.choose'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (!file) return;
    const check = verifySealedPdf(file.data, keys);
    setVerdict(check.ok ? { source: 'pdf', ok: true, summary: check.summary, key: check.key } : { source: 'pdf', ok: false, problems: check.problems, summary: check.summary });
  };
  const chooseImage = async () => {
    const file = await platform.openFile({ title: t('verify.image.choose'), filters: [{ name: 'Image', extensions: ['png', 'jpg', 'jpeg', 'webp'] }] });
    if (!file) return;
    try {
      const bitmap = await createImageBitmap(new Blob([file.data as Uint8Array<ArrayBuffer>]));
      const found = qrText(pixelsOf(bitmap, bitmap.width, bitmap.height));
      if (found) onScanned(found);
      else message.warning(t('verify.image.none'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  };
  // The office hands this file to tenants, landlords and courts (the same as `tariffcheck office-key export`).
  const exportKeys = async () => {
    const pem = keys.map(publicKeyPem).join('\n');
    if (await platform.saveFile({ title: t('verify.keys.export'), suggestedName: 'office-key.pub', filters: [{ name: 'PEM', extensions: ['pub'] }], data: new TextEncoder().encode(pem) })) message.success(t('common.saved'));
  };
  const importKeys = async () => {
    const file = await platform.openFile({ title: t('verify.keys.import'), filters: [{ name: 'PEM', extensions: ['pub', 'pem', 'txt'] }] });
    if (!file) return;
    try {
      message.success(t('verify.keys.imported', { count: await importOfficeKeys(new TextDecoder().decode(file.data)) }));
    } catch (e) {
      message.error(sealText('seal.keyFile', { file: file.name, reason: e instanceof Error ? e.message : String(e) }, locale));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 980 }} size="middle">
      <Card title={t('verify.title')}>
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
        <Tabs
          onChange={() => setVerdict(null)}
          items={[
            {
              key: 'text', label: t('verify.tab.text'), children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Input.TextArea aria-label={t('verify.text.label')} rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('verify.text.placeholder')} />
                  <Button type="primary" disabled={text.trim() === ''} onClick={() => setVerdict(checkText(text, keys, 'qr'))}>{t('verify.check')}</Button>
                </Space>
              ),
            },
            { key: 'camera', label: t('verify.tab.camera'), children: <CameraScan onText={onScanned} /> },
            { key: 'image', label: t('verify.tab.image'), children: <Button onClick={() => void chooseImage()}>{t('verify.image.choose')}</Button> },
            { key: 'pdf', label: t('verify.tab.pdf'), children: <Button onClick={() => void choosePdf()}>{t('verify.pdf.choose')}</Button> },
          ]}
        />
        {verdict && <VerdictView verdict={verdict} locale={locale} />}
      </Card>
      <Card size="small" title={t('verify.keys')} extra={<Space><Button size="small" disabled={keys.length === 0} onClick={() => void exportKeys()}>{t('verify.keys.export')}</Button><Button size="small" onClick={() => void importKeys()}>{t('verify.keys.import')}</Button></Space>}>
        {keys.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verify.keys.none')} /> : (
          <Space orientation="vertical" data-testid="office-keys">
            {keys.map((k) => (
              <Space key={k.fingerprint}>
                <Typography.Text code>{printedFingerprint(k.fingerprint)}</Typography.Text>
                {k.retiredAt ? <Tag>{t('verify.keys.retired', { at: formatChinaTime(k.retiredAt) })}</Tag> : <Tag color="green">{t('verify.keys.inForce')}</Tag>}
              </Space>
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}

// 拍照: the device's camera in a dialog. Each 拍摄 takes the frame on screen as a JPEG and hands it on as a
// file, with the capture time and, when the device gives it, its position. The camera is released when
// the dialog closes (or the page leaves).
import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraFileName, devicePosition, type CameraCapture as Captured } from '../../../src-shared/inspection/photoFacts';

const JPEG_QUALITY = 0.92;

/** Whether this browser can use a camera at all (absent over plain http on a LAN address, and in old browsers). */
export const cameraAvailable = (): boolean => typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

type CameraState = { kind: 'starting' } | { kind: 'live' } | { kind: 'failed'; message: string };
type Fix = { kind: 'waiting' } | { kind: 'none' } | { kind: 'fix'; lat: number; lng: number };

/** The key of the Chinese message for a getUserMedia refusal (DOMException names, as browsers give them). */
function cameraProblem(e: unknown): { key: string; why?: string } {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return { key: 'evidence.camera.denied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return { key: 'evidence.camera.absent' };
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return { key: 'evidence.camera.busy' };
  return { key: 'evidence.camera.failed', why: e instanceof Error ? e.message || e.name : String(e) };
}

/** The frame the video shows, as a JPEG; null when the camera has no picture yet. */
function grabFrame(video: HTMLVideoElement): Promise<Blob | null> {
  if (!video.videoWidth || !video.videoHeight) return Promise.resolve(null);
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

/** The live camera and its position while the dialog is open; both released on close. */
function CameraDialog({ onClose, onCapture }: { onClose: () => void; onCapture: (file: File, captured: Captured) => Promise<boolean> }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<CameraState>({ kind: 'starting' });
  const [live, setLive] = useState<MediaStream | null>(null);
  const [fix, setFix] = useState<Fix>({ kind: 'waiting' });
  const [saving, setSaving] = useState(false);
  const [taken, setTaken] = useState(0);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let closed = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        // Closed before the camera answered: release it at once.
        if (closed) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        setLive(s);
        setCamera({ kind: 'live' });
      })
      .catch((e: unknown) => {
        if (closed) return;
        const { key, why } = cameraProblem(e);
        setCamera({ kind: 'failed', message: t(key, { why }) });
      });
    return () => {
      closed = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  useEffect(() => {
    // The position only when the user grants it; a laptop offline often has none, and the photo is kept without.
    if (!navigator.geolocation) {
      setFix({ kind: 'none' });
      return;
    }
    const watch = navigator.geolocation.watchPosition(
      (p) => {
        const at = devicePosition(p.coords.latitude, p.coords.longitude);
        setFix(at ? { kind: 'fix', ...at } : { kind: 'none' });
      },
      () => setFix((f) => (f.kind === 'fix' ? f : { kind: 'none' })),
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 15_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, []);

  async function shoot() {
    if (!video.current) return;
    setNote(null);
    const at = new Date();
    const jpeg = await grabFrame(video.current);
    if (!jpeg) {
      setNote(t('evidence.camera.noFrame'));
      return;
    }
    setSaving(true);
    try {
      const file = new File([jpeg], cameraFileName(at), { type: 'image/jpeg', lastModified: at.getTime() });
      const position = fix.kind === 'fix' ? { lat: fix.lat, lng: fix.lng } : null;
      if (await onCapture(file, { takenAt: at.toISOString(), position })) setTaken((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open title={t('evidence.camera.title')} width={760} mask={{ closable: false }} onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>{t('evidence.camera.close')}</Button>,
        <Button key="shoot" type="primary" icon={<CameraOutlined />} loading={saving} disabled={camera.kind !== 'live'} onClick={() => void shoot()}>{t('evidence.camera.shoot')}</Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {camera.kind === 'failed' ? (
          <Alert type="error" showIcon data-testid="camera-problem" title={camera.message} />
        ) : (
          <div style={{ position: 'relative', background: '#000', borderRadius: 6, overflow: 'hidden', height: 'min(52vh, 520px)', display: 'grid', placeItems: 'center' }}>
            <video ref={(el) => {
              // The dialog's content mounts in a portal, possibly after the stream arrives: attach on either.
              video.current = el;
              if (el && live && el.srcObject !== live) el.srcObject = live;
            }} data-testid="camera-video" autoPlay playsInline muted style={{ width: '100%', height: '100%', objectFit: 'contain' }} />
            {camera.kind === 'starting' && <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}><Spin description={t('evidence.camera.starting')}><div style={{ width: 200, height: 60 }} /></Spin></div>}
          </div>
        )}
        {note && <Alert type="warning" showIcon title={note} />}
        <Typography.Text type="secondary" data-testid="camera-position">
          {fix.kind === 'fix' ? t('evidence.camera.position', { lat: fix.lat.toFixed(5), lng: fix.lng.toFixed(5) }) : t(fix.kind === 'waiting' ? 'evidence.camera.positionWaiting' : 'evidence.camera.positionNone')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('evidence.camera.keptWith')}</Typography.Text>
        {taken > 0 && <Typography.Text type="success" data-testid="camera-taken">{t('evidence.camera.taken', { count: taken })}</Typography.Text>}
      </Space>
    </Modal>
  );
}

/**
 * The 拍照 button and its dialog; nothing where the browser has no camera API. `onCapture` keeps a shot
 * (true) or says why not itself (false).
 */
export function CameraCapture({ onCapture }: { onCapture: (file: File, captured: Captured) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!cameraAvailable()) return null;
  return (
    <>
      <Button icon={<CameraOutlined />} onClick={() => setOpen(true)}>{t('evidence.camera.open')}</Button>
      {open && <CameraDialog onClose={() => setOpen(false)} onCapture={onCapture} />}
    </>
  );
}

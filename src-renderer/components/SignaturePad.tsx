// An on-screen signature: drawn with mouse, pen or finger, kept as a PNG blob under its SHA-256.
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function SignaturePad({ onChange }: { onChange: (png: Blob | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const inked = useRef(false);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top] as const;
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    drawing.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(...point(e));
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    ctx?.lineTo(...point(e));
    ctx?.stroke();
    inked.current = true;
  };
  const up = () => {
    drawing.current = false;
    if (inked.current) canvas.current?.toBlob((b) => onChange(b), 'image/png');
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    inked.current = false;
    onChange(null);
  };
  return (
    <Space orientation="vertical">
      <canvas
        ref={canvas}
        width={360}
        height={120}
        data-testid="signature-pad"
        // A canvas has no name of its own: say what it is and how to use it.
        role="img"
        aria-label={t('case.signaturePad')}
        style={{ border: '1px dashed #999', borderRadius: 4, touchAction: 'none', background: '#fff' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
      />
      <Button size="small" onClick={clear}>{t('case.clearSignature')}</Button>
    </Space>
  );
}

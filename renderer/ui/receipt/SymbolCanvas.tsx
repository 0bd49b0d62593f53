import { useEffect, useRef, useState } from 'react';
import { loadSymbols } from './symbols';

interface SymbolCanvasProps {
  /** bwip-js symbology: "code128", "ean13", "qrcode". */
  bcid: 'code128' | 'ean13' | 'qrcode';
  text: string;
  /** Pixels per module. */
  scale: number;
  /** Bar height in millimetres (linear codes). */
  height?: number;
  includeText?: boolean;
  /** What a screen reader says instead of the bars. */
  label: string;
  className?: string;
  testId?: string;
}

/** A barcode or QR code drawn by bwip-js; if it cannot be drawn, its data is shown as text. */
export function SymbolCanvas({ bcid, text, scale, height, includeText = false, label, className, testId }: SymbolCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  useEffect(() => {
    let live = true;
    setState('drawing');
    loadSymbols().then((bwip) => {
      const canvas = ref.current;
      if (!live || !canvas) return;
      // QR codes keep a quiet zone of their own so a phone can find them on any
      // background; BWIPP's default error correction (M) survives a scuffed screen.
      const quiet = bcid === 'qrcode' ? 2 : 0;
      bwip.toCanvas(canvas, {
        bcid, text, scale,
        ...(height !== undefined ? { height } : {}),
        includetext: includeText,
        // EAN-13 keeps its own layout of the digits, in groups between the guard bars;
        // centred as one line they run over the long guard bars.
        ...(bcid === 'ean13' ? {} : { textxalign: 'center' }),
        paddingwidth: quiet,
        paddingheight: quiet,
        backgroundcolor: 'FFFFFF',
      });
      setState('drawn');
    }).catch(() => {
      if (live) setState('failed');
    });
    return () => { live = false; };
  }, [bcid, text, scale, height, includeText]);

  return (
    <div className={className ? `symbol ${className}` : 'symbol'} data-testid={testId} data-state={state}>
      <canvas ref={ref} role="img" aria-label={label} hidden={state === 'failed'} />
      {state === 'failed' ? <code className="symbol__fallback">{text}</code> : null}
    </div>
  );
}

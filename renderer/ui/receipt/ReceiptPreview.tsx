import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { pairLine, PrintDocumentSchema, wrapText, type ParsedDocBlock, type PrintDocument } from '../../../shared/documents';
import { SymbolCanvas } from './SymbolCanvas';

/**
 * The document the printer gets, drawn on screen like a thermal receipt: the same
 * blocks, the same width in characters, the same line wrapping (shared/documents), so
 * what the operator sees is what comes out of the printer. The printed receipt is an
 * English document laid out left to right, so its preview stays left to right (and
 * isolated from the page) whatever the screen's language: in Urdu, "1." must not turn
 * into ".1" nor a quantity jump to the other end of its line.
 */
export const ReceiptPreview = memo(function ReceiptPreview({ document, testId }: { document: PrintDocument; testId?: string }) {
  const { t } = useTranslation();
  const parsed = PrintDocumentSchema.safeParse(document);
  if (!parsed.success) {
    return <p className="receipt receipt--broken" role="alert">{t('receipt.cannotShow')}</p>;
  }
  const { width, blocks } = parsed.data;
  const style = { '--receipt-cols': width } as CSSProperties;
  return (
    <figure className="receipt" dir="ltr" style={style} data-testid={testId} aria-label={t('receipt.previewLabel', { title: parsed.data.title })}>
      {blocks.map((block, i) => <Block key={i} block={block} width={width} />)}
      {parsed.data.cut ? <div className="receipt__cut" aria-hidden="true" /> : null}
    </figure>
  );
});

function Block({ block, width }: { block: ParsedDocBlock; width: number }) {
  const { t } = useTranslation();
  switch (block.kind) {
    case 'text': {
      const double = block.size === 'double';
      const cls = `receipt__text receipt__text--${block.align}${block.bold ? ' receipt__bold' : ''}${double ? ' receipt__double' : ''}`;
      return (
        <div className={cls}>
          {wrapText(block.text, double ? Math.floor(width / 2) : width).map((line, i) => (
            <div key={i} className="receipt__line">{line || '\u00a0'}</div>
          ))}
        </div>
      );
    }
    case 'pair':
      return <div className={`receipt__line${block.bold ? ' receipt__bold' : ''}`}>{pairLine(block.left, block.right, width)}</div>;
    case 'rule':
      return <div className="receipt__line receipt__rule" aria-hidden="true">{(block.style === 'double' ? '=' : '-').repeat(width)}</div>;
    case 'barcode':
      return (
        <SymbolCanvas
          className="receipt__barcode"
          bcid={block.symbology}
          text={block.data}
          scale={2}
          height={10}
          includeText={block.showText}
          label={t('receipt.barcodeLabel', { data: block.data })}
        />
      );
    case 'qr':
      return (
        <div className="receipt__qr">
          <SymbolCanvas bcid="qrcode" text={block.data} scale={3} label={t('receipt.qrLabel')} />
          {block.caption ? <div className="receipt__line receipt__text--center">{block.caption}</div> : null}
        </div>
      );
    case 'feed':
      return <>{Array.from({ length: block.lines }, (_, i) => <div key={i} className="receipt__line">{'\u00a0'}</div>)}</>;
  }
}

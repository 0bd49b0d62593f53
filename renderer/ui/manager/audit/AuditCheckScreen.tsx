import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditCheck } from '../../../app/earnings';
import { Banner } from '../../components/Banner';
import { PageBar } from '../common/fields';
import type { ManagerPageProps } from '../route';

/** The audit chain checked from its first entry: intact with its head, or the first entry altered, removed or inserted. */
export function AuditCheckScreen({ station, onHome }: ManagerPageProps) {
  const { t } = useTranslation('earnings');
  const { t: tm } = useTranslation('manager');
  const [generation, setGeneration] = useState(0);
  const check = useAuditCheck(station, generation);
  return (
    <div className="mgr__page" data-testid="audit-check">
      <PageBar title={t('audit.title')} onBack={onHome} backLabel={tm('common.home')}>
        <button type="button" className="btn btn--secondary" onClick={() => setGeneration((g) => g + 1)} data-testid="audit-again">{t('audit.again')}</button>
      </PageBar>
      <p className="muted">{t('audit.about')}</p>
      {check.status === 'loading' ? <p aria-busy="true">{t('audit.checking')}</p> : null}
      {check.status === 'failed' ? <Banner tone="error">{t('audit.failed', { message: check.message })}</Banner> : null}
      {check.status === 'ready' && check.value.status === 'intact' ? (
        <Banner tone="ok" testId="audit-verdict">
          <span className="audit__verdict">{t('audit.intact', { count: check.value.count, head: check.value.head.slice(0, 16) })}</span>
        </Banner>
      ) : null}
      {check.status === 'ready' && check.value.status === 'broken' ? (
        <Banner tone="error" testId="audit-verdict">
          <span className="audit__verdict">{t(`audit.${check.value.problem}`, { seq: check.value.seq })}</span> {t('audit.brokenNext')}
        </Banner>
      ) : null}
    </div>
  );
}

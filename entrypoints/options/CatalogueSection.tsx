/** What the catalogue holds, which version is installed, and whose work it is built on. */
import { useEffect, useState } from 'preact/hooks';
import { db, getMeta } from '@/src/db';
import type { Origin } from '@/src/catalogue/types';
import { t } from '@/src/platform/i18n';

type CatalogueInfo = { total: number; byOrigin: Record<Origin, number>; version: string | null; syncedAt: number | null };

async function loadCatalogueInfo(): Promise<CatalogueInfo> {
  const origins: Origin[] = ['listing', 'awesome-scalability', 'user'];
  const [counts, version, lastSync] = await Promise.all([
    Promise.all(origins.map((origin) => db.reads.where('origin').equals(origin).count())),
    getMeta(db, 'catalogueVersion'),
    getMeta(db, 'lastCatalogueSync'),
  ]);
  const byOrigin = Object.fromEntries(origins.map((origin, index) => [origin, counts[index]])) as Record<Origin, number>;
  return {
    total: counts.reduce((sum, count) => sum + count, 0),
    byOrigin,
    version: version ?? null,
    syncedAt: lastSync?.at ?? null,
  };
}

export function CatalogueSection() {
  const [info, setInfo] = useState<CatalogueInfo | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadCatalogueInfo()
      .then(setInfo)
      .catch((error) => {
        console.error('Docent: catalogue info unavailable', error);
        setFailed(true);
      });
  }, []);

  return (
    <section class="options-section" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t('options_catalogue_title')}</h2>
      {failed ? <p class="options-message options-error">{t('options_catalogue_failed')}</p> : null}
      {info ? (
        <dl class="options-facts" data-catalogue-total={info.total}>
          <dt>{t('options_catalogue_reads')}</dt>
          <dd>{info.total}</dd>
          <dt>{t('options_catalogue_from_listing')}</dt>
          <dd>{info.byOrigin.listing}</dd>
          <dt>{t('options_catalogue_from_awesome')}</dt>
          <dd>{info.byOrigin['awesome-scalability']}</dd>
          <dt>{t('options_catalogue_from_user')}</dt>
          <dd>{info.byOrigin.user}</dd>
          <dt>{t('options_catalogue_version')}</dt>
          <dd>
            <code>{info.version ?? '—'}</code>
            {info.syncedAt ? ` · ${new Date(info.syncedAt).toLocaleString()}` : ''}
          </dd>
        </dl>
      ) : null}
      <h3>{t('options_credits_title')}</h3>
      <p>
        {t('options_credits_awesome')}{' '}
        <a href="https://github.com/binhnguyennus/awesome-scalability" target="_blank" rel="noreferrer">
          awesome-scalability
        </a>{' '}
        (binhnguyennus,{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noreferrer">
          CC BY 4.0
        </a>
        ).
      </p>
      <p class="options-hint">{t('options_credits_articles')}</p>
    </section>
  );
}

/** Search view: query box, removable facet chips, facet picker, highlighted results capped with "show more". */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Read } from '@/src/catalogue/types';
import type { Facet, FacetCount, FacetKind } from '@/src/search/types';
import { FACET_KINDS, facetKey } from '@/src/search/facets';
import type { SearchEngine } from '@/src/platform/settings';
import { t, type MessageKey } from '@/src/platform/i18n';
import type { CatalogueSearch } from '../data';
import { EmptyState, ReadCard, SkeletonList, type CardRead } from '../ReadCard';
import { CloseIcon, FilterIcon, SearchIcon } from '../icons';

const PAGE_SIZE = 25;
const PICKER_VALUES = 30;
const facetKindLabel: Record<FacetKind, MessageKey> = {
  tag: 'facetTag',
  category: 'facetCategory',
  section: 'facetSection',
  source: 'facetSource',
  year: 'facetYear',
};

/** Same facet however it is written (`Event Sourcing` = `event-sourcing`), as the search matches them. */
export const sameFacet = (a: Facet, b: Facet) => a.kind === b.kind && facetKey(a.value) === facetKey(b.value);

type SearchViewProps = {
  catalogue: CatalogueSearch | null;
  catalogueFailed: boolean;
  query: string;
  facets: Facet[];
  onQuery: (query: string) => void;
  onFacets: (facets: Facet[]) => void;
  engine: SearchEngine;
  savedIds: ReadonlySet<string>;
  onToggleSave: (read: Read) => void;
  onMoreLikeThis: (read: CardRead, origin: HTMLElement) => void;
  /** A notice above the box, e.g. why the Related view had nothing. */
  notice?: string;
};

export function SearchView(props: SearchViewProps) {
  const { catalogue, query, facets } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [pickerKind, setPickerKind] = useState<FacetKind>('tag');

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setLimit(PAGE_SIZE), [query, facets]);

  const browsing = query.trim() === '' && facets.length === 0;
  const result = useMemo(
    () => (catalogue && !browsing ? catalogue.search(query, facets, limit) : null),
    [catalogue, browsing, query, facets, limit],
  );
  const pickerValues = useMemo(
    () =>
      catalogue && pickerOpen
        ? catalogue
            .facetCounts(pickerKind, { query, facets })
            .filter((count) => !facets.some((facet) => sameFacet(facet, count.facet)))
            .slice(0, PICKER_VALUES)
        : [],
    [catalogue, pickerOpen, pickerKind, query, facets],
  );
  const popularTags = useMemo(
    () => (catalogue && browsing ? catalogue.facetCounts('tag', { query: '', facets: [] }).slice(0, 14) : []),
    [catalogue, browsing],
  );

  const addFacet = (facet: Facet) => {
    if (!facets.some((existing) => sameFacet(existing, facet))) props.onFacets([...facets, facet]);
  };

  return (
    <div class="search-view">
      {props.notice ? <p class="notice">{props.notice}</p> : null}
      <div class="search-box">
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          class="search-input"
          value={query}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          autocomplete="off"
          spellcheck={false}
          data-search-input
          onInput={(event) => props.onQuery(event.currentTarget.value)}
        />
        <button
          type="button"
          class={`icon-button ${pickerOpen ? 'is-on' : ''}`}
          aria-expanded={pickerOpen}
          aria-controls="facet-picker"
          aria-label={t('filtersButton')}
          title={t('filtersButton')}
          onClick={() => setPickerOpen(!pickerOpen)}
        >
          <FilterIcon />
        </button>
      </div>

      {facets.length ? (
        <ul class="chips" aria-label={t('activeFilters')}>
          {facets.map((facet) => (
            <li key={`${facet.kind}:${facet.value}`}>
              <button
                type="button"
                class="chip chip-active"
                aria-label={t('removeFilter', t(facetKindLabel[facet.kind]), facet.value)}
                onClick={() => props.onFacets(facets.filter((other) => !sameFacet(other, facet)))}
              >
                <span class="chip-kind">{t(facetKindLabel[facet.kind])}</span>
                <span class="chip-value">{facet.value}</span>
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {pickerOpen ? (
        <div id="facet-picker" class="picker" role="group" aria-label={t('filtersButton')}>
          <div class="segmented" role="group" aria-label={t('filterKind')}>
            {FACET_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                class="segment"
                aria-pressed={pickerKind === kind}
                onClick={() => setPickerKind(kind)}
              >
                {t(facetKindLabel[kind])}
              </button>
            ))}
          </div>
          {pickerValues.length ? (
            <FacetChoices class="chips picker-values" choices={pickerValues} onPick={addFacet} />
          ) : (
            <p class="muted small">{catalogue ? t('noFacetValues') : t('loading')}</p>
          )}
        </div>
      ) : null}

      {!catalogue ? (
        props.catalogueFailed ? (
          <EmptyState icon={<SearchIcon />} title={t('catalogueFailed')} body={t('catalogueFailedHint')} />
        ) : (
          <SkeletonList />
        )
      ) : browsing ? (
        <div class="browse">
          <p class="muted">{t('searchIntro', catalogue.size)}</p>
          {popularTags.length ? (
            <>
              <h2 class="section-title">{t('popularTags')}</h2>
              <FacetChoices class="chips" choices={popularTags} onPick={addFacet} />
            </>
          ) : null}
        </div>
      ) : result && result.hits.length ? (
        <>
          <p class="result-count" role="status">
            {t('resultCount', result.total)}
          </p>
          <ul class="cards" aria-label={t('searchResults')}>
            {result.hits.map((hit) => (
              <ReadCard
                key={hit.read.id}
                read={hit.read}
                highlights={hit.highlights}
                engine={props.engine}
                saved={props.savedIds.has(hit.read.id)}
                onToggleSave={() => props.onToggleSave(hit.read)}
                onTag={(tag) => addFacet({ kind: 'tag', value: tag })}
                onMoreLikeThis={(origin) => props.onMoreLikeThis(hit.read, origin)}
              />
            ))}
          </ul>
          {result.total > result.hits.length ? (
            <button type="button" class="button show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
              {t('showMore', result.total - result.hits.length)}
            </button>
          ) : null}
        </>
      ) : (
        <EmptyState icon={<SearchIcon />} title={t('noResults')} body={t('noResultsHint')} />
      )}
    </div>
  );
}

/** Facet values to add as filters, each with how many reads it would show. */
function FacetChoices(props: { class: string; choices: readonly FacetCount[]; onPick: (facet: Facet) => void }) {
  return (
    <ul class={props.class}>
      {props.choices.map(({ facet, count }) => (
        <li key={facet.value}>
          <button type="button" class="chip" onClick={() => props.onPick(facet)}>
            <span class="chip-value">{facet.value}</span>
            <span class="chip-count">{count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

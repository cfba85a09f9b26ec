/**
 * What people type into the search box: whole words, words still being typed (prefixes),
 * multi-word questions and typos, over the architecture topics the catalogue covers.
 */
export const SEARCH_QUERY_GROUPS = {
  wholeWords: [
    'kafka', 'redis', 'kubernetes', 'cassandra', 'postgres', 'sharding', 'caching', 'microservices',
    'consensus', 'replication', 'elasticsearch', 'graphql', 'raft', 'netflix', 'uber',
  ],
  prefixes: [
    'k', 'ka', 'kaf', 'sha', 'rep', 'micro', 'cach', 'distr', 'load bal', 'rate lim', 'event sourc',
  ],
  severalWords: [
    'rate limiting', 'load balancing', 'distributed transactions', 'consistent hashing', 'leader election',
    'how to scale kafka', 'database sharding at scale', 'message queue', 'search engine', 'service mesh',
    'stream processing', 'circuit breaker', 'event driven architecture', 'zero downtime migration',
  ],
  typos: [
    'kafak', 'kubernets', 'cassandar', 'elastisearch', 'replicaton', 'micoservices', 'shardng',
    'consitent hashing', 'leder election', 'distribted systems',
  ],
} as const satisfies Record<string, readonly string[]>;

export type QueryGroup = keyof typeof SEARCH_QUERY_GROUPS;


/** Queries typed key by key in the popup's search box (one keystroke sample per character). */
export const TYPED_QUERIES: readonly string[] = [
    'kafka', 'rate limiting', 'redis cache', 'consistent hashing', 'kubernets', 'event sourcing', 'sharding',
];

/** Queries typed key by key in the popup's search box (one keystroke sample per character). */
export const TYPED_QUERIES: readonly string[] = [
    'kafka', 'rate limiting', 'redis cache', 'consistent hashing', 'kubernets', 'event sourcing', 'sharding',
];

/**
 * A deterministic synthetic catalogue for benchmarks and tests at sizes the real one will never
 * reach (100,000 reads): titles, summaries and tags built from architecture vocabulary, with the
 * same shape and mix of origins as the bundled catalogue.
 */
import type { Read } from '@/src/catalogue/types';

const TECHNOLOGIES = [
  'Kafka', 'Redis', 'Kubernetes', 'PostgreSQL', 'MySQL', 'Cassandra', 'DynamoDB', 'Elasticsearch',
  'MongoDB', 'RabbitMQ', 'gRPC', 'GraphQL', 'Memcached', 'ZooKeeper', 'etcd', 'Envoy', 'Istio',
  'Spark', 'Flink', 'Hadoop', 'ClickHouse', 'Snowflake', 'S3', 'Lambda', 'Terraform', 'Docker',
  'Nginx', 'Varnish', 'HBase', 'CockroachDB', 'Vitess', 'Pulsar', 'Prometheus', 'Grafana', 'Consul',
];
const CONCEPTS = [
  'consistent hashing', 'sharding', 'replication', 'rate limiting', 'load balancing', 'caching',
  'event sourcing', 'CQRS', 'service mesh', 'circuit breaker', 'leader election', 'consensus',
  'distributed transactions', 'eventual consistency', 'stream processing', 'batch processing',
  'microservices', 'observability', 'distributed tracing', 'schema migration', 'backpressure',
  'idempotency', 'message queues', 'search indexing', 'feature flags', 'chaos engineering',
  'autoscaling', 'multi-region failover', 'write-ahead logging', 'bloom filters', 'data partitioning',
  'change data capture', 'blue-green deployment', 'zero-downtime migration', 'connection pooling',
];
const COMPANIES = [
  'Netflix', 'Uber', 'Airbnb', 'Stripe', 'Shopify', 'Discord', 'Slack', 'Dropbox', 'Pinterest',
  'LinkedIn', 'Twitter', 'Spotify', 'GitHub', 'Cloudflare', 'Lyft', 'DoorDash', 'Instacart',
  'Figma', 'Notion', 'Etsy', 'Reddit', 'Zalando', 'Booking.com', 'Grab', 'Canva', 'Datadog',
];
const SCALES = ['millions of users', 'billions of events', 'petabytes of data', 'a million requests per second', 'thousands of services'];
const TITLE_TEMPLATES: ((w: Words) => string)[] = [
  (w) => `How ${w.company} scaled ${w.tech} to ${w.scale}`,
  (w) => `${capitalise(w.concept)} at ${w.company}`,
  (w) => `Lessons from migrating ${w.tech} to ${w.tech2}`,
  (w) => `Building ${w.concept} with ${w.tech}`,
  (w) => `Why we moved from ${w.tech} to ${w.tech2}`,
  (w) => `${capitalise(w.concept)} in practice: ${w.tech} and ${w.concept2}`,
  (w) => `Inside ${w.company}'s ${w.concept} platform`,
  (w) => `A deep dive into ${w.concept} for ${w.tech}`,
];
const SUMMARY_TEMPLATES: ((w: Words) => string)[] = [
  (w) => `${w.company} explains how its engineers rely on ${w.tech} for ${w.concept}, and what broke at ${w.scale}.`,
  (w) => `A walkthrough of ${w.concept} and ${w.concept2}, with the trade-offs of running ${w.tech} in production.`,
  (w) => `The team replaced ${w.tech} with ${w.tech2} to handle ${w.scale}; this post covers ${w.concept} and the rollout.`,
];
const CATEGORIES = ['Backend Development', 'Data Engineering', 'DevOps', 'Distributed Systems', 'Databases', 'Architecture'];
const SECTIONS = ['Principles', 'Scalability', 'Availability', 'Stability', 'Performance', 'Intelligence', 'Architecture', 'Interview', 'Organization'];

type Words = { tech: string; tech2: string; concept: string; concept2: string; company: string; scale: string };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** mulberry32: small, fast and good enough to make varied but repeatable catalogues. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` reads, the same for the same `seed`; ids are `synthetic-<seed>-<i>`. About a third look like awesome-list links. */
export function syntheticReads(n: number, seed = 1): Read[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`syntheticReads needs a whole number of reads ≥ 0, got ${n}`);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const reads: Read[] = [];
  for (let i = 0; i < n; i++) {
    const words: Words = {
      tech: pick(TECHNOLOGIES),
      tech2: pick(TECHNOLOGIES),
      concept: pick(CONCEPTS),
      concept2: pick(CONCEPTS),
      company: pick(COMPANIES),
      scale: pick(SCALES),
    };
    const isListing = random() < 0.36;
    const year = 2008 + Math.floor(random() * 18);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const tags = [...new Set([words.tech, words.concept, random() < 0.5 ? words.concept2 : words.tech2])];
    const slug = `${i}-${words.company}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    reads.push({
      id: `synthetic-${seed}-${i}`,
      title: pick(TITLE_TEMPLATES)(words),
      url: isListing ? null : `https://engineering.example.com/${slug}`,
      source: isListing ? `${words.company} Engineering` : words.company,
      author: null,
      published: isListing || random() < 0.3 ? `${year}-${month}-${day}` : null,
      category: isListing ? pick(CATEGORIES) : null,
      section: isListing ? null : pick(SECTIONS),
      summary: isListing ? pick(SUMMARY_TEMPLATES)(words) : null,
      tags: isListing ? tags : tags.map((tag) => tag.toLowerCase()),
      readMinutes: isListing ? 3 + Math.floor(random() * 20) : null,
      origin: isListing ? 'listing' : 'awesome-scalability',
    });
  }
  return reads;
}

import type { Read } from '@/src/catalogue/types';
import { makeRead } from '../support/reads';

export function read(id: string, fields: Partial<Read> & { title: string }): Read {
  return makeRead(id, fields);
}

/** A small catalogue with one read per situation the tests need. */
export const SMALL_CATALOGUE: Read[] = [
  read('discord-hashing', {
    title: 'Consistent hashing at Discord',
    source: 'Discord',
    published: '2021-05-01',
    category: 'Backend Development',
    tags: ['Consistent Hashing', 'Elixir'],
    summary: 'How Discord spreads guilds over nodes with a hash ring.',
  }),
  read('linkedin-kafka', {
    title: 'Running Kafka at LinkedIn scale',
    source: 'LinkedIn',
    published: '2019-03-10',
    category: 'Data Engineering',
    tags: ['kafka', 'Stream Processing'],
    summary: 'Seven trillion messages a day through Apache Kafka clusters.',
  }),
  read('es-netflix', {
    title: 'Elasticsearch at Netflix',
    source: 'Netflix',
    published: '2020-07-15',
    category: 'Backend Development',
    tags: ['elasticsearch', 'search'],
    summary: 'Operating Elasticsearch clusters and their consistency model.',
  }),
  read('uber-sharding', {
    title: 'Schemaless: sharding MySQL at Uber',
    url: 'https://eng.uber.com/schemaless',
    source: 'Uber',
    origin: 'awesome-scalability',
    section: 'Scalability',
    tags: ['sharding', 'mysql'],
  }),
  read('summary-kafka', {
    title: 'Event pipelines for analytics',
    source: 'Segment',
    published: '2022-01-20',
    category: 'Data Engineering',
    tags: ['analytics'],
    summary: 'We moved our event pipeline to Kafka and consistent partitioning.',
  }),
  read('redis-twitter', {
    title: 'Redis at Twitter',
    url: 'https://blog.twitter.com/redis',
    source: 'Twitter',
    origin: 'awesome-scalability',
    section: 'Scalability',
    published: '2014-09-01',
    tags: ['Redis', 'caching'],
  }),
  read('redistribution', {
    title: 'Redistribution of load across regions',
    url: 'https://example.com/redistribution',
    source: 'Example',
    origin: 'awesome-scalability',
    section: 'Availability',
    tags: ['load balancing'],
  }),
];

/**
 * Sites Docent reads automatically (badge, side panel) without the user granting anything:
 * documentation hosts, declared as host permissions in the manifest. Everything else is read
 * only when the user opens the popup (activeTab) or grants the site in options.
 */
export const DEFAULT_DOC_SITE_PATTERNS = [
  '*://*.readthedocs.io/*',
  '*://*.readthedocs.org/*',
  '*://*.apache.org/*', // Kafka, Cassandra, Pulsar, Flink, … project sites
  '*://redis.io/*',
  '*://kubernetes.io/*',
  '*://developer.mozilla.org/*',
  '*://etcd.io/*',
  '*://www.envoyproxy.io/*',
  '*://www.rabbitmq.com/*',
  '*://prometheus.io/*',
  '*://vitess.io/*',
  '*://www.cockroachlabs.com/docs/*',
  '*://grpc.io/*',
  '*://www.elastic.co/guide/*',
  '*://www.elastic.co/docs/*',
  '*://docs.aws.amazon.com/*',
  '*://cloud.google.com/*',
  '*://learn.microsoft.com/*',
  '*://docs.docker.com/*',
  '*://docs.github.com/*',
  '*://docs.python.org/*',
  '*://nginx.org/*',
  '*://www.postgresql.org/docs/*',
  '*://dev.mysql.com/doc/*',
  '*://www.mongodb.com/docs/*',
  '*://docs.nats.io/*',
  '*://istio.io/*',
  '*://www.consul.io/*',
  '*://developer.hashicorp.com/*',
  '*://docs.rs/*',
  '*://pkg.go.dev/*',
] as const;

/**
 * Hosts Docent never reads, whatever the user granted: mail, banking, search, social.
 * Matched against the host and its parent domains.
 */
export const NEVER_READ_HOSTS = [
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'mail.yahoo.com', 'proton.me', 'mail.proton.me',
  'google.com', 'bing.com', 'duckduckgo.com', 'search.yahoo.com', 'yandex.ru', 'baidu.com', 'ecosia.org', 'kagi.com',
  'facebook.com', 'instagram.com', 'x.com', 'twitter.com', 'linkedin.com', 'tiktok.com', 'reddit.com',
  'web.whatsapp.com', 'messenger.com', 'discord.com', 'slack.com', 'web.telegram.org',
  'paypal.com', 'chase.com', 'bankofamerica.com', 'wellsfargo.com', 'hsbc.com', 'barclays.co.uk', 'revolut.com', 'wise.com',
] as const;

/** True when `host` is (a subdomain of) a host on the never-read list. */
export function isNeverReadHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return NEVER_READ_HOSTS.some((d) => h === d || h.endsWith(`.${d}`) || (d === 'google.com' && /^(www\.)?google\.[a-z.]+$/.test(h)));
}

/**
 * The push services browsers subscribe with (Chrome/Edge → FCM, Firefox → Mozilla autopush, Safari → Apple,
 * legacy Edge → WNS). The server sends only to these (over https) and to the operator's extra hosts, so a push
 * endpoint can never make the server call an arbitrary address.
 */
const KNOWN_SUFFIXES = ['fcm.googleapis.com', 'android.googleapis.com', 'push.services.mozilla.com', 'push.apple.com', 'notify.windows.com'];

function knownHost(hostname: string): boolean {
  return KNOWN_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

/** Parses `PUSH_ENDPOINT_HOSTS`: comma-separated `host` or `host:port`, lower-cased. */
export function parseExtraHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether the server may send to this endpoint: a known push service over https, or a listed extra host. */
export function pushEndpointAllowed(endpoint: string, extraHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const hostname = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && knownHost(hostname) && (url.port === '' || url.port === '443')) return true;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const withPort = url.port ? `${hostname}:${url.port}` : hostname;
  return extraHosts.includes(withPort) || (!url.port && extraHosts.includes(hostname));
}

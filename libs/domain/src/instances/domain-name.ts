import { DomainError } from '../errors';
import { preview } from '../shared/text';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const MAX_LENGTH = 253;

/** Lowercases and checks a DNS host name (an optional :port is allowed for local set-ups). */
export function checkDomainName(value: unknown, field = 'customDomain'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw DomainError.invalidField(field, 'must be a domain name');
  }
  const domain = value.trim().toLowerCase();
  const [host, port, ...rest] = domain.split(':');
  const validPort = port === undefined || (/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536);
  if (rest.length > 0 || !validPort || host.length > MAX_LENGTH || !HOSTNAME.test(host)) {
    throw DomainError.invalidField(field, `"${preview(value)}" is not a valid domain name`);
  }
  return domain;
}

/** `<slug>-<suffix>.<baseDomain>`: readable, unique enough, and always a valid host name. */
export function generatedDomainFor(instanceName: string, suffix: string, baseDomain: string): string {
  const slug =
    instanceName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/g, '') || 'instance';
  return `${slug}-${suffix}.${baseDomain}`;
}

/** Strips the port from a Host header value so that `a.example.com:8080` matches `a.example.com`. */
export function hostWithoutPort(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '');
}

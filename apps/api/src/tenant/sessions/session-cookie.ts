import { SESSION_COOKIE } from '../common/tenant-request';

// Path=/api/ as InfluxDB OSS sets it; no Expires: the server ends the session after 60 minutes.
const attributes = (secure: boolean): string => `; HttpOnly; Path=/api/; SameSite=Strict${secure ? '; Secure' : ''}`;

/** `Set-Cookie` value that hands the session token to the browser. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}${attributes(secure)}`;
}

/** `Set-Cookie` value that makes the browser forget the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=${attributes(secure)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

import { SigninAPI } from '@influxdata/influxdb-client-apis';

import { influxClient } from './tenant';
import { type TestStack } from './test-stack';

export const SESSION_COOKIE = 'influxdb-oss-session';

/** `Authorization: Basic` for a user name and password. */
export function basicAuth(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`, 'utf8').toString('base64')}`;
}

/** `Cookie` header carrying a session. */
export function sessionCookieHeader(session: string): string {
  return `${SESSION_COOKIE}=${session}`;
}

export interface SignedIn {
  /** The session token the cookie carries. */
  session: string;
  /** The whole Set-Cookie header of the answer. */
  setCookie: string;
}

/** Signs in through the official client (Basic auth) on the instance's domain and reads the cookie it was given. */
export async function signIn(stack: TestStack, domain: string, name: string, password: string): Promise<SignedIn> {
  let setCookie = '';
  await new SigninAPI(influxClient(stack, { host: domain })).postSignin(
    { auth: { user: name, password } },
    {
      responseStarted: (headers) => {
        const value = headers['set-cookie'];
        setCookie = Array.isArray(value) ? value.join('\n') : (value ?? '');
      },
    },
  );
  const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(setCookie);
  if (!match) throw new Error(`signin answered without a session cookie: ${setCookie}`);
  return { session: match[1], setCookie };
}

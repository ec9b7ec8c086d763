import { clusterCredentials } from './redis-connection';

describe('clusterCredentials: what REDIS_URL still gives in cluster mode', () => {
  it('takes the user name and password (decoded) and turns rediss: into TLS, never the host or the database', () => {
    expect(clusterCredentials('rediss://svc%40prod:p%40ss%3Aword@ignored.example:6380/0')).toEqual({
      username: 'svc@prod',
      password: 'p@ss:word',
      tls: {},
    });
  });

  it('gives nothing for the default URL, so that a cluster without authentication needs no REDIS_URL', () => {
    expect(clusterCredentials('redis://127.0.0.1:6379')).toEqual({});
  });

  it('takes a password without a user name (requirepass)', () => {
    expect(clusterCredentials('redis://:secret@x')).toEqual({ password: 'secret' });
  });
});

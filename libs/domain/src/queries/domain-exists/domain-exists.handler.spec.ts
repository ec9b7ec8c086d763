import { ErrorCode } from '../../errors';
import { InMemoryInstanceAdminRepository } from '../../testing/in-memory-instances';
import { DomainExistsHandler } from './domain-exists.handler';
import { DomainExistsQuery } from './domain-exists.query';

describe(DomainExistsHandler.name, () => {
  const instances = new InMemoryInstanceAdminRepository();
  instances.put('00000000000000aa', undefined, ['metrics.acme.example']);
  const handler = new DomainExistsHandler(instances);
  // async, as the query bus calls it: the handler itself throws before it returns a promise
  const exists = async (domain: string) => handler.execute(new DomainExistsQuery(domain));

  it('finds a taken domain in any case and with any port, and no other', async () => {
    expect(await exists('Metrics.ACME.example:8443')).toBe(true);
    expect(await exists('logs.acme.example')).toBe(false);
  });

  it.each(['', 'not a domain', 'acme..example', 'acme.example:99999'])('refuses %p with 400', async (domain) => {
    await expect(exists(domain)).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      fieldViolations: [expect.objectContaining({ field: 'domain' })],
    });
  });
});

import { Query } from '@nestjs/cqrs';

export class DomainExistsQuery extends Query<boolean> {
  constructor(readonly domain: string) {
    super();
  }
}

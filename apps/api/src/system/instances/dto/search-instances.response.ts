import { type InstanceSearch, type InstanceSortColumn, type InstanceView } from '@app/domain';

import { requireOneQueryEach } from '../../common/list-queries';
import { toInstanceDetail } from './instance.response';
import { type SearchInstancesRequest } from './search-instances.request';

export const DEFAULT_PAGE_SIZE = 100;

export function instanceSearchFrom(body: SearchInstancesRequest): InstanceSearch {
  requireOneQueryEach(body.queries, ['idQuery', 'domainQuery']);
  const ids = body.queries?.flatMap((q) => q.idQuery?.ids ?? []);
  const domains = body.queries?.flatMap((q) => q.domainQuery?.domains ?? []);
  const sortingColumn =
    !body.sortingColumn || body.sortingColumn === 'FIELD_NAME_UNSPECIFIED'
      ? 'FIELD_NAME_CREATION_DATE'
      : body.sortingColumn;
  return {
    offset: body.query?.offset ?? 0,
    limit: body.query?.limit ?? DEFAULT_PAGE_SIZE,
    // newest first unless asked otherwise
    asc: body.query?.asc ?? false,
    sortingColumn: sortingColumn as InstanceSortColumn,
    ids: ids?.length ? ids : undefined,
    domains: domains?.length ? domains : undefined,
    includeStopped: body.includeStopped === true,
  };
}

export function searchInstancesResponse(result: { total: number; instances: InstanceView[] }) {
  return {
    details: { totalResult: String(result.total), processedSequence: '0', viewTimestamp: new Date().toISOString() },
    result: result.instances.map(toInstanceDetail),
  };
}

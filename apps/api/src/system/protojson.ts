import { type ObjectDetails } from '@app/domain';

/** protojson form of ZITADEL's ObjectDetails: uint64 as string, RFC 3339 timestamps. */
export interface DetailsJson {
  sequence: string;
  creationDate: string;
  changeDate: string;
  resourceOwner: string;
}

export function detailsJson(details: ObjectDetails): DetailsJson {
  return {
    sequence: details.sequence,
    creationDate: details.creationDate.toISOString(),
    changeDate: details.changeDate.toISOString(),
    resourceOwner: details.resourceOwner,
  };
}

export function timestampJson(date: Date | null): string | undefined {
  return date ? date.toISOString() : undefined;
}

import { InstanceView } from '@app/domain';
import { DetailsJson, detailsJson } from '../../protojson';

/** ZITADEL `GetInstanceResponse` (`InstanceDetail`). */
export interface GetInstanceResponse {
  instance: {
    id: string;
    details: DetailsJson;
    state: string;
    name: string;
    version: string;
    defaultLanguage: string;
    domains: { details: DetailsJson; domain: string; primary: boolean; generated: boolean }[];
  };
}

export function getInstanceResponse(instance: InstanceView): GetInstanceResponse {
  return {
    instance: {
      id: instance.id,
      details: detailsJson(instance.details),
      state: instance.state,
      name: instance.name,
      version: '',
      defaultLanguage: instance.defaultLanguage,
      domains: instance.domains.map((d) => ({ details: detailsJson(d.details), domain: d.domain, primary: d.primary, generated: d.generated })),
    },
  };
}

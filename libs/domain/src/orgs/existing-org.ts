import { type OrgRepository } from '../ports/org-repository.port';
import { type Id, isId } from '../shared/id';
import { type Org } from './org';
import { orgNotFound } from './org-name';

/** The org with this id in the instance; a malformed id, an unknown one or one of another instance are all 404. */
export async function existingOrg(orgs: OrgRepository, instanceId: Id, orgId: string | undefined): Promise<Org> {
  const org = orgId !== undefined && isId(orgId) ? await orgs.findById(instanceId, orgId) : null;
  if (!org) throw orgNotFound();
  return org;
}

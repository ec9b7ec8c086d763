import { authorize } from '../authorization/authorize';
import { type Bucket } from '../buckets/bucket';
import { DomainError } from '../errors';
import { type TenantCaller } from '../tenancy/tenant-caller';
import { type Label } from './label';

/**
 * Attaching a label answers with the label (name, properties), and the bucket shows it from then on: so the caller
 * must be allowed to read the label, and the label must be one of the bucket's own org.
 */
export function checkLabelAttachment(caller: TenantCaller, label: Label, bucket: Pick<Bucket, 'id' | 'orgId'>): void {
  authorize(caller, 'read', { type: 'labels', id: label.id, orgID: label.orgId });
  if (label.orgId !== bucket.orgId) {
    throw DomainError.invalidField(
      'labelID',
      `label ${label.id} belongs to another organization than bucket ${bucket.id}`,
    );
  }
}

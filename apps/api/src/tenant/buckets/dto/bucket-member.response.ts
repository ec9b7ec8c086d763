import { type BucketMember } from '@app/domain';

/** InfluxDB `ResourceMember` / `ResourceOwner`. */
export function bucketMemberJson(member: BucketMember) {
  return {
    id: member.id,
    name: member.name,
    status: member.status,
    links: { self: `/api/v2/users/${member.id}` },
    role: member.role,
  };
}

export function bucketMembersJson(members: BucketMember[], self: string) {
  return { links: { self }, users: members.map(bucketMemberJson) };
}

import { BucketMember } from '@app/domain';
import { IsOptional, IsString } from 'class-validator';

/** InfluxDB `AddResourceMemberRequestBody`. */
export class AddBucketMemberRequest {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() name?: string;
}

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

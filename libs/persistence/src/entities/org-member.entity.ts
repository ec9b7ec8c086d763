import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('org_members')
export class OrgMemberEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ name: 'org_id', type: 'varchar', length: 16 }) orgId: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 16 }) userId: string;
  @Column({ type: 'text' }) role: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

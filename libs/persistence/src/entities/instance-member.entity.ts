import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('instance_members')
export class InstanceMemberEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 16 }) userId: string;
  @Column({ type: 'text' }) role: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

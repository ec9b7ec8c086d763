import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('instance_domains')
export class InstanceDomainEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ type: 'text' }) domain: string;
  @Column({ name: 'is_generated', type: 'boolean' }) isGenerated: boolean;
  @Column({ name: 'is_primary', type: 'boolean' }) isPrimary: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

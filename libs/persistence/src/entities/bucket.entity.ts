import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('buckets')
export class BucketEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ name: 'org_id', type: 'varchar', length: 16 }) orgId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'text' }) type: string;
  /** 0 means infinite */
  @Column({ name: 'retention_seconds', type: 'bigint' }) retentionSeconds: string;
  @Column({ name: 'shard_group_duration_seconds', type: 'bigint' }) shardGroupDurationSeconds: string;
  @Column({ name: 'schema_type', type: 'text' }) schemaType: string;
  @Column({ type: 'text', default: '0' }) rp: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

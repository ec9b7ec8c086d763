import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('instances')
export class InstanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) state: string;
  @Column({ name: 'default_language', type: 'text' }) defaultLanguage: string;
  @Column({ name: 'is_default', type: 'boolean', default: false }) isDefault: boolean;
  @Column({ name: 'max_buckets', type: 'int', nullable: true }) maxBuckets: number | null;
  @Column({ name: 'max_users', type: 'int', nullable: true }) maxUsers: number | null;
  @Column({ name: 'max_orgs', type: 'int', nullable: true }) maxOrgs: number | null;
  @Column({ type: 'boolean', default: false }) blocked: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

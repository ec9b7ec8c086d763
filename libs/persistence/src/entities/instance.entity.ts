import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('instances')
export class InstanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) state: string;
  @Column({ name: 'default_language', type: 'text' }) defaultLanguage: string;
  @Column({ name: 'is_default', type: 'boolean', default: false }) isDefault: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

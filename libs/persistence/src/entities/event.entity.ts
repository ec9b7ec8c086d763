import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only log of every change; `sequence` is global and comes from a PostgreSQL sequence. */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) sequence: string;
  @Column({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @Column({ name: 'aggregate_type', type: 'text' }) aggregateType: string;
  @Column({ name: 'aggregate_id', type: 'varchar', length: 16 }) aggregateId: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ type: 'jsonb' }) payload: object;
  @Column({ name: 'resource_owner', type: 'varchar', length: 16 }) resourceOwner: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('operations')
export class OperationEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) state: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'requested_by', type: 'text', nullable: true }) requestedBy: string | null;
  @Column({ type: 'jsonb' }) request: object;
  @Column({ name: 'sealed_input', type: 'text', nullable: true }) sealedInput: string | null;
  @Column({ name: 'current_step', type: 'text', nullable: true }) currentStep: string | null;
  @Column({ name: 'completed_steps', type: 'int' }) completedSteps: number;
  @Column({ name: 'total_steps', type: 'int' }) totalSteps: number;
  /** [{name, startedAt (ISO)}] of the latest attempt's steps. */
  @Column({ name: 'step_starts', type: 'jsonb', nullable: true }) stepStarts:
    { name: string; startedAt: string }[] | null;
  @Column({ type: 'int' }) attempts: number;
  @Column({ type: 'jsonb', nullable: true }) outcome: object | null;
  @Column({ name: 'sealed_secrets', type: 'text', nullable: true }) sealedSecrets: string | null;
  @Column({ name: 'secrets_expire_at', type: 'timestamptz', nullable: true }) secretsExpireAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) failure: object | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'cancel_requested_at', type: 'timestamptz', nullable: true }) cancelRequestedAt: Date | null;
}

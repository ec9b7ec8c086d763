import { Column, Entity, PrimaryColumn } from 'typeorm';

/** PATs, InfluxDB authorizations and sessions. Only the SHA-256 digest of a token is stored. */
@Entity('tokens')
export class TokenEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ name: 'user_id', type: 'varchar', length: 16 }) userId: string;
  @Column({ name: 'org_id', type: 'varchar', length: 16, nullable: true }) orgId: string | null;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) digest: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'jsonb' }) permissions: object;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

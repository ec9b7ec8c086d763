import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Only the public half of a machine key is stored. */
@Entity('machine_keys')
export class MachineKeyEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ name: 'user_id', type: 'varchar', length: 16 }) userId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'public_key_pem', type: 'text' }) publicKeyPem: string;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 16 }) instanceId: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) id: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ name: 'email_verified', type: 'boolean' }) emailVerified: boolean;
  @Column({ name: 'first_name', type: 'text' }) firstName: string;
  @Column({ name: 'last_name', type: 'text' }) lastName: string;
  @Column({ name: 'preferred_language', type: 'text' }) preferredLanguage: string;
  /** argon2id PHC string; never the password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash: string | null;
  @Column({ name: 'password_change_required', type: 'boolean' }) passwordChangeRequired: boolean;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

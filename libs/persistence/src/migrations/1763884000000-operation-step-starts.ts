import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OperationStepStarts1763884000000 implements MigrationInterface {
  name = 'OperationStepStarts1763884000000';

  async up(q: QueryRunner): Promise<void> {
    // [{name, startedAt}] of the latest attempt, so that every step's duration can be shown after the fact
    await q.query(`ALTER TABLE operations ADD COLUMN step_starts jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operations DROP COLUMN step_starts`);
  }
}

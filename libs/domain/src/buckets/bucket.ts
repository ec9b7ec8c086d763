import { type Id } from '../shared/id';

export type SchemaType = 'implicit' | 'explicit';

export interface BucketLabel {
  readonly id: Id;
  readonly orgId: Id;
  readonly name: string;
  readonly properties: Record<string, string>;
}

export interface Bucket {
  readonly id: Id;
  readonly orgId: Id;
  readonly name: string;
  readonly description: string;
  readonly type: 'user' | 'system';
  readonly retentionSeconds: number;
  readonly shardGroupDurationSeconds: number;
  readonly schemaType: SchemaType;
  readonly rp: string;
  readonly labels: BucketLabel[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

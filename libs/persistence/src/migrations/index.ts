import { InitialSchema1763856000000 } from './1763856000000-initial-schema';

export const migrations = [InitialSchema1763856000000];

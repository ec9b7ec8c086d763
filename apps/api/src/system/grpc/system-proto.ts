import { loadZitadelProto } from '../zitadel/system-service';

/** zitadel/system_pb (the SystemService descriptor and its messages), loaded as Node can load it. */
export const systemProto = loadZitadelProto<typeof import('@zitadel/proto/zitadel/system_pb')>('zitadel/system_pb');

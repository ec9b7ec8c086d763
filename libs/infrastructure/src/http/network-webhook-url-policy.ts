import { WebhookUrlPolicy } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { AppConfig } from '../config/app-config';
import { hostRefusal } from './network-address';

/** Refuses URLs that name a non-public address or localhost, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set. */
@Injectable()
export class NetworkWebhookUrlPolicy extends WebhookUrlPolicy {
  constructor(private readonly config: AppConfig) {
    super();
  }

  refusal(url: string): string | null {
    return this.config.webhookAllowPrivateNetworks ? null : hostRefusal(new URL(url).hostname);
  }
}

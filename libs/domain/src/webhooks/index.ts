export * from './outbox-event';
export * from './webhook';
export * from './webhook-delivery';
export * from './webhook-event-type';
export * from './webhook-message';
export * from './webhook-signature';

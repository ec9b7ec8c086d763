import { type DomainError } from '../errors';
import { checkWebhookInput } from './webhook';

function refusal(input: Parameters<typeof checkWebhookInput>[0]): DomainError {
  try {
    checkWebhookInput(input);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('accepted');
}

describe('checkWebhookInput', () => {
  it('accepts an https URL and known event types, once each', () => {
    expect(
      checkWebhookInput({
        url: 'https://hooks.example.com/in?x=1',
        eventTypes: ['instance.created', 'instance.created', 'operation.finished'],
      }),
    ).toEqual({
      url: 'https://hooks.example.com/in?x=1',
      eventTypes: ['instance.created', 'operation.finished'],
      description: '',
    });
  });

  it.each([
    undefined,
    '',
    'not a url',
    'ftp://example.com/',
    'javascript:alert(1)',
    '/relative',
    `https://e.com/${'a'.repeat(2048)}`,
  ])('refuses the url %p naming the field', (url) => {
    expect(refusal({ url, eventTypes: ['instance.created'] }).fieldViolations[0].field).toBe('url');
  });

  it.each([undefined, [], ['instance.created', 'instance.exploded'], 'instance.created', [42]])(
    'refuses the event types %p naming the field',
    (eventTypes) => {
      const error = refusal({ url: 'http://127.0.0.1:9/hook', eventTypes });
      expect(error.fieldViolations[0].field).toBe('eventTypes');
    },
  );

  it('names the unknown event type', () => {
    expect(refusal({ url: 'http://h/', eventTypes: ['instance.exploded'] }).message).toContain('"instance.exploded"');
  });

  it('refuses a description that is too long', () => {
    expect(
      refusal({ url: 'http://h/', eventTypes: ['instance.failed'], description: 'x'.repeat(1001) }).fieldViolations[0]
        .field,
    ).toBe('description');
  });
});

import { request as httpRequest } from 'node:http';

import { SYSTEM_TOKEN } from './test-stack';

/** Reads a Server-Sent Events stream to its end and answers the data of each `progress` event. */
export function readEvents(baseUrl: string, path: string, onOpen: () => void): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, baseUrl),
      { headers: { authorization: `Bearer ${SYSTEM_TOKEN}`, accept: 'text/event-stream' } },
      (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        onOpen();
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve(
            text
              .split('\n\n')
              .filter((block) => block.includes('event: progress'))
              .map((block) =>
                JSON.parse(
                  block
                    .split('\n')
                    .find((l) => l.startsWith('data: '))!
                    .slice(6),
                ),
              ),
          ),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

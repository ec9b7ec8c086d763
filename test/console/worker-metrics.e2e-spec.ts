import { WorkerMetrics } from '../../apps/worker/src/metrics/worker-metrics';
import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

describe('Worker metrics: job and step durations on the worker port, totals for the console', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });
  afterAll(() => stack.stop());

  it('exports histograms on WORKER_METRICS_PORT and the console reads the totals of every worker', async () => {
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('metrics'),
    });
    expect(created.status).toBe(200);

    const port = stack.workers[0].get(WorkerMetrics).port;
    expect(port).toEqual(expect.any(Number));
    const text = await until('the worker exports the job', async () => {
      const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return body.includes(
        'worker_job_duration_seconds_count{queue="provisioning",job="provision-instance",outcome="completed"}',
      )
        ? body
        : null;
    });
    for (const step of ['GENERATE_MACHINE_KEY', 'HASH_PASSWORD', 'GENERATE_PERSONAL_ACCESS_TOKEN', 'WRITE_INSTANCE']) {
      expect(text).toMatch(
        new RegExp(`worker_provisioning_step_duration_seconds_bucket\\{le="[^"]+",step="${step}"\\}`),
      );
    }
    expect(text).toContain('process_cpu_user_seconds_total');
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);

    const queues = await until('the console sees the step totals', async () => {
      const answer = await http(stack.baseUrl, 'GET', '/console/api/queues');
      return answer.body.durations.steps.length >= 4 ? answer.body : null;
    });
    expect(queues.durations.steps).toContainEqual({ name: 'WRITE_INSTANCE', count: 1, sumSeconds: expect.any(Number) });
    expect(queues.durations.jobs).toContainEqual({
      name: 'provision-instance',
      count: 1,
      sumSeconds: expect.any(Number),
    });
    expect(queues.queues).toContainEqual(expect.objectContaining({ queue: 'provisioning', completed: 1, failed: 0 }));
  });
});

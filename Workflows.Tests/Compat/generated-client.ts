// Drives our server with a client generated from our own OpenAPI document (openapi-typescript types, openapi-fetch
// runtime): the test writes generated/schema.d.ts from the running server's /openapi/v1.json, type-checks this file
// against it with tsc --strict, then runs it. A call the document does not describe fails the type check.
// Usage (after generation and tsc): WORKFLOWS_BASE_URL=… WORKFLOWS_TOKEN=… node generated/out/generated-client.js
import assert from 'node:assert/strict';
import createClient from 'openapi-fetch';
import type { paths } from './generated/schema.js';

const baseUrl = process.env.WORKFLOWS_BASE_URL;
const token = process.env.WORKFLOWS_TOKEN;
if (!baseUrl || !token) {
  console.error('Set WORKFLOWS_BASE_URL and WORKFLOWS_TOKEN.');
  process.exit(2);
}

const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
const step = (text: string) => console.log(`ok - ${text}`);

const created = await api.POST('/v2/flows/templates', {
  body: {
    name: `Generated client check ${Date.now()}`,
    trigger: { type: 'manual', entity_schema: 'opportunity' },
    tasks: [
      { id: 'docs', name: 'Check documents', task_type: 'MANUAL' },
      { id: 'offer', name: 'Send offer', task_type: 'MANUAL' },
    ],
    edges: [{ id: 'e1', from_id: 'docs', to_id: 'offer' }],
  },
});
assert.equal(created.response.status, 201, JSON.stringify(created.error));
const flowTemplateId = created.data?.id;
assert.ok(flowTemplateId);
step(`creates template ${flowTemplateId}`);

const started = await api.POST('/v2/flows/executions', {
  body: { flow_template_id: flowTemplateId, contexts: [{ entity_id: 'opportunity-009', entity_schema: 'opportunity' }] },
});
assert.equal(started.response.status, 201, JSON.stringify(started.error));
const executionId = started.data?.id;
assert.ok(executionId);
assert.equal(started.data?.status, 'STARTED');
step(`starts execution ${executionId}`);

const worked = await api.PATCH('/v2/flows/executions/{execution_id}/tasks/{task_id}', {
  params: { path: { execution_id: executionId, task_id: 'docs' } },
  body: { status: 'COMPLETED' },
});
assert.equal(worked.response.status, 200, JSON.stringify(worked.error));
step('completes the first task');

const early = await api.PATCH('/v2/flows/executions/{execution_id}', {
  params: { path: { execution_id: executionId }, header: { 'If-Match': '"1"' } },
  body: { status: 'CLOSED' },
});
assert.equal(early.response.status, 409);
assert.ok(early.error?.message, 'a refusal carries { message }');
step(`a stale If-Match is refused: ${early.error?.message}`);

const closed = await api.PATCH('/v2/flows/executions/{execution_id}', {
  params: { path: { execution_id: executionId } },
  body: { status: 'CLOSED' },
});
assert.equal(closed.response.status, 200, JSON.stringify(closed.error));
const read = await api.GET('/v2/flows/executions/{execution_id}', { params: { path: { execution_id: executionId } } });
assert.equal(read.data?.status, 'CLOSED');
step('closes it and reads it back CLOSED');

console.log('generated-client: all steps passed');

// Drives our server with epilot's own published SDK clients, unmodified: only the base URL and token change.
// Usage: WORKFLOWS_BASE_URL=http://127.0.0.1:5000 WORKFLOWS_TOKEN=wf_… node sdk-compat.mjs
// Prints one line per step and exits 0 when every step behaved as epilot's API would.
import assert from 'node:assert/strict';
import { createClient as definitionClient } from '@epilot/workflow-definition-client';
import { createClient as executionClient } from '@epilot/workflow-client';
import { createClient as entityClient } from '@epilot/entity-client';

const baseURL = process.env.WORKFLOWS_BASE_URL;
const token = process.env.WORKFLOWS_TOKEN;
if (!baseURL || !token) {
  console.error('Set WORKFLOWS_BASE_URL and WORKFLOWS_TOKEN.');
  process.exit(2);
}

const connect = (client) => {
  client.defaults.baseURL = baseURL;
  client.defaults.headers.common.Authorization = `Bearer ${token}`;
  return client;
};
const definitions = connect(definitionClient());
const executions = connect(executionClient());
const entities = connect(entityClient());

const step = (text) => console.log(`ok - ${text}`);
const refused = async (call, status, messagePart) => {
  try {
    await call();
  } catch (error) {
    assert.equal(error.response?.status, status, `expected ${status}, got ${error.response?.status}: ${JSON.stringify(error.response?.data)}`);
    assert.ok(error.response.data.message.includes(messagePart), `message was: ${error.response.data.message}`);
    return error.response.data.message;
  }
  assert.fail(`expected a ${status} refusal`);
};

const record = (await entities.getEntity({ slug: 'opportunity', id: 'opportunity-007' })).data;
assert.equal(record._id, 'opportunity-007');
step(`entity-client reads the record "${record._title}"`);

const titled = (await entities.createEntity({ slug: 'opportunity' }, { _title: 'Roof for Ms Weber', title: 'Solar 12 kWp', amount: 12000 })).data;
assert.equal(titled._title, 'Roof for Ms Weber');
assert.equal((await entities.getEntity({ slug: 'opportunity', id: titled._id })).data._title, 'Roof for Ms Weber');
step('entity-client creates a record whose given _title is kept');

const template = {
  name: `SDK check ${Date.now()}`,
  trigger: { type: 'manual', entity_schema: 'opportunity' },
  phases: [{ id: 'p1', name: 'Preparation' }],
  tasks: [
    { id: 'docs', name: 'Check documents', task_type: 'MANUAL', phase_id: 'p1' },
    { id: 'offer', name: 'Send offer', task_type: 'MANUAL', phase_id: 'p1', requirements: [{ task_id: 'docs', when: 'TASK_FINISHED' }] },
    {
      id: 'approve', name: 'Approved?', task_type: 'DECISION', trigger_mode: 'manual',
      conditions: [
        { id: 'yes', branch_name: 'Yes', logical_operator: 'AND', statements: [] },
        { id: 'no', branch_name: 'No', logical_operator: 'AND', statements: [] },
      ],
    },
    { id: 'install', name: 'Install', task_type: 'MANUAL' },
    { id: 'reject', name: 'Send rejection', task_type: 'MANUAL' },
  ],
  edges: [
    { id: 'e1', from_id: 'docs', to_id: 'offer' },
    { id: 'e2', from_id: 'offer', to_id: 'approve' },
    { id: 'e3', from_id: 'approve', to_id: 'install', condition_id: 'yes' },
    { id: 'e4', from_id: 'approve', to_id: 'reject', condition_id: 'no' },
  ],
  closing_reasons: [{ id: 'cr-customer-cancelled' }, { id: 'cr-duplicate' }],
  singleClosingReasonSelection: true,
};
const created = await definitions.createFlowTemplate(null, template);
assert.equal(created.status, 201);
const flowId = created.data.id;
step(`workflow-definition-client creates template ${flowId}`);

const listed = (await definitions.listFlowTemplates({ trigger_type: 'manual', trigger_schema: 'opportunity' })).data;
assert.ok(listed.results.some((t) => t.id === flowId));
const fetched = (await definitions.getFlowTemplate({ flowId })).data;
assert.equal(fetched.tasks.length, 5);
step('lists it among the manual templates for opportunities and reads it back');

const reasons = (await definitions.getWorkflowClosingReasons({ definitionId: flowId })).data;
assert.deepEqual(reasons.reasons.map((r) => r.id), ['cr-customer-cancelled', 'cr-duplicate']);
step('reads the closing reasons the template offers');

const started = await executions.startFlowExecution(null, {
  flow_template_id: flowId,
  contexts: [{ entity_id: record._id, entity_schema: 'opportunity' }],
});
assert.equal(started.status, 201);
const execution_id = started.data.id;
assert.equal(started.data.status, 'STARTED');
step(`workflow-client starts execution ${execution_id} on the record`);

const lockMessage = await refused(
  () => executions.patchTask({ execution_id, task_id: 'offer' }, { status: 'COMPLETED' }), 400, 'waits for: Check documents');
step(`a locked task is refused: "${lockMessage}"`);

assert.equal((await executions.patchTask({ execution_id, task_id: 'docs' }, { status: 'COMPLETED' })).data.status, 'COMPLETED');
assert.equal((await executions.patchTask({ execution_id, task_id: 'offer' }, { status: 'IN_PROGRESS' })).data.status, 'IN_PROGRESS');
assert.equal((await executions.patchTask({ execution_id, task_id: 'offer' }, { status: 'COMPLETED' })).data.status, 'COMPLETED');
step('works the tasks through the lock');

const decided = (await executions.patchTask({ execution_id, task_id: 'approve' }, { next_condition_id: 'no' })).data;
assert.equal(decided.status, 'COMPLETED');
const afterDecision = (await executions.getFlowExecution({ execution_id })).data;
const status = (id) => afterDecision.tasks.find((t) => t.id === id).status;
assert.equal(status('install'), 'SKIPPED');
assert.equal(status('reject'), 'PENDING');
step('takes the "No" branch of the decision; the other branch is skipped');

const found = (await executions.searchFlowExecutions(null, { entity_id: record._id, entity_schema: 'opportunity' })).data;
assert.ok(found.results.some((x) => x.id === execution_id));
step('finds the execution by its record');

await refused(() => executions.patchFlowExecution({ execution_id }, {
  status: 'CLOSED',
  closing_reason: { selected_reasons: [{ id: 'cr-customer-cancelled', title: 'Customer cancelled' }, { id: 'cr-duplicate', title: 'Duplicate request' }] },
}), 400, 'exactly one reason');
const closed = (await executions.patchFlowExecution({ execution_id }, {
  status: 'CLOSED',
  closing_reason: { selected_reasons: [{ id: 'cr-customer-cancelled', title: 'Customer cancelled' }], extra_description: 'Closed by the SDK check' },
})).data;
assert.equal(closed.status, 'CLOSED');
assert.equal(closed.closing_reason.selected_reasons[0].title, 'Customer cancelled');
step('closes it with exactly one of its closing reasons');

const snapshot = (await executions.getClosingReasonExecution({ executionId: execution_id })).data;
assert.deepEqual(snapshot.reasons.map((r) => r.id), ['cr-customer-cancelled', 'cr-duplicate']);
step('reads the closing reasons the execution started with');

const deleted = await executions.deleteFlowExecution({ execution_id, soft: true });
assert.equal(deleted.status, 204);
await refused(() => executions.getFlowExecution({ execution_id }), 404, 'There is no workflow');
step('deletes it softly; it is gone from the API');

console.log('sdk-compat: all steps passed');

// The real npm clients against a running Cockpit API: graphql-http for queries and
// mutations, graphql-ws and graphql-sse subscribing to both subscriptions
// (syncBufferStatusChanged and violationDetected), each resumed by `after`.
// Usage: node clients.mjs <url of /graphql> <bearer token>
// Prints one JSON object {checks: [{name, ok, detail}]}; exits 1 when a check failed.
import { createClient as createHttpClient } from 'graphql-http';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
const headers = { authorization: `Bearer ${token}` };
const WAIT_MS = 30000;
const checks = [];

function check(name, ok, detail) {
  checks.push({ name, ok: Boolean(ok), detail });
}

// Resolves with the first `count` data payloads of an operation, then disposes it.
function take(client, query, variables, count) {
  return new Promise((resolve, reject) => {
    const received = [];
    const timer = setTimeout(() => reject(new Error(`timed out after ${received.length} of ${count}`)), WAIT_MS);
    let dispose = () => {};
    let finished = false;
    const finish = (error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      dispose();
      if (error) reject(error);
      else resolve(received.slice(0, count));
    };
    dispose = client.subscribe({ query, variables }, {
      next: (result) => {
        // a client may deliver more before the disposal reaches the server
        if (finished) return;
        if (result.errors) {
          finish(new Error(JSON.stringify(result.errors)));
          return;
        }
        received.push(result.data);
        if (received.length === count) finish();
      },
      error: (error) => finish(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => {
        if (received.length < count) finish(new Error(`completed after ${received.length} of ${count}`));
      },
    });
  });
}

async function one(client, query, variables) {
  const [data] = await take(client, query, variables, 1);
  return data;
}

const STATUS = `subscription($p: ID!, $after: String) {
  syncBufferStatusChanged(projectId: $p, after: $after) { cursor previousStatus newStatus change { id } }
}`;
const VIOLATIONS = `subscription($p: ID!, $after: String) {
  violationDetected(projectId: $p, after: $after) { cursor enforcementLevel violation { resourceId standard { id } } }
}`;

async function subscriptions(name, client, project, failing) {
  const statuses = (await take(client, STATUS, { p: project, after: '0' }, 3)).map((d) => d.syncBufferStatusChanged);
  check(`${name}: syncBufferStatusChanged from the start`,
    statuses.map((e) => e.newStatus).join() === 'PENDING,VALIDATED,PENDING', statuses);
  const resumed = (await one(client, STATUS, { p: project, after: statuses[0].cursor })).syncBufferStatusChanged;
  check(`${name}: syncBufferStatusChanged resumed after a cursor`, resumed.cursor === statuses[1].cursor, resumed);

  const violations = (await take(client, VIOLATIONS, { p: project, after: '0' }, 2)).map((d) => d.violationDetected);
  check(`${name}: violationDetected from the start`,
    violations.map((e) => e.violation.resourceId).join() === failing.join()
      && violations.every((e) => e.violation.standard.id === 'ts-001-zulu'), violations);
  const next = (await one(client, VIOLATIONS, { p: project, after: violations[0].cursor })).violationDetected;
  check(`${name}: violationDetected resumed after a cursor`, next.cursor === violations[1].cursor, next);
}

async function main() {
  const http = createHttpClient({ url, headers });
  const created = await one(http, 'mutation($n: String!) { createProject(input: {name: $n}) { id name } }',
    { n: `clients-${Date.now()}` });
  const project = created.createProject.id;
  check('graphql-http: mutation createProject', project, created);

  const SUBMIT = `mutation($p: ID!, $payload: JSON!) {
    submitChange(projectId: $p, changeType: "config_update", payload: $payload) { id } }`;
  const VALIDATE = 'mutation($id: ID!) { validateChange(id: $id) { id status } }';
  const passing = (await one(http, SUBMIT, { p: project, payload: { k: 'v' } })).submitChange.id;
  await one(http, VALIDATE, { id: passing });
  const failing = [];
  for (const due of ['2026-03-01T12:00:00+01:00', '2026-03-02T12:00:00+01:00']) {
    const id = (await one(http, SUBMIT, { p: project, payload: { due_at: due } })).submitChange.id;
    const validated = await one(http, VALIDATE, { id });
    check(`graphql-http: a change violating ts-001-zulu is rejected`, validated.validateChange.status === 'REJECTED',
      validated);
    failing.push(id);
  }
  const read = await one(http, 'query($id: ID!) { project(id: $id) { id name } }', { id: project });
  check('graphql-http: query project', read.project.id === project, read);

  const ws = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    await subscriptions('graphql-ws', ws, project, failing);
  } finally {
    await ws.dispose();
  }
  const sse = createSseClient({ url, headers, retryAttempts: 0 });
  try {
    await subscriptions('graphql-sse', sse, project, failing);
  } finally {
    sse.dispose();
  }
}

try {
  await main();
} catch (error) {
  check('no client failed', false, String(error && error.stack ? error.stack : error));
}
console.log(JSON.stringify({ checks }));
process.exit(checks.every((c) => c.ok) ? 0 : 1);

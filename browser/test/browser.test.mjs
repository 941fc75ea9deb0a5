// Headless Chromium against a running server (COCKPIT_URL, and COCKPIT_TOKEN of a user): a page on another
// loopback origin calls the API and subscribes; a page on an origin that is not allowed is refused; the
// offline GraphiQL loads without any request leaving loopback, runs a query with the token from its
// Headers tab and shows a subscription's live event. Run by dev.devguide.cockpit.BrowserTests
// (./mvnw verify -Pbrowser) or by hand: COCKPIT_URL=... COCKPIT_TOKEN=... node --test test/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const api = process.env.COCKPIT_URL;
const token = process.env.COCKPIT_TOKEN;
assert.ok(api && token, 'COCKPIT_URL and COCKPIT_TOKEN are required');
const WAIT = 30_000;
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// refused.test is not an allowed origin; Chromium resolves it to loopback (no request leaves the machine)
const REFUSED_HOST = 'refused.test';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', REFUSED_HOST]);

const STATUS = `subscription($p: ID!, $after: String) {
  syncBufferStatusChanged(projectId: $p, after: $after) { newStatus change { id } }
}`;

let server;
let staticPort;
let context;
let profile;

before(async () => {
  server = createServer((request, response) => {
    const path = normalize(new URL(request.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path === 'page.html' ? join(here, 'page.html') : join(root, path);
    if (!file.startsWith(root) || !(path === 'page.html' || path.startsWith('node_modules/graphql-ws/dist/'))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
      response.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  staticPort = server.address().port;
  profile = mkdtempSync(join(tmpdir(), 'cockpit-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--host-resolver-rules=MAP ${REFUSED_HOST} 127.0.0.1`],
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) {
    rmSync(profile, { recursive: true, force: true });
  }
});

async function graphql(query, variables) {
  const response = await fetch(api + '/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

async function project() {
  const data = await graphql('mutation($input: ProjectInput!) { createProject(input: $input) { id } }',
    { input: { name: 'browser-' + Date.now() } });
  return data.createProject.id;
}

async function submit(projectId) {
  const data = await graphql(`mutation($p: ID!) {
    submitChange(projectId: $p, changeType: "config_update", payload: {k: "v"}) { id }
  }`, { p: projectId });
  return data.submitChange.id;
}

async function dashboard(host) {
  const page = await context.newPage();
  await page.goto(`http://${host}:${staticPort}/page.html`);
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: WAIT });
  return page;
}

test('a page on another loopback origin queries with fetch and subscribes with graphql-ws', async () => {
  const page = await dashboard('127.0.0.1');
  const result = await page.evaluate(([url, bearer]) => window.query(url, bearer, '{ projects(first: 1) { totalCount } }'),
    [api, token]);
  assert.equal(typeof result.data.projects.totalCount, 'number', JSON.stringify(result));

  const projectId = await project();
  // from the start of the project's events (after: "0"), so the event cannot be missed
  const event = page.evaluate(([url, bearer, query, variables]) => window.firstEvent(url, bearer, query, variables),
    [api, token, STATUS, { p: projectId, after: '0' }]);
  const changeId = await submit(projectId);
  const first = await event;
  assert.deepEqual(first.next?.data?.syncBufferStatusChanged, { newStatus: 'PENDING', change: { id: changeId } },
    JSON.stringify(first));
  await page.close();
});

test('a page on an origin that is not allowed is refused over HTTP and WebSocket', async () => {
  const page = await dashboard(REFUSED_HOST);
  const fetched = await page.evaluate(([url, bearer]) => window.query(url, bearer, '{ projects(first: 1) { totalCount } }')
    .then(() => 'answered', (error) => error.name), [api, token]);
  assert.equal(fetched, 'TypeError');
  const first = await page.evaluate(([url, bearer, query, variables]) => window.firstEvent(url, bearer, query, variables),
    [api, token, STATUS, { p: 'none', after: '0' }]);
  // the handshake was refused: the socket failed before it ever opened
  assert.equal(first.next, undefined, JSON.stringify(first));
  assert.equal(first.opened, false, JSON.stringify(first));
  await page.close();
});

test('GraphiQL loads with nothing from outside, queries with the Headers tab and shows a live event', async () => {
  const page = await context.newPage();
  const outside = [];
  const watch = (url) => {
    const { protocol, hostname } = new URL(url);
    if (!['data:', 'blob:', 'about:'].includes(protocol) && !LOOPBACK.has(hostname)) {
      outside.push(url);
    }
  };
  page.on('request', (request) => watch(request.url()));
  page.on('websocket', (socket) => watch(socket.url()));
  // anything that tries to leave is stopped (and recorded above)
  await page.route((url) => !LOOPBACK.has(url.hostname) && url.protocol.startsWith('http'), (route) => route.abort());

  await page.goto(api + '/graphiql');
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ timeout: WAIT });

  const setEditor = (selector, text) => page.evaluate(([css, value]) => {
    document.querySelector(css).CodeMirror.setValue(value);
  }, [selector, text]);
  // GraphiQL runs the document it has parsed (documentAST and operation name, updated after a change):
  // wait until that is the new text
  const setQuery = async (text) => {
    await setEditor('.graphiql-query-editor .CodeMirror', text);
    await page.waitForFunction(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
      return editor.documentAST?.loc?.source?.body === editor.getValue();
    }, null, { timeout: WAIT });
  };
  const response = () => page.evaluate(() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue());

  await page.getByRole('button', { name: /headers/i }).first().click();
  await setEditor('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
    JSON.stringify({ Authorization: 'Bearer ' + token }));

  await setQuery('query Count { projects(first: 1) { totalCount } }');
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(() => document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror.getValue()
    .includes('totalCount'), null, { timeout: WAIT });
  const answered = JSON.parse(await response());
  assert.equal(typeof answered.data.projects.totalCount, 'number', JSON.stringify(answered));

  const projectId = await project();
  await setQuery(STATUS.replace('subscription(', 'subscription Live(').replace('$p: ID!, $after: String', '$p: ID! = "' + projectId + '", $after: String = "0"'));
  await page.locator('.graphiql-execute-button').click();
  const changeId = await submit(projectId);
  try {
    await page.waitForFunction((id) => document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror.getValue()
      .includes(id), changeId, { timeout: WAIT });
  } catch (error) {
    await page.screenshot({ path: join(tmpdir(), 'cockpit-graphiql.png') });
    throw new Error(`no event for ${changeId} in GraphiQL's response: ${await response()}`, { cause: error });
  }
  assert.match(await response(), /PENDING/);
  assert.deepEqual(outside, []);
  await page.close();
});

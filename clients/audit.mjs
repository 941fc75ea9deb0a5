// graphql-http's server audits against a running Cockpit API.
// Usage: node audit.mjs <url of /graphql> <bearer token>
// Prints one JSON array: [{id, name, status: ok|notice|warn|error, reason}], and exits 0.
import { serverAudits } from 'graphql-http';

const [url, token] = process.argv.slice(2);

function fetchWithToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetchWithToken })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
console.log(JSON.stringify(results));

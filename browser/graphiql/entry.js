// GraphiQL for /graphiql, bundled with everything it needs so that the page loads nothing from outside
// the server. The endpoint is the same origin's /graphql for queries (HTTP) and subscriptions
// (graphql-transport-ws); the Headers tab's JSON goes with every HTTP request and, for a subscription, as
// the connection_init payload, which is where the server reads {"Authorization": "Bearer ..."}.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';

const params = new URLSearchParams(window.location.search);
const url = new URL(params.get('path') || '/graphql', window.location.href);
const subscriptionUrl = new URL(params.get('wsPath') || '/graphql', window.location.href);
subscriptionUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
if (url.origin !== window.location.origin || subscriptionUrl.host !== window.location.host) {
  throw new Error('The GraphQL endpoint must be on the same origin as this page');
}

const fetcher = createGraphiQLFetcher({ url: url.href, subscriptionUrl: subscriptionUrl.href });

createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultHeaders: '{"Authorization": "Bearer <token>"}',
  }),
);

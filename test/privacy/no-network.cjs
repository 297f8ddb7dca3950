/**
 * Preload (`node --require`) for the privacy tests: every way Node can reach the network throws,
 * and is written to $PIM_NETWORK_LOG with its stack, so that a test can assert that nothing tried.
 * $PIM_NETWORK_ACTIVE is written on load: a test can tell that the tripwire was in place.
 * Standard input and output stay usable: pipes are not connected through these functions.
 */
'use strict';
const fs = require('node:fs');

const log = process.env.PIM_NETWORK_LOG;
if (process.env.PIM_NETWORK_ACTIVE) fs.writeFileSync(process.env.PIM_NETWORK_ACTIVE, String(process.pid));

function forbid(owner, name, label) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function forbidden() {
    const error = new Error(`network access is forbidden here: ${label}`);
    if (log) fs.appendFileSync(log, `${label}\n${error.stack}\n\n`);
    throw error;
  };
}

const net = require('node:net');
forbid(net, 'connect', 'net.connect');
forbid(net, 'createConnection', 'net.createConnection');
forbid(net.Socket.prototype, 'connect', 'net.Socket#connect');
forbid(net.Server.prototype, 'listen', 'net.Server#listen');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) forbid(dns, name, `dns.${name}`);
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) forbid(dns.promises, name, `dns.promises.${name}`);
for (const module of ['node:http', 'node:https']) {
  const http = require(module);
  forbid(http, 'request', `${module.slice(5)}.request`);
  forbid(http, 'get', `${module.slice(5)}.get`);
}
forbid(require('node:tls'), 'connect', 'tls.connect');
forbid(require('node:dgram'), 'createSocket', 'dgram.createSocket');
forbid(require('node:http2'), 'connect', 'http2.connect');
forbid(globalThis, 'fetch', 'fetch');
if (globalThis.WebSocket) forbid(globalThis, 'WebSocket', 'WebSocket');

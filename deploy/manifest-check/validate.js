#!/usr/bin/env node
'use strict';
// Validates the deployment artifacts offline: every Kubernetes manifest under the given directory against the API
// schemas and the project's rules, and the docker-compose file against the project's rules (`docker-compose config`
// checks its syntax). Silent but for one summary line on success; exits 1 listing every problem otherwise.
//   node validate.js <k8s dir> <docker-compose.yml>
const fs = require('node:fs');
const path = require('node:path');
const { loadManifests, parseAll } = require('./lib/documents');
const { manifestErrors } = require('./lib/check');
const { composeErrors } = require('./lib/compose-rules');
const { selfTestFailures } = require('./lib/self-test');

function main([k8sDir, composeFile]) {
  if (!k8sDir || !composeFile) {
    console.error('usage: node validate.js <k8s dir> <docker-compose.yml>');
    return 2;
  }
  const base = path.resolve(k8sDir, '..');
  const errors = [...selfTestFailures()];
  let count = 0;
  try {
    const { entries, errors: unreadable } = loadManifests(k8sDir, base);
    count = entries.length;
    errors.push(...unreadable, ...manifestErrors(entries));
    const where = path.relative(base, composeFile);
    errors.push(...composeErrors(parseAll(fs.readFileSync(composeFile, 'utf8'), where)[0]).map((e) => `${where}: ${e}`));
  } catch (error) {
    errors.push(error.message);
  }
  if (errors.length > 0) {
    for (const error of errors) console.error(error);
    console.error(`manifest check: ${errors.length} problem(s)`);
    return 1;
  }
  console.log(`manifest check: ${count} Kubernetes documents and the compose file are valid`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

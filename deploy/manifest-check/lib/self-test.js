'use strict';
// The validator must reject what it is there to reject: each broken document below has to fail with the expected
// message, or the run fails (a check that silently passes everything is worse than none).
const { parseAll } = require('./documents');
const { manifestErrors } = require('./check');
const { composeErrors } = require('./compose-rules');

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: broken, namespace: test }
spec:
  replicas: REPLICAS
  selector: { matchLabels: { app: broken } }
  template:
    metadata: { labels: { app: broken } }
    spec:
      containers:
        - name: silo
          image: actorsegments-server
          ports: [{ containerPort: 11111 }]
          PROBE: { grpc: { port: 5000, service: liveness } }
`;

const CASES = [
  ['a wrong field type', DEPLOYMENT.replace('REPLICAS', '"two"').replace('PROBE', 'livenessProbe'), 'spec/replicas must be integer'],
  ['a misspelt field', DEPLOYMENT.replace('REPLICAS', '2').replace('PROBE', 'livenessProb'), 'livenessProb: unknown field'],
  ['an unknown kind', 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata: { name: x }\n', 'unknown apiVersion/kind apps/v1/Deploymnt'],
  ['a silo without the Orleans labels', DEPLOYMENT.replace('REPLICAS', '2').replace('PROBE', 'livenessProbe'), 'pod label orleans/serviceId: required'],
];

const COMPOSE = `
services:
  silo1:
    environment: { ActorSegments__Cluster__AdvertisedAddress: 10.0.0.2, DOTNET_SHUTDOWNTIMEOUTSECONDS: "90" }
    networks: { net: { ipv4_address: 10.0.0.3 } }
    stop_grace_period: 30s
`;

function selfTestFailures() {
  const failures = [];
  for (const [what, text, expected] of CASES) {
    const entries = parseAll(text, 'self-test').map((doc, index) => ({ file: 'self-test', dir: '.', index, doc }));
    const errors = manifestErrors(entries);
    if (!errors.some((e) => e.includes(expected))) failures.push(`self-test: ${what} was not reported as '${expected}' (got: ${errors.join('; ') || 'no error'})`);
  }
  const compose = composeErrors(parseAll(COMPOSE, 'self-test')[0]).join('; ');
  for (const expected of ['must be one of the service\'s ipv4_address values', 'stop_grace_period (30) must exceed']) {
    if (!compose.includes(expected)) failures.push(`self-test: a broken compose silo was not reported as '${expected}' (got: ${compose || 'no error'})`);
  }
  return failures;
}

module.exports = { selfTestFailures };

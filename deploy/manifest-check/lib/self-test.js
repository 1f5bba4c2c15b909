'use strict';
// The validator must reject what it is there to reject: each broken document below has to fail with the expected
// message, or the run fails (a check that silently passes everything is worse than none).
const { parseAll } = require('./documents');
const { manifestErrors } = require('./check');
const { composeErrors } = require('./compose-rules');
const { schemaErrors } = require('./schema');

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: broken, namespace: test, labels: { free-form: map } }
spec:
  replicas: REPLICAS
  selector: { matchLabels: { app: broken } }
  template:
    metadata: { labels: { app: broken } }
    spec:
      SECURITY: { runAsNonRoot: true }
      containers:
        - name: silo
          image: actorsegments-server
          ports: [{ containerPort: PORT }]
          PROBE: { grpc: { port: 5000, SERVICE: liveness } }
`;

/** The deployment above with its placeholders filled: valid for the schema unless a case breaks it. */
function deployment(changes) {
  const values = { REPLICAS: '2', SECURITY: 'securityContext', PORT: '11111', PROBE: 'livenessProbe', SERVICE: 'service', ...changes };
  return Object.entries(values).reduce((text, [placeholder, value]) => text.replace(placeholder, value), DEPLOYMENT);
}

// Each expected message names the field by its full path in the document.
const CASES = [
  ['a wrong field type', deployment({ REPLICAS: '"two"' }), 'spec.replicas: must be integer'],
  ['a wrong field type deep in the pod spec', deployment({ PORT: '"11111"' }), 'spec.template.spec.containers[0].ports[0].containerPort: must be integer'],
  ['a misspelt field', deployment({ PROBE: 'livenessProb' }), 'spec.template.spec.containers[0].livenessProb: unknown field'],
  ['an unknown field deep in the pod spec', deployment({ SERVICE: 'servce' }), 'spec.template.spec.containers[0].livenessProbe.grpc.servce: unknown field'],
  ['an unknown field of the pod', deployment({ SECURITY: 'securityContxt' }), 'spec.template.spec.securityContxt: unknown field'],
  ['an unknown kind', 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata: { name: x }\n', 'unknown apiVersion/kind apps/v1/Deploymnt'],
  ['a silo without the Orleans labels', deployment({}), 'pod label orleans/serviceId: required'],
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
  // And must not reject what is valid: the unbroken deployment (free-form labels included) meets its schema.
  const valid = schemaErrors(parseAll(deployment({}), 'self-test')[0]);
  if (valid.length > 0) failures.push(`self-test: a valid deployment was rejected (${valid.join('; ')})`);
  const compose = composeErrors(parseAll(COMPOSE, 'self-test')[0]).join('; ');
  for (const expected of ['must be one of the service\'s ipv4_address values', 'stop_grace_period (30) must exceed']) {
    if (!compose.includes(expected)) failures.push(`self-test: a broken compose silo was not reported as '${expected}' (got: ${compose || 'no error'})`);
  }
  return failures;
}

module.exports = { selfTestFailures };

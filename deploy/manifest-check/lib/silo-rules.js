'use strict';
// What a silo Deployment needs that no schema can say: Orleans' Kubernetes hosting (labels, downward-API variables,
// RBAC), a graceful stop that fits before SIGKILL, probes that do not restart silos over a database outage, and
// secrets kept out of ConfigMaps.
const { shutdownBudgetErrors, endpointErrors } = require('./settings');

const DOWNWARD_API = {
  POD_NAME: 'metadata.name',
  POD_NAMESPACE: 'metadata.namespace',
  POD_IP: 'status.podIP',
  ORLEANS_SERVICE_ID: "metadata.labels['orleans/serviceId']",
  ORLEANS_CLUSTER_ID: "metadata.labels['orleans/clusterId']",
};
const POD_VERBS = ['get', 'watch', 'list', 'delete', 'patch'];
const SECRET_SETTINGS = ['ActorSegments__Postgres__ConnectionString', 'ActorSegments__Auth__BootstrapKey'];

const find = (docs, kind, name, namespace) =>
  docs.find((d) => d.kind === kind && d.metadata?.name === name && (d.metadata?.namespace ?? namespace) === namespace);

/** The plain values a container sees: ConfigMaps named in envFrom, then its own env (which wins). */
function plainEnvironment(container, docs, namespace) {
  const env = {};
  for (const source of container.envFrom ?? []) {
    const map = source.configMapRef && find(docs, 'ConfigMap', source.configMapRef.name, namespace);
    Object.assign(env, map?.data ?? {});
  }
  for (const variable of container.env ?? []) if (variable.value !== undefined) env[variable.name] = variable.value;
  return env;
}

function secretKeys(container, docs, namespace) {
  const keys = new Set();
  for (const source of container.envFrom ?? []) {
    const secret = source.secretRef && find(docs, 'Secret', source.secretRef.name, namespace);
    for (const key of Object.keys({ ...secret?.data, ...secret?.stringData })) keys.add(key);
  }
  for (const variable of container.env ?? []) if (variable.valueFrom?.secretKeyRef) keys.add(variable.name);
  return keys;
}

function rbacErrors(pod, docs, namespace) {
  const account = pod.serviceAccountName;
  if (!account) return ['serviceAccountName: required (Orleans watches pods with it)'];
  const errors = [];
  const sa = find(docs, 'ServiceAccount', account, namespace);
  if (!sa) errors.push(`ServiceAccount ${account}: not found`);
  if (pod.automountServiceAccountToken === false || sa?.automountServiceAccountToken === false) {
    errors.push('automountServiceAccountToken: must not be false (Orleans reads the token)');
  }
  const granted = docs.filter((d) => d.kind === 'RoleBinding' && (d.metadata?.namespace ?? namespace) === namespace)
    .filter((b) => (b.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === account))
    .map((b) => find(docs, b.roleRef?.kind, b.roleRef?.name, namespace))
    .flatMap((role) => role?.rules ?? [])
    .filter((rule) => (rule.apiGroups ?? []).includes('') && (rule.resources ?? []).includes('pods'))
    .flatMap((rule) => rule.verbs ?? []);
  const missing = POD_VERBS.filter((verb) => !granted.includes(verb) && !granted.includes('*'));
  if (missing.length > 0) errors.push(`ServiceAccount ${account}: no Role bound to it grants ${missing.join(', ')} on pods`);
  return errors;
}

function probeErrors(container) {
  const errors = ['startupProbe', 'livenessProbe', 'readinessProbe']
    .filter((probe) => !container[probe]).map((probe) => `${probe}: required`);
  const live = container.livenessProbe;
  if (live && live.grpc?.service !== 'liveness' && live.httpGet?.path !== '/livez') {
    errors.push('livenessProbe: must be the dependency-free check (gRPC service "liveness" or /livez), or a database outage restarts every silo');
  }
  return errors;
}

function containerErrors(container, pod, labels, docs, namespace) {
  const errors = [];
  for (const [name, fieldPath] of Object.entries(DOWNWARD_API)) {
    const variable = (container.env ?? []).find((v) => v.name === name);
    if (variable?.valueFrom?.fieldRef?.fieldPath !== fieldPath) errors.push(`env ${name}: must come from fieldRef ${fieldPath}`);
  }
  const env = plainEnvironment(container, docs, namespace);
  if (env.ActorSegments__Cluster__Kubernetes !== 'true') errors.push('ActorSegments__Cluster__Kubernetes: must be "true"');
  for (const [setting, label] of [['ServiceId', 'orleans/serviceId'], ['ClusterId', 'orleans/clusterId']]) {
    const value = env[`ActorSegments__Cluster__${setting}`];
    if (value !== undefined && value !== labels[label]) errors.push(`ActorSegments__Cluster__${setting} (${value}) must equal the pod label ${label} (${labels[label]})`);
  }
  errors.push(...shutdownBudgetErrors(env, pod.terminationGracePeriodSeconds ?? 30, 'terminationGracePeriodSeconds'));
  errors.push(...endpointErrors(env), ...probeErrors(container));
  const secrets = secretKeys(container, docs, namespace);
  for (const name of SECRET_SETTINGS) {
    if (env[name] !== undefined) errors.push(`${name}: a secret, must come from a Secret, not a ConfigMap or a plain value`);
    else if (!secrets.has(name)) errors.push(`${name}: no Secret provides it`);
  }
  const tmp = (container.volumeMounts ?? []).some((m) => m.mountPath === '/tmp');
  if (container.securityContext?.readOnlyRootFilesystem && !tmp) errors.push('volumeMounts: a read-only root needs a writable /tmp');
  return errors;
}

/** Errors of one Deployment, given every document (for the ConfigMaps, Secrets and RBAC it refers to). */
function siloErrors(deployment, docs) {
  const namespace = deployment.metadata?.namespace;
  const template = deployment.spec?.template ?? {};
  const pod = template.spec ?? {};
  const labels = template.metadata?.labels ?? {};
  const errors = ['orleans/serviceId', 'orleans/clusterId']
    .filter((label) => !labels[label]).map((label) => `pod label ${label}: required (Orleans finds its silos by it)`);
  if (pod.securityContext?.runAsNonRoot !== true) errors.push('securityContext.runAsNonRoot: must be true');
  errors.push(...rbacErrors(pod, docs, namespace));
  // The silo is the container that exposes the silo-to-silo port.
  const silo = (pod.containers ?? []).find((c) => (c.ports ?? []).some((p) => p.containerPort === 11111));
  if (!silo) return errors.concat('containers: none exposes the silo port 11111');
  return errors.concat(containerErrors(silo, pod, labels, docs, namespace).map((e) => `container ${silo.name}: ${e}`));
}

module.exports = { siloErrors };

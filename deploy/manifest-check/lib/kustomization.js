'use strict';
// kubernetes-models has no model for kustomize's Kustomization (it is not a Kubernetes API object), so its shape is
// checked here: the fields this project uses, and that every listed resource exists.
const fs = require('node:fs');
const path = require('node:path');

const FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'labels', 'commonAnnotations', 'patches', 'configMapGenerator', 'secretGenerator']);

function isKustomization(doc) {
  return doc?.kind === 'Kustomization';
}

function kustomizationErrors(doc, dir) {
  const errors = [];
  if (doc.apiVersion !== 'kustomize.config.k8s.io/v1beta1') errors.push(`apiVersion must be kustomize.config.k8s.io/v1beta1 (got ${doc.apiVersion})`);
  for (const key of Object.keys(doc)) if (!FIELDS.has(key)) errors.push(`${key}: unknown or unexpected field`);
  if (!Array.isArray(doc.resources) || doc.resources.length === 0) errors.push('resources: must list the manifests');
  for (const resource of doc.resources ?? []) {
    if (typeof resource !== 'string' || !fs.existsSync(path.join(dir, resource))) errors.push(`resources: ${resource} does not exist`);
  }
  for (const [i, image] of (doc.images ?? []).entries()) {
    if (typeof image?.name !== 'string') errors.push(`images[${i}].name: required`);
  }
  return errors;
}

module.exports = { isKustomization, kustomizationErrors };

'use strict';
// Checks one Kubernetes document against the API schema of its apiVersion and kind (kubernetes-models).
const { unknownFields } = require('./fields');

const API_VERSION = /^([a-z0-9-]+(\.[a-z0-9-]+)*\/)?v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

function modelClass(apiVersion, kind) {
  if (!API_VERSION.test(apiVersion ?? '') || !KIND.test(kind ?? '')) return null;
  try {
    return require(`kubernetes-models/${apiVersion}/${kind}`)[kind] ?? null;
  } catch (error) {
    if (error.code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/** The problems of a document: an unknown kind, a schema violation or an undeclared field. */
function schemaErrors(doc) {
  if (typeof doc !== 'object' || Array.isArray(doc)) return ['not a mapping'];
  const Model = modelClass(doc.apiVersion, doc.kind);
  if (!Model) return [`unknown apiVersion/kind ${doc.apiVersion}/${doc.kind}`];
  const errors = [];
  try {
    new Model(doc).validate();
  } catch (error) {
    errors.push(error.message);
  }
  return errors.concat(unknownFields(doc));
}

module.exports = { schemaErrors };

'use strict';
// Checks one Kubernetes document against the API schema of its apiVersion and kind as kubernetes-models ships it,
// with fields the schema does not declare refused, as `kubectl apply` (strict field validation) refuses them.
//
// kubernetes-models ships its schemas compiled into validator functions (ajv standalone code), not as JSON documents,
// and generated without `additionalProperties: false`, so a misspelt field (`livenessProb:`) passes them. Rather than
// reading the schemas some other way, the check watches the package's own validator run over the document (see
// ./observed): a key the validator never looked up on an object is one the object's schema does not declare.
const { observe } = require('./observed');

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

/** `/spec/template/spec/containers/0/image` (a JSON pointer, as ajv reports it) as `spec.template.spec.containers[0].image`. */
function fieldPath(pointer) {
  return pointer.split('/').slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((where, part) => (/^\d+$/.test(part) ? `${where}[${part}]` : where ? `${where}.${part}` : part), '');
}

function violations(error) {
  if (!Array.isArray(error.errors)) throw error;
  return error.errors.map((e) => {
    const where = fieldPath(e.instancePath);
    const allowed = e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
    return `${where || '(document)'}: ${e.message ?? e.keyword}${allowed}`;
  });
}

/** The problems of a document: an unknown kind, a schema violation or an undeclared field, each with its path. */
function schemaErrors(doc) {
  if (typeof doc !== 'object' || Array.isArray(doc)) return ['not a mapping'];
  const Model = modelClass(doc.apiVersion, doc.kind);
  if (!Model) return [`unknown apiVersion/kind ${doc.apiVersion}/${doc.kind}`];
  const errors = [];
  const { unknownFields } = observe(doc, (watched) => {
    try {
      // The model's validate runs the compiled schema over `this`; the document itself is validated, not a copy.
      Model.prototype.validate.call(watched);
    } catch (error) {
      errors.push(...violations(error));
    }
  });
  return errors.concat(unknownFields.map((where) => `${where}: unknown field`));
}

module.exports = { schemaErrors, fieldPath };

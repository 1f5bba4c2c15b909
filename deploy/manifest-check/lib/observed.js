'use strict';
// Which keys a schema declares, learnt from its validator rather than read from its text: the compiled validators of
// kubernetes-models look up every property their schema declares on the object they are given (`data.field`, present
// or not), enumerate a free-form map (labels, ConfigMap data) and read each of its values, and look into nothing in
// an object their schema leaves open (x-kubernetes-preserve-unknown-fields, a raw extension). So, after one run:
//   - a key that was never looked up on an object its validator did look into is not declared: an unknown field;
//   - an object nothing was looked up on is left alone, so this never rejects what the schema does not describe.

function childPath(where, key, isArray) {
  if (isArray) return `${where}[${key}]`;
  return where ? `${where}.${key}` : key;
}

/**
 * Runs `validate` over a stand-in for `doc` that records every key looked up on each object and array in it; returns
 * the paths of the keys that were never looked up (`spec.template.spec.containers[0].livenessProb`), in document order.
 */
function observe(doc, validate) {
  const seen = new Map(); // each object or array of doc -> { where, looked: Set of keys, stand-in }
  function watch(value, where) {
    if (value === null || typeof value !== 'object') return value;
    let record = seen.get(value);
    if (!record) {
      const looked = new Set();
      const standIn = new Proxy(value, {
        get(target, key, receiver) {
          const child = Reflect.get(target, key, receiver);
          if (typeof key !== 'string') return child;
          looked.add(key);
          return Object.hasOwn(target, key) ? watch(child, childPath(where, key, Array.isArray(target))) : child;
        },
        has(target, key) {
          if (typeof key === 'string') looked.add(key);
          return Reflect.has(target, key);
        },
      });
      record = { where, looked, standIn };
      seen.set(value, record);
    }
    return record.standIn;
  }

  validate(watch(doc, ''));
  const unknownFields = [];
  (function collect(value) {
    if (value === null || typeof value !== 'object') return;
    const record = seen.get(value);
    if (!record) return; // never reached by the validator: a value its schema does not look into
    const isArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      if (!isArray && record.looked.size > 0 && !record.looked.has(key)) unknownFields.push(childPath(record.where, key, false));
      else collect(child);
    }
  })(doc);
  return { unknownFields };
}

module.exports = { observe };

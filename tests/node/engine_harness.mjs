// The trainer worker's engine (web/src/trainer/engine.js) on a real NnLab,
// without a worker: every reply is checked against the protocol's list and
// kept in `replies`, and a test waits for the one it wants.
import assert from 'node:assert/strict';
import { createEngine } from '../../web/src/trainer/engine.js';
import { REPLIES } from '../../web/src/trainer/protocol.js';

export function engineHarness(lab) {
  const replies = [];
  const listeners = new Set();
  const post = (message) => {
    assert.ok(REPLIES.includes(message.type), `undocumented reply type ${message.type}`);
    replies.push(message);
    for (const fn of [...listeners]) fn(message);
  };
  const engine = createEngine({ lab, post, schedule: (fn) => setImmediate(fn) });

  // The next reply of `type` from now on (it stays in `replies`); an 'error'
  // before it rejects, unless rejectOnError is false.
  const until = (type, { rejectOnError = true } = {}) => new Promise((resolve, reject) => {
    const fn = (m) => {
      if (m.type === type) {
        listeners.delete(fn);
        resolve(m);
      } else if (m.type === 'error' && rejectOnError) {
        listeners.delete(fn);
        reject(new Error(m.message));
      }
    };
    listeners.add(fn);
  });

  // The first reply of `type` or 'error', kept or still to come, taken out of `replies`.
  const next = (type) => new Promise((resolve) => {
    const take = () => {
      const i = replies.findIndex((r) => r.type === type || r.type === 'error');
      if (i >= 0) resolve(replies.splice(i, 1)[0]);
      return i >= 0;
    };
    if (take()) return;
    const fn = () => { if (take()) listeners.delete(fn); };
    listeners.add(fn);
  });

  return {
    engine,
    replies,
    until,
    next,
    async request(message, type) {
      const reply = until(type);
      await engine.handle(message);
      return reply;
    },
    of: (type) => replies.filter((r) => r.type === type),
    clear: () => replies.splice(0),
  };
}

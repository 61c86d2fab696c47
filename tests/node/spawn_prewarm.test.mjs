// web/src/trainer/spawn.js: the prewarmed worker is the one createWorker()
// hands out first, and what it said before anyone listened (its 'ready', an
// error) reaches the first onmessage / onerror, in order, once.
import test from 'node:test';
import assert from 'node:assert/strict';

// A stand-in for the browser's Worker: an EventTarget that records its URL.
class FakeWorker extends EventTarget {
  static made = [];
  static refuse = false;  // throw like a blocked worker
  constructor(url, options) {
    if (FakeWorker.refuse) throw new DOMException('blocked by policy', 'SecurityError');
    super();
    this.url = String(url);
    this.options = options;
    FakeWorker.made.push(this);
  }
  say(data) { this.dispatchEvent(new MessageEvent('message', { data })); }
  fail(message) {
    const event = new Event('error', { cancelable: true });
    event.message = message;
    this.dispatchEvent(event);
  }
}
globalThis.Worker = FakeWorker;
const { prewarmWorker, createWorker } = await import('../../web/src/trainer/spawn.js');
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test('createWorker without prewarming makes a new module worker each time', () => {
  const a = createWorker();
  const b = createWorker();
  assert.notEqual(a, b);
  assert.match(a.url, /worker\.js$/);
  assert.deepEqual(a.options, { type: 'module' });
});

test('the prewarmed worker is handed out once and replays its early messages in order', async () => {
  FakeWorker.made.length = 0;
  prewarmWorker();
  prewarmWorker();  // idempotent: still one spare
  assert.equal(FakeWorker.made.length, 1);
  const spare = FakeWorker.made[0];
  spare.say({ type: 'ready', heap_bytes: 1 });
  spare.say({ type: 'load-progress', loaded: 2 });
  spare.fail('early failure');

  const worker = createWorker();
  assert.equal(worker, spare);
  const got = [];
  const errors = [];
  worker.onmessage = (event) => got.push(event.data.type);
  worker.onerror = (event) => errors.push(event.message);
  spare.say({ type: 'progress' });  // after the handler is set: delivered after the replayed ones
  await tick();
  assert.deepEqual(got, ['ready', 'load-progress', 'progress']);
  assert.deepEqual(errors, ['early failure']);

  // A replaced handler gets later messages; nothing is delivered twice.
  const later = [];
  worker.onmessage = (event) => later.push(event.data.type);
  spare.say({ type: 'epoch' });
  await tick();
  assert.deepEqual(got, ['ready', 'load-progress', 'progress']);
  assert.deepEqual(later, ['epoch']);

  // The spare is used up: the next worker is a new one.
  assert.notEqual(createWorker(), spare);
});

test('a worker that cannot be made: prewarming says nothing, the first run gets the error', () => {
  FakeWorker.refuse = true;
  try {
    assert.doesNotThrow(() => prewarmWorker());  // the page's boot goes on
    assert.throws(() => createWorker(), /blocked by policy/);  // the run reports it, as without prewarming
  } finally {
    FakeWorker.refuse = false;
  }
  assert.ok(createWorker() instanceof FakeWorker);
});

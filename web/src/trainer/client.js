// The page's side of the worker protocol (protocol.js): requests that resolve
// with their answer, listeners for the unasked replies (progress, epoch,
// finished), and a fresh worker after a fatal error.
import { ANSWER } from './protocol.js';

export class TrainerClient {
  #createWorker;
  #worker = null;
  #nextId = 1;
  #pending = new Map();     // id -> {answers, resolve, reject}
  #listeners = new Map();   // type -> Set(fn)

  /** createWorker(): a new module Worker speaking protocol.js. */
  constructor(createWorker) {
    this.#createWorker = createWorker;
  }

  get started() {
    return this.#worker !== null;
  }

  /** Makes the worker when there is none (idempotent). */
  start() {
    if (this.#worker) return;
    const worker = this.#createWorker();
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#receive({ type: 'error', message: event.message || 'the trainer worker failed', fatal: true });
    };
    worker.onmessageerror = () => this.#receive({ type: 'error', message: 'a message from the trainer worker could not be read', fatal: true });
    this.#worker = worker;
  }

  /** Discards the worker (and everything it held) and makes a new one. */
  restart() {
    this.terminate();
    this.start();
  }

  terminate() {
    this.#worker?.terminate();
    this.#worker = null;
    for (const { reject } of this.#pending.values()) reject(new Error('the trainer worker was replaced'));
    this.#pending.clear();
  }

  /** fn(message) for every reply of `type` ('*': all). Returns an unsubscribe function. */
  on(type, fn) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(fn);
    return () => this.#listeners.get(type).delete(fn);
  }

  /**
   * Sends a request; resolves with its answer (protocol.js ANSWER; a step
   * may also end in 'finished'), rejects with an Error for an error reply.
   */
  request(message, transfer = []) {
    this.start();
    const id = this.#nextId++;
    const answers = [ANSWER[message.type]];
    if (message.type === 'step') answers.push('finished');
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { answers, resolve, reject });
      this.#worker.postMessage({ ...message, id }, transfer);
    });
  }

  #receive(message) {
    const pending = message.id !== undefined ? this.#pending.get(message.id) : undefined;
    if (pending && (pending.answers.includes(message.type) || message.type === 'error')) {
      this.#pending.delete(message.id);
      if (message.type === 'error') {
        const error = new Error(message.message);
        error.fatal = message.fatal;
        pending.reject(error);
      } else {
        pending.resolve(message);
      }
    }
    if (message.type === 'error' && message.fatal) {
      // Nothing pending will be answered by a broken worker.
      for (const p of this.#pending.values()) p.reject(Object.assign(new Error(message.message), { fatal: true }));
      this.#pending.clear();
    }
    for (const type of [message.type, '*']) {
      for (const fn of this.#listeners.get(type) ?? []) fn(message);
    }
  }
}

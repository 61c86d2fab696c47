// Finished runs kept in the browser (IndexedDB), so that they survive a
// reload: each record is a run file's object (run_file.js) plus, where it is
// small enough, the trained model's bytes. Every failure (no IndexedDB, a
// private window that refuses it, the quota) rejects with an Error whose
// message says so; the lab shows it as a notice and carries on without.
//
//   const store = openRunStore();
//   const key = await store.put({ run: runToJson(run), model });
//   const records = await store.list();     // [{key, saved_at, run, model}], oldest first
//   await store.remove(key); await store.clear();

export const DB_NAME = 'reglab-runs';
const DB_VERSION = 1;
const STORE = 'runs';
// Models up to this size are kept with their run (the post's largest, N4's
// 784-512-512-10, is 2.7 MB); larger ones only as long as the page is open.
export const MODEL_KEEP_BYTES = 16 * 2 ** 20;

const describe = (error) => {
  if (error?.name === 'QuotaExceededError') return 'the browser\'s storage for this site is full';
  return error?.message || error?.name || String(error);
};

const request = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

/** idb: an IDBFactory (default: the browser's; none: every call rejects). */
export function openRunStore({ idb = globalThis.indexedDB, name = DB_NAME } = {}) {
  let opened = null;

  function open() {
    if (!idb) return Promise.reject(new Error('this browser has no IndexedDB'));
    if (!opened) {
      opened = new Promise((resolve, reject) => {
        let req;
        try {
          req = idb.open(name, DB_VERSION);
        } catch (error) {
          reject(error);  // e.g. a sandboxed frame: SecurityError
          return;
        }
        req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('the run store is blocked by another tab'));
      }).catch((error) => {
        opened = null;
        throw new Error(`runs cannot be kept in this browser: ${describe(error)}`);
      });
    }
    return opened;
  }

  // One transaction; resolves when it completes (a quota error shows up at commit).
  async function transact(mode, fn) {
    const db = await open();
    return new Promise((resolve, reject) => {
      let result;
      let tx;
      try {
        tx = db.transaction(STORE, mode);
        result = fn(tx.objectStore(STORE));
      } catch (error) {
        reject(new Error(`the run store failed: ${describe(error)}`));
        return;
      }
      tx.oncomplete = async () => resolve(result instanceof IDBRequest ? result.result : result);
      tx.onabort = () => reject(new Error(`the run was not kept: ${describe(tx.error)}`));
      tx.onerror = () => {};  // onabort follows with the reason
    });
  }

  return {
    get available() {
      return Boolean(idb);
    },
    /** Keeps {run, model?}; resolves with its key. */
    put(record) {
      return transact('readwrite', (store) => store.put({ ...record, saved_at: new Date().toISOString() }));
    },
    /** Every kept record, oldest first. */
    async list() {
      return transact('readonly', (store) => store.getAll());
    },
    remove(key) {
      return transact('readwrite', (store) => store.delete(key));
    },
    clear() {
      return transact('readwrite', (store) => store.clear());
    },
    close() {
      opened?.then((db) => db.close(), () => {});
      opened = null;
    },
  };
}

/** Whether an error from the store is the quota (then try again without the model). */
export const isQuotaError = (error) => /storage for this site is full/.test(error?.message ?? '');

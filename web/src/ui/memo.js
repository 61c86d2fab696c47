// Remembers the last result of a function by a key, so a section recomputes
// (or redraws) only what an input change affects: moving the Lasso alpha
// refits Lasso, not the three other models. One entry, owned by its caller.

export function lastResult(compute) {
  let lastKey;
  let lastValue;
  return (key, ...args) => {
    if (key !== lastKey || lastValue === undefined) {
      lastValue = compute(...args);
      lastKey = key;
    }
    return lastValue;
  };
}

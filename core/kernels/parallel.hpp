#pragma once
// A small fixed pool of worker threads for the matrix products: the caller
// splits one product into parts, runs part 0 itself and waits for the rest.
//
// Threads exist only where the build can make them: natively, and in wasm
// built with -pthread (the page's threaded build, used when it is
// cross-origin isolated). In the single-threaded wasm build the pool is
// always 1 and run_parts just runs every part in turn.
//
// One thread at a time may call run_parts (the trainer's thread); parts must
// not call it again.
#include <functional>

namespace reglab::kernels {

// How many threads (the caller included) products may use from now on;
// clamped to [1, max_threads()]. Starts at 1: nothing runs in parallel until
// a front end asks. Must not be called while run_parts runs.
void set_threads(int threads);
int threads();
// The most set_threads accepts: 1 where the build has no threads, else 16.
int max_threads();

// Calls part(i) for every i in [0, parts), parts <= threads(), part 0 on
// the calling thread; returns when all have returned.
void run_parts(int parts, const std::function<void(int)>& part);

// How many run_parts calls have split work across threads so far (for tests
// and benchmarks: which products are split).
long long split_runs();

}  // namespace reglab::kernels

// parallel.hpp: workers sleep on a condition variable between products; a
// product wakes them by bumping `generation`. Waking and finishing spin a
// little first, because a product of the MLP takes 0.1-10 ms and a futex
// round trip (Atomics.wait in wasm) costs tens of microseconds.
#include "core/kernels/parallel.hpp"

#include <algorithm>

#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
#define REGLAB_HAVE_THREADS 1
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>
#endif

namespace reglab::kernels {

namespace {
long long split_count = 0;  // written by the one thread that calls run_parts
}  // namespace

long long split_runs() { return split_count; }

#if REGLAB_HAVE_THREADS
namespace {

constexpr int kMaxThreads = 16;
constexpr int kSpins = 20000;  // ~10-50 us of polling before sleeping

class Pool {
 public:
  ~Pool() { resize(1); }

  int size() const { return int(workers_.size()) + 1; }

  void resize(int threads) {
    if (threads == size()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
      generation_.fetch_add(1);
    }
    wake_.notify_all();
    for (auto& w : workers_) w.join();
    workers_.clear();
    stop_ = false;
    // In wasm a thread can only start on a Worker of the pool made while the
    // module loaded (the caller would block before a new one could start):
    // built with PTHREAD_POOL_SIZE_STRICT=2, a thread past the pool fails
    // to start, and the pool stays as large as it could be made.
    try {
      const unsigned start = generation_.load();  // a worker that starts late must not miss a product
      for (int i = 1; i < threads; ++i) workers_.emplace_back([this, i, start] { loop(i, start); });
    } catch (const std::system_error&) {
    }
  }

  void run(int parts, const std::function<void(int)>& part) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      part_ = &part;
      parts_ = parts;
      pending_.store(parts - 1);
      generation_.fetch_add(1);
    }
    wake_.notify_all();
    part(0);
    for (int spin = 0; pending_.load() > 0 && spin < kSpins; ++spin) {
    }
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_.load() == 0; });
    part_ = nullptr;
  }

 private:
  void loop(int index, unsigned seen) {
    for (;;) {
      for (int spin = 0; generation_.load() == seen && spin < kSpins; ++spin) {
      }
      const std::function<void(int)>* part = nullptr;
      int parts = 0;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || generation_.load() != seen; });
        seen = generation_.load();
        if (stop_) return;
        part = part_;
        parts = parts_;
      }
      if (index < parts) {
        (*part)(index);
        if (pending_.fetch_sub(1) == 1) {
          std::lock_guard<std::mutex> lock(mutex_);  // so the caller cannot miss the notify
          done_.notify_one();
        }
      }
    }
  }

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::atomic<unsigned> generation_{0};
  std::atomic<int> pending_{0};
  const std::function<void(int)>* part_ = nullptr;
  int parts_ = 0;
  bool stop_ = false;
};

Pool& pool() {
  static Pool instance;
  return instance;
}

}  // namespace

void set_threads(int threads) { pool().resize(std::clamp(threads, 1, kMaxThreads)); }
int threads() { return pool().size(); }
int max_threads() { return kMaxThreads; }

void run_parts(int parts, const std::function<void(int)>& part) {
  if (parts <= 1) {
    if (parts == 1) part(0);
    return;
  }
  ++split_count;
  pool().run(parts, part);
}

#else  // single-threaded wasm

void set_threads(int) {}
int threads() { return 1; }
int max_threads() { return 1; }
void run_parts(int parts, const std::function<void(int)>& part) {
  for (int i = 0; i < parts; ++i) part(i);
}

#endif

}  // namespace reglab::kernels

#pragma once
// Optimizers: one loop over the flat (values, grads) buffers; they know
// nothing about layers. Hyperparameters (a Config, a value) live apart from
// the state (sized at init, indexed like the buffers, never keyed by address).
#include <Eigen/Core>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <variant>
#include <vector>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace reglab::nn {

// Keras 2.x Adam (tf.keras.optimizers.Adam defaults, amsgrad off):
//   t += 1; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
//   lr_t = lr sqrt(1 - b2^t) / (1 - b1^t);  w -= lr_t m / (sqrt(v) + eps)
struct AdamConfig {
  double learning_rate = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-7;
};

template <class T>
struct AdamState {
  std::vector<T> m, v;  // same layout as the parameter buffer
  long t = 0;           // steps taken
  explicit AdamState(std::size_t n = 0) : m(n, T(0)), v(n, T(0)) {}
};

#if defined(__wasm_simd128__)
// The update below in one SIMD128 pass. Eigen has no wasm packets: its three
// expressions became three scalar passes over W, M, V and G (1.6 MB for
// 784-128-10, more than L2), once per batch. Each value is computed with the
// same operations in the same order, so the results are the same bits.
inline void adam_update_simd128(float b1, float c1, float b2, float c2, float lr_t, float eps,
                                float* w, float* m, float* v, const float* g, std::size_t n) {
  const v128_t vb1 = wasm_f32x4_splat(b1), vc1 = wasm_f32x4_splat(c1);
  const v128_t vb2 = wasm_f32x4_splat(b2), vc2 = wasm_f32x4_splat(c2);
  const v128_t vlr = wasm_f32x4_splat(lr_t), veps = wasm_f32x4_splat(eps);
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t gi = wasm_v128_load(g + i);
    const v128_t mi = wasm_f32x4_add(wasm_f32x4_mul(vb1, wasm_v128_load(m + i)), wasm_f32x4_mul(vc1, gi));
    const v128_t vi = wasm_f32x4_add(wasm_f32x4_mul(vb2, wasm_v128_load(v + i)),
                                     wasm_f32x4_mul(vc2, wasm_f32x4_mul(gi, gi)));
    wasm_v128_store(m + i, mi);
    wasm_v128_store(v + i, vi);
    const v128_t step = wasm_f32x4_div(wasm_f32x4_mul(vlr, mi), wasm_f32x4_add(wasm_f32x4_sqrt(vi), veps));
    wasm_v128_store(w + i, wasm_f32x4_sub(wasm_v128_load(w + i), step));
  }
  for (; i < n; ++i) {
    m[i] = b1 * m[i] + c1 * g[i];
    v[i] = b2 * v[i] + c2 * (g[i] * g[i]);
    w[i] -= lr_t * m[i] / (std::sqrt(v[i]) + eps);
  }
}
#endif

template <class T>
void adam_step(const AdamConfig& c, AdamState<T>& s, T* w, const T* g, std::size_t n) {
  using Array = Eigen::Array<T, Eigen::Dynamic, 1>;
  s.t += 1;
  const double t = static_cast<double>(s.t);
  const T lr_t = static_cast<T>(c.learning_rate * std::sqrt(1 - std::pow(c.beta2, t)) /
                                (1 - std::pow(c.beta1, t)));
#if defined(__wasm_simd128__)
  if constexpr (std::is_same_v<T, float>) {
    adam_update_simd128(static_cast<T>(c.beta1), static_cast<T>(1 - c.beta1),
                        static_cast<T>(c.beta2), static_cast<T>(1 - c.beta2), lr_t,
                        static_cast<T>(c.epsilon), w, s.m.data(), s.v.data(), g, n);
    return;
  }
#endif
  const auto size = static_cast<Eigen::Index>(n);
  Eigen::Map<Array> W(w, size), M(s.m.data(), size), V(s.v.data(), size);  // (n)
  const Eigen::Map<const Array> G(g, size);                                // (n)
  // Eigen's array sqrt vectorizes (a scalar std::sqrt loop does not: errno).
  M = static_cast<T>(c.beta1) * M + static_cast<T>(1 - c.beta1) * G;
  V = static_cast<T>(c.beta2) * V + static_cast<T>(1 - c.beta2) * G.square();
  W -= lr_t * M / (V.sqrt() + static_cast<T>(c.epsilon));
}

// Keras SGD: velocity = momentum * velocity - lr * g; w += velocity
// (momentum 0: w -= lr * g).
struct SgdConfig {
  double learning_rate = 0.01;
  double momentum = 0;
};

template <class T>
struct SgdState {
  std::vector<T> velocity;  // same layout as the parameter buffer
  explicit SgdState(std::size_t n = 0) : velocity(n, T(0)) {}
};

template <class T>
void sgd_step(const SgdConfig& c, SgdState<T>& s, T* w, const T* g, std::size_t n) {
  const T lr = static_cast<T>(c.learning_rate), mu = static_cast<T>(c.momentum);
  T* vel = s.velocity.data();
  for (std::size_t i = 0; i < n; ++i) {
    vel[i] = mu * vel[i] - lr * g[i];
    w[i] += vel[i];
  }
}

using OptimizerConfig = std::variant<AdamConfig, SgdConfig>;

// Throws reglab::InputError: lr <= 0, > 10 or not finite; betas/momentum not
// in [0, 1); epsilon <= 0.
void validate(const OptimizerConfig& config);

// A config and its state, for a parameter buffer of n values.
template <class T>
class Optimizer {
 public:
  Optimizer(const OptimizerConfig& config, std::size_t n) : config_(config) {
    if (std::holds_alternative<AdamConfig>(config_))
      state_ = AdamState<T>(n);
    else
      state_ = SgdState<T>(n);
  }
  void step(std::vector<T>& values, const std::vector<T>& grads) {
    if (auto* adam = std::get_if<AdamState<T>>(&state_))
      adam_step(std::get<AdamConfig>(config_), *adam, values.data(), grads.data(), values.size());
    else
      sgd_step(std::get<SgdConfig>(config_), std::get<SgdState<T>>(state_), values.data(),
               grads.data(), values.size());
  }
  const OptimizerConfig& config() const { return config_; }

 private:
  OptimizerConfig config_;
  std::variant<AdamState<T>, SgdState<T>> state_;
};

}  // namespace reglab::nn

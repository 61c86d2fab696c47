#pragma once
// Conventions of the nn core, stated once for every file in core/nn:
//
//  * Batch-major, row-major. A batch X is (batch, features): one sample per
//    row, rows contiguous. A Dense kernel W is (in, out), so the forward
//    product is Y = X W (+ b); the backward products are dW = X^T dY and
//    dX = dY W^T (see gemm.hpp).
//  * Buffers are sized once, for the largest batch (`reserve`). A batch of n
//    rows uses the first n rows, which are contiguous in row-major storage,
//    so the last, partial batch of an epoch needs no other buffer.
//  * Every layer is templated on its scalar T: float for training, double for
//    the numerical gradient checks in tests/nn.
#include <Eigen/Core>

namespace reglab::nn {

template <class T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using RowVector = Eigen::Matrix<T, 1, Eigen::Dynamic>;  // one value per feature

template <class T>
using View = Eigen::Map<Matrix<T>>;
template <class T>
using ConstView = Eigen::Map<const Matrix<T>>;
template <class T>
using VectorView = Eigen::Map<RowVector<T>>;
template <class T>
using ConstVectorView = Eigen::Map<const RowVector<T>>;

// The first n rows of a buffer, as a read-only / writable view.
template <class T>
ConstView<T> top_rows(const Matrix<T>& m, Eigen::Index n) {
  return ConstView<T>(m.data(), n, m.cols());
}
template <class T>
View<T> top_rows_mut(Matrix<T>& m, Eigen::Index n) {
  return View<T>(m.data(), n, m.cols());
}
template <class T>
ConstView<T> as_const(const View<T>& v) {
  return ConstView<T>(v.data(), v.rows(), v.cols());
}

}  // namespace reglab::nn

#pragma once
// Conversions of the core's requests and results to and from JS objects.
// Key names follow the CLI's JSON (snake_case), so a result printed by
// `reglab regress --json` and one returned by the wasm module compare 1:1.
#include <emscripten/val.h>

#include "core/penalty_geometry.hpp"
#include "core/regression_experiment.hpp"
#include "wasm/operations.hpp"

namespace reglab::wasm {

using emscripten::val;

// {csv, target, features?, where?, model?, alpha?, l1_ratio?, scaling?,
//  test_size?, seed?, max_iter?, tol?}
RegressionRequest to_regression_request(const val& request);
// {center: [w1, w2], H: [[a, b], [b, c]]}
QuadraticBowl to_bowl(const val& request);

// {features, coef, intercept, n_iter, converged, dual_gap, n_rows, train,
//  test, train_indices, test_indices, predictions: {train, test}}; n_iter and
//  dual_gap are null for closed-form fits, test is null without test rows
// plus data: {X, y} (the filtered rows, unscaled) when with_data.
val to_js(const RegressionResult& result, const Predictions& predictions, bool with_data);
// {alphas, coefs (one row per alpha), intercepts, n_iter}
val to_js(const RegularizationPath& path);
// {alphas, mean_mse, std_mse, best_index, best_alpha}
val to_js(const CrossValidation& cv);
// {one, inf, fro, spectral, nuclear}
val to_js(const MatrixNorms& norms);
// {w: [w1, w2], loss, on_boundary}
val to_js(const ConstrainedOptimum& optimum);
// {diamond, circle, l1, l2, l1_contour, l2_contour, contours}
val to_js(const PenaltyPicture& picture);

}  // namespace reglab::wasm

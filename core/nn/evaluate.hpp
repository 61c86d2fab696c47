#pragma once
// Inference-mode evaluation of a model on rows of a Dataset: loss (data loss
// + kernel penalty, as Keras' evaluate), accuracy, per-class accuracy, the
// confusion matrix; predicted probabilities for chosen images; the first
// layer's weights as images.
#include <cstdint>
#include <vector>

#include "core/nn/batch.hpp"
#include "core/nn/idx.hpp"
#include "core/nn/model.hpp"
#include "core/nn/softmax_xent.hpp"

namespace reglab::nn {

struct Evaluation {
  int count = 0;
  int classes = 0;
  double loss = 0;      // mean cross-entropy + kernel penalty
  double accuracy = 0;  // fraction of argmax == label
  std::vector<int> confusion;  // (classes, classes) row-major: [true][predicted]
  std::vector<int> class_count;  // (classes) images per true class

  int confusion_at(int true_class, int predicted) const {
    return confusion[static_cast<std::size_t>(true_class) * classes + predicted];
  }
  // Accuracy within each true class; 0 for a class with no images.
  std::vector<double> per_class_accuracy() const;
};

// Buffers for evaluation in chunks (so evaluating allocates nothing per chunk).
struct EvalWorkspace {
  Batch batch;
  SoftmaxCrossEntropy<float> head;
  EvalWorkspace(int chunk, int features, int classes) : batch(chunk, features), head(classes) {
    head.reserve(chunk);
  }
  int chunk() const { return static_cast<int>(batch.x.rows()); }
};

// The model must have been reserve()d for at least ws.chunk() rows.
Evaluation evaluate(Model<float>& model, const Dataset& data, const std::vector<int>& rows,
                    const PixelTable& table, EvalWorkspace& ws);

// Conveniences that allocate their own workspace; they check that the data
// fit the model (InputError) and reserve the model for their chunk size.
Evaluation evaluate(Model<float>& model, const Dataset& data, const std::vector<int>& rows,
                    double input_divisor);
Evaluation evaluate(Model<float>& model, const Dataset& data, double input_divisor);  // all rows

// Softmax probabilities for the given rows, (rows.size(), classes).
Matrix<float> predict_proba(Model<float>& model, const Dataset& data, const std::vector<int>& rows,
                            double input_divisor);

// The first Dense layer's kernel, one image per hidden unit: (hidden[0],
// inputs); row j is column j of the (inputs, hidden[0]) kernel, i.e. a 28x28
// picture of what unit j responds to (raw weights, not normalized).
Matrix<float> first_layer_images(const Model<float>& model);

// 0, 1, ..., data.count - 1
std::vector<int> all_rows(const Dataset& data);

// InputError when the data do not fit the model (features or classes).
void check_data_fits(const ModelSpec& spec, const Dataset& data, const char* what);

}  // namespace reglab::nn

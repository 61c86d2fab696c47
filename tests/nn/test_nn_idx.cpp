// The IDX reader: the real Fashion-MNIST files, and every way a file can be bad.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/nn/batch.hpp"
#include "core/nn/idx.hpp"
#include "nn_test_support.hpp"

using namespace reglab::nn;
using reglab::InputError;

namespace {

std::vector<std::uint8_t> header(std::uint32_t magic, std::vector<std::uint32_t> dims) {
  std::vector<std::uint8_t> b;
  auto be32 = [&](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<std::uint8_t>(v >> s));
  };
  be32(magic);
  for (auto d : dims) be32(d);
  return b;
}

std::vector<std::uint8_t> images_file(int count, int rows, int cols) {
  auto b = header(0x803, {std::uint32_t(count), std::uint32_t(rows), std::uint32_t(cols)});
  for (int i = 0; i < count * rows * cols; ++i) b.push_back(static_cast<std::uint8_t>(i));
  return b;
}

std::vector<std::uint8_t> labels_file(std::vector<std::uint8_t> labels) {
  auto b = header(0x801, {std::uint32_t(labels.size())});
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

}  // namespace

TEST_CASE("nn: IDX reader on the real Fashion-MNIST files", "[nn][idx]") {
  const Dataset train = test::load_fashion("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
  CHECK(train.count == 60000);
  CHECK(train.rows == 28);
  CHECK(train.cols == 28);
  CHECK(train.features == 784);
  CHECK(train.pixels.size() == 60000u * 784);
  // Zalando's README / keras.datasets.fashion_mnist: the first training labels
  const std::vector<std::uint8_t> first(train.labels.begin(), train.labels.begin() + 10);
  CHECK(first == std::vector<std::uint8_t>{9, 0, 0, 3, 0, 2, 7, 2, 5, 5});
  // each class has exactly 6,000 training images
  std::vector<int> per_class(10, 0);
  for (auto l : train.labels) ++per_class[l];
  CHECK(per_class == std::vector<int>(10, 6000));

  const Dataset test = test::load_fashion("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
  CHECK(test.count == 10000);
  CHECK(test.labels.size() == 10000u);
  CHECK(test.labels[0] == 9);  // the first test image is an ankle boot
}

TEST_CASE("nn: IDX reader parses small files", "[nn][idx]") {
  const auto img = images_file(3, 2, 2);
  const ImageSet set = parse_idx_images(img.data(), img.size());
  CHECK(set.count == 3);
  CHECK(set.rows == 2);
  CHECK(set.pixels.size() == 12u);
  CHECK(set.pixels[5] == 5);
  const auto lab = labels_file({1, 0, 2});
  const auto labels = parse_idx_labels(lab.data(), lab.size(), 3);
  const Dataset d = make_dataset(set, labels, 3);
  CHECK(d.features == 4);
  CHECK(d.classes == 3);
}

TEST_CASE("nn: IDX images taken over in place equal the copied ones", "[nn][idx]") {
  const auto img = images_file(3, 2, 2);
  const ImageSet copied = parse_idx_images(img.data(), img.size());
  auto buffer = img;
  const ImageSet moved = parse_idx_images(std::move(buffer));
  CHECK(moved.count == 3);
  CHECK(moved.rows == 2);
  CHECK(moved.cols == 2);
  CHECK(moved.pixels == copied.pixels);
  // A bad file: the same message, and the caller's buffer untouched.
  auto truncated = img;
  truncated.pop_back();
  const auto before = truncated;
  CHECK_THROWS_WITH(parse_idx_images(std::move(truncated)), Catch::Contains("truncated"));
  CHECK(truncated == before);
}

TEST_CASE("nn: IDX reader refuses bad files with a clear InputError", "[nn][idx][validation]") {
  auto img = images_file(3, 2, 2);
  auto lab = labels_file({1, 0, 2});

  SECTION("wrong magic") {
    auto labels_as_images = lab;
    CHECK_THROWS_WITH(parse_idx_images(labels_as_images.data(), labels_as_images.size()),
                      Catch::Contains("wrong magic number 0x00000801"));
    auto gz = img;
    gz[0] = 0x1f, gz[1] = 0x8b;
    CHECK_THROWS_WITH(parse_idx_images(gz.data(), gz.size()), Catch::Contains("not an IDX file"));
    auto floats = header(0x0d03, {1, 1, 1});
    CHECK_THROWS_WITH(parse_idx_images(floats.data(), floats.size()),
                      Catch::Contains("not unsigned byte"));
  }
  SECTION("truncated data and header") {
    img.pop_back();
    CHECK_THROWS_WITH(parse_idx_images(img.data(), img.size()),
                      Catch::Contains("truncated") && Catch::Contains("12 bytes"));
    CHECK_THROWS_WITH(parse_idx_images(img.data(), 10), Catch::Contains("truncated header"));
    CHECK_THROWS_WITH(parse_idx_images(img.data(), 2), Catch::Contains("not an IDX file"));
    lab.pop_back();
    CHECK_THROWS_AS(parse_idx_labels(lab.data(), lab.size(), 3), InputError);
  }
  SECTION("trailing bytes") {
    img.push_back(0);
    CHECK_THROWS_WITH(parse_idx_images(img.data(), img.size()), Catch::Contains("unexpected bytes"));
  }
  SECTION("label out of range") {
    const auto bad = labels_file({1, 10, 2});
    CHECK_THROWS_WITH(parse_idx_labels(bad.data(), bad.size(), 10),
                      Catch::Contains("label 10 at index 1") && Catch::Contains("0..9"));
    CHECK_THROWS_WITH(parse_idx_labels(lab.data(), lab.size(), 2), Catch::Contains("label 2"));
  }
  SECTION("absurd sizes are refused before allocating") {
    // 60000 x 28 x 28 claimed by a 20-byte file; then ~2^32 x 28 x 28
    auto claim = header(0x803, {60000, 28, 28});
    CHECK_THROWS_WITH(parse_idx_images(claim.data(), claim.size()),
                      Catch::Contains("truncated") && Catch::Contains("47040000"));
    auto huge = header(0x803, {0xffffffffu, 28, 28});
    CHECK_THROWS_WITH(parse_idx_images(huge.data(), huge.size()), Catch::Contains("2 GiB"));
    auto huge_labels = header(0x801, {0xfffffff0u});
    CHECK_THROWS_WITH(parse_idx_labels(huge_labels.data(), huge_labels.size()),
                      Catch::Contains("2 GiB"));
    auto zero = header(0x803, {0, 28, 28});
    CHECK_THROWS_WITH(parse_idx_images(zero.data(), zero.size()), Catch::Contains("is 0"));
  }
  SECTION("image / label count mismatch") {
    const auto set = parse_idx_images(img.data(), img.size());
    CHECK_THROWS_WITH(make_dataset(set, {1, 0}, 10), Catch::Contains("3 images but 2 labels"));
  }
}

TEST_CASE("nn: batch gather scales uint8 pixels in one pass", "[nn][idx]") {
  auto img = images_file(3, 2, 2);  // pixels 0..11
  auto lab = labels_file({1, 0, 2});
  const Dataset d = make_dataset(parse_idx_images(img.data(), img.size()),
                                 parse_idx_labels(lab.data(), lab.size(), 3), 3);
  Batch batch(4, 4);
  const int rows[2] = {2, 0};
  const PixelTable once = make_pixel_table(255), twice = make_pixel_table(65025);
  gather_batch(d, rows, 2, once, batch);
  CHECK(batch.n == 2);
  CHECK(batch.inputs().rows() == 2);
  CHECK(batch.x(0, 0) == static_cast<float>(8 / 255.0));  // row 2 starts at pixel 8
  CHECK(batch.x(1, 3) == static_cast<float>(3 / 255.0));
  CHECK(batch.labels[0] == 2);
  CHECK(batch.labels[1] == 1);
  CHECK(twice[255] == static_cast<float>(1 / 255.0));  // the post's double division
  CHECK(once[255] == 1.0f);
  CHECK_THROWS_AS(make_pixel_table(0), InputError);
  CHECK_THROWS_AS(make_pixel_table(-255), InputError);
}

TEST_CASE("nn: batch gather gives every pixel value exactly as numpy's float64 division",
          "[nn][idx]") {
  // One image holding every byte 0..255 (16 x 16), gathered with each divisor:
  // 255 and 65025 take the vectorized division, 254.9 (no exact float) and
  // 1e-3 the table; all must equal float32(v / divisor) computed in double.
  std::vector<std::uint8_t> img = {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 16, 0, 0, 0, 16};
  for (int v = 0; v < 256; ++v) img.push_back(static_cast<std::uint8_t>(v));
  const auto lab = labels_file({0});
  const Dataset d = make_dataset(parse_idx_images(img.data(), img.size()),
                                 parse_idx_labels(lab.data(), lab.size(), 10), 10);
  for (const double divisor : {255.0, 65025.0, 254.9, 1e-3, 1.0}) {
    const PixelTable table = make_pixel_table(divisor);
    CHECK((table.divisor != 0.0f) == (divisor != 254.9 && divisor != 1e-3));
    Batch batch(1, 256);
    const int row = 0;
    gather_batch(d, &row, 1, table, batch);
    int wrong = 0;
    for (int v = 0; v < 256; ++v) wrong += batch.x(0, v) != static_cast<float>(v / divisor);
    INFO("divisor " << divisor);
    CHECK(wrong == 0);
  }
}

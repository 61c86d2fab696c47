#include "core/nn/serialize.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "core/errors.hpp"
#include "core/nn/format.hpp"

namespace reglab::nn {

namespace {

constexpr char kMagic[8] = {'R', 'E', 'G', 'L', 'A', 'B', 'N', 'N'};

struct Writer {
  std::vector<std::uint8_t> out;
  void u8(std::uint8_t v) { out.push_back(v); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void f32(float v) {
    std::uint32_t bits;
    std::memcpy(&bits, &v, 4);
    u32(bits);
  }
  void f64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    u64(bits);
  }
};

struct Reader {
  const std::uint8_t* p;
  std::size_t size, pos = 0;
  void need(std::size_t n) {
    if (size - pos < n)
      throw InputError("model file: truncated (" + std::to_string(size) + " bytes)");
  }
  std::uint8_t u8() {
    need(1);
    return p[pos++];
  }
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t(p[pos + i]) << (8 * i);
    pos += 4;
    return v;
  }
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(p[pos + i]) << (8 * i);
    pos += 8;
    return v;
  }
  float f32() {
    const std::uint32_t bits = u32();
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }
  double f64() {
    const std::uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
};

std::string describe(const ModelSpec& s) {
  std::string d = std::to_string(s.inputs);
  for (int h : s.hidden) d += "-" + std::to_string(h);
  d += "-" + std::to_string(s.classes);
  if (s.batchnorm) d += " with batchnorm";
  return d;
}

}  // namespace

std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size) {
  std::uint32_t crc = 0xffffffffu;
  for (std::size_t i = 0; i < size; ++i) {
    crc ^= bytes[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xffffffffu;
}

std::vector<std::uint8_t> save_model(const Model<float>& model, double input_divisor) {
  const ModelSpec& s = model.spec();
  Writer w;
  for (char c : kMagic) w.u8(static_cast<std::uint8_t>(c));
  w.u32(kModelFormatVersion);
  w.u32(static_cast<std::uint32_t>(s.inputs));
  w.u32(static_cast<std::uint32_t>(s.classes));
  w.u32(static_cast<std::uint32_t>(s.hidden.size()));
  for (int h : s.hidden) w.u32(static_cast<std::uint32_t>(h));
  w.f64(s.dropout);
  w.f64(s.l1);
  w.f64(s.l2);
  w.u8(s.batchnorm ? 1 : 0);
  w.f64(input_divisor);
  w.u64(model.values().size());
  for (float v : model.values()) w.f32(v);
  w.u64(model.state().size());
  for (float v : model.state()) w.f32(v);
  w.u32(crc32(w.out.data(), w.out.size()));
  return std::move(w.out);
}

SavedModel parse_model(const std::uint8_t* bytes, std::size_t size) {
  if (size < 12 || std::memcmp(bytes, kMagic, 8) != 0)
    throw InputError("model file: not a reglab model (wrong magic)");
  Reader r{bytes, size, 8};
  const std::uint32_t version = r.u32();
  if (version != kModelFormatVersion)
    throw InputError("model file: format version " + std::to_string(version) +
                     " is not supported (this build reads version " +
                     std::to_string(kModelFormatVersion) + ")");
  // The checksum covers everything, so damage anywhere is caught before any
  // field is trusted; a short file fails here too.
  if (size < 16) throw InputError("model file: truncated (" + std::to_string(size) + " bytes)");
  Reader tail{bytes, size, size - 4};
  if (crc32(bytes, size - 4) != tail.u32())
    throw InputError("model file: damaged or truncated (checksum mismatch)");

  SavedModel m;
  r.size = size - 4;  // the payload ends at the checksum
  m.spec.inputs = static_cast<int>(std::min<std::uint32_t>(r.u32(), 1u << 30));
  m.spec.classes = static_cast<int>(std::min<std::uint32_t>(r.u32(), 1u << 30));
  const std::uint32_t hidden = r.u32();
  if (hidden > static_cast<std::uint32_t>(kMaxHiddenLayers))
    throw InputError("model file: " + std::to_string(hidden) + " hidden layers (at most " +
                     std::to_string(kMaxHiddenLayers) + ")");
  m.spec.hidden.clear();
  for (std::uint32_t i = 0; i < hidden; ++i)
    m.spec.hidden.push_back(static_cast<int>(std::min<std::uint32_t>(r.u32(), 1u << 30)));
  m.spec.dropout = r.f64();
  m.spec.l1 = r.f64();
  m.spec.l2 = r.f64();
  m.spec.batchnorm = r.u8() != 0;
  m.input_divisor = r.f64();
  validate(m.spec);  // InputError names the bad field
  if (!std::isfinite(m.input_divisor) || m.input_divisor <= 0)
    throw InputError("model file: input divisor must be a finite number > 0, got " +
                     format_number(m.input_divisor));

  const std::uint64_t expected_values = static_cast<std::uint64_t>(trainable_parameter_count(m.spec));
  const std::uint64_t expected_state = static_cast<std::uint64_t>(moving_stat_count(m.spec));
  const std::uint64_t n_values = r.u64();
  if (n_values != expected_values)
    throw InputError("model file: architecture mismatch: " + std::to_string(n_values) +
                     " parameters stored, but a " + describe(m.spec) + " model has " +
                     std::to_string(expected_values));
  r.need(n_values * 4);
  m.values.resize(n_values);
  for (auto& v : m.values) v = r.f32();
  const std::uint64_t n_state = r.u64();
  if (n_state != expected_state)
    throw InputError("model file: architecture mismatch: " + std::to_string(n_state) +
                     " moving statistics stored, but a " + describe(m.spec) + " model has " +
                     std::to_string(expected_state));
  r.need(n_state * 4);
  m.state.resize(n_state);
  for (auto& v : m.state) v = r.f32();
  if (r.pos != r.size)
    throw InputError("model file: " + std::to_string(r.size - r.pos) + " unexpected bytes");
  return m;
}

Model<float> build_model(const SavedModel& saved) {
  Model<float> model(saved.spec);
  load_weights(model, saved);
  return model;
}

void load_weights(Model<float>& model, const SavedModel& saved) {
  const ModelSpec& a = model.spec();
  const ModelSpec& b = saved.spec;
  if (a.inputs != b.inputs || a.hidden != b.hidden || a.classes != b.classes ||
      a.batchnorm != b.batchnorm || model.values().size() != saved.values.size() ||
      model.state().size() != saved.state.size())
    throw InputError("model file: architecture mismatch: the file holds a " + describe(b) +
                     " model, expected " + describe(a));
  std::copy(saved.values.begin(), saved.values.end(), model.values().begin());
  std::copy(saved.state.begin(), saved.state.end(), model.state().begin());
}

}  // namespace reglab::nn

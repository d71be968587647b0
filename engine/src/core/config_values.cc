// CONFIG value parsing and printing (see config_values.h). Each rule here was checked against
// redis-server 7.0.15's CONFIG SET / CONFIG GET.
#include "core/config_values.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "commands/errors.h"
#include "core/ascii.h"
#include "core/numbers.h"

namespace kevy::config {
namespace {

std::string enum_error(const ParamSpec& spec) {
  std::string names;
  for (const EnumName& n : spec.names) {
    if (!names.empty()) names += ", ";
    names += n.name;
  }
  return err::config_enum(names);
}

// The first name with this value (oom-score-adj "relative" prints as "yes").
std::string_view enum_name(const ParamSpec& spec, int value) {
  for (const EnumName& n : spec.names) {
    if (n.value == value) return n.name;
  }
  return {};
}

std::optional<int> enum_value(const ParamSpec& spec, std::string_view text) {
  for (const EnumName& n : spec.names) {
    if (eq_ci(n.name, text)) return n.value;
  }
  return std::nullopt;
}

// ---- notify-keyspace-events
// Flag letters in the order CONFIG GET prints them. 'A' stands for "g$lshzxetd" (not n, K, E,
// m). The canonical text spells out every letter set ('A' expanded, 'n' kept): the parameter
// is bound to Options::notify_keyspace_events, and CONFIG GET prints the bits the way Redis
// does (notify_letters_from_flags: "A" for all those classes, and then no 'n').
constexpr std::string_view kClassLetters = "g$lshzxetdn";
constexpr std::string_view kAllClasses = "g$lshzxetd";
constexpr std::string_view kKeyLetters = "KEm";

uint32_t event_bit(char c) {
  size_t i = kClassLetters.find(c);
  if (i != std::string_view::npos) return 1u << i;
  i = kKeyLetters.find(c);
  if (i != std::string_view::npos) return 1u << (16 + i);
  return 0;
}

std::string parse_keyspace_events(std::string_view text, std::string* canonical) {
  uint32_t flags = 0;
  for (char c : text) {
    if (c == 'A') {
      for (char a : kAllClasses) flags |= event_bit(a);
    } else if (uint32_t bit = event_bit(c)) {
      flags |= bit;
    } else {
      return std::string(err::kConfigKeyspaceEvents);
    }
  }
  std::string out;
  for (char c : kClassLetters) {
    if (flags & event_bit(c)) out += c;
  }
  for (char c : kKeyLetters) {
    if (flags & event_bit(c)) out += c;
  }
  *canonical = std::move(out);
  return {};
}

// ---- proc-title-template
// Redis's sdstemplate: "{name}" is a variable, "{{" a literal '{', an unterminated variable or
// an unknown name is an error; '}' elsewhere is literal. The expansion (with an empty title, as
// Redis validates it) must not be blank. Variables whose value is never empty expand to "x".
bool valid_proc_title(std::string_view t, std::string_view unixsocket) {
  std::string out;
  size_t p = 0;
  while (p < t.size()) {
    const size_t open = t.find('{', p);
    if (open == std::string_view::npos) {
      out.append(t.substr(p));
      break;
    }
    out.append(t.substr(p, open - p));
    const size_t name_at = open + 1;
    if (name_at == t.size()) return false;
    if (t[name_at] == '{') {
      out += '{';
      p = name_at + 1;
      continue;
    }
    const size_t close = t.find('}', name_at);
    if (close == std::string_view::npos) return false;
    const std::string_view var = t.substr(name_at, close - name_at);
    if (var == "title" || var == "server-mode") {
      // empty: no title while validating; "" for a standalone server
    } else if (var == "listen-addr" || var == "port" || var == "tls-port" ||
               var == "config-file") {
      out += 'x';
    } else if (var == "unixsocket") {
      out.append(unixsocket);
    } else {
      return false;
    }
    p = close + 1;
  }
  return out.find_first_not_of(' ') != std::string::npos;
}

std::string parse_flags(const ParamSpec& spec, std::string_view text, std::string* canonical) {
  const std::vector<std::string_view> parts = split_spaces(text);
  if (parts.empty()) return enum_error(spec);
  int flags = 0;
  for (std::string_view part : parts) {
    auto v = enum_value(spec, part);
    if (!v) return enum_error(spec);
    flags |= *v;
  }
  if (spec.check == Check::kShutdownFlags) {
    auto save = enum_value(spec, "save");
    auto nosave = enum_value(spec, "nosave");
    if (save && nosave && (flags & *save) && (flags & *nosave)) {
      return std::string(err::kConfigShutdownSaveNosave);
    }
  }
  std::string out;
  if (flags == 0) {
    out = enum_name(spec, 0);
  } else {
    for (const EnumName& n : spec.names) {
      if (n.value != 0 && (flags & n.value) == n.value) {
        if (!out.empty()) out += ' ';
        out += n.name;
      }
    }
  }
  *canonical = std::move(out);
  return {};
}

std::string parse_save(std::string_view text, std::string* canonical) {
  const std::vector<std::string_view> parts = split_spaces(text);
  if (parts.size() % 2 != 0) return std::string(err::kConfigSaveParams);
  std::string out;
  for (size_t i = 0; i < parts.size(); i += 2) {
    auto seconds = parse_strtoll(parts[i]);
    auto changes = parse_strtoll(parts[i + 1]);
    if (!seconds || *seconds < 1 || !changes || *changes < 0) {
      return std::string(err::kConfigSaveParams);
    }
    if (!out.empty()) out += ' ';
    // Redis keeps the change count in an int.
    out += std::to_string(*seconds) + " " + std::to_string(static_cast<int32_t>(*changes));
  }
  *canonical = std::move(out);
  return {};
}

constexpr std::string_view kBufferClasses[] = {"normal", "slave", "pubsub"};

std::optional<size_t> buffer_class(std::string_view name) {
  if (eq_ci(name, "normal")) return 0;
  if (eq_ci(name, "slave") || eq_ci(name, "replica")) return 1;
  if (eq_ci(name, "pubsub")) return 2;
  return std::nullopt;
}

std::string parse_output_buffer_limit(std::string_view text, std::string_view current,
                                      std::string* canonical) {
  const std::vector<std::string_view> parts = split_spaces(text);
  if (parts.size() % 4 != 0) return std::string(err::kConfigObufArgCount);
  std::vector<BufferLimit> limits = parse_buffer_limits(current);
  // Every class is checked before any is changed.
  for (size_t i = 0; i < parts.size(); i += 4) {
    auto cls = buffer_class(parts[i]);
    if (!cls) return std::string(err::kConfigObufClass);
    auto hard = parse_memory(parts[i + 1]);
    auto soft = parse_memory(parts[i + 2]);
    auto seconds = parse_strtoll(parts[i + 3]);
    // Redis keeps the seconds in an int, and checks the sign after the narrowing.
    if (!hard || !soft || !seconds || static_cast<int32_t>(*seconds) < 0) {
      return std::string(err::kConfigObufValues);
    }
    limits[*cls] = {*hard, *soft, static_cast<int32_t>(*seconds)};
  }
  std::string out;
  for (size_t c = 0; c < limits.size(); ++c) {
    if (c > 0) out += ' ';
    out += std::string(kBufferClasses[c]) + " " + std::to_string(limits[c].hard) + " " +
           std::to_string(limits[c].soft) + " " + std::to_string(limits[c].soft_seconds);
  }
  *canonical = std::move(out);
  return {};
}

std::string parse_oom_score_adj_values(std::string_view text, std::string* canonical) {
  const std::vector<std::string_view> parts = split_spaces(text);
  if (parts.size() != 3) return std::string(err::kConfigWrongArgCount);
  std::string out;
  for (std::string_view part : parts) {
    auto v = parse_strtoll(part);
    if (!v || *v < -2000 || *v > 2000) return std::string(err::kConfigOomScoreValues);
    if (!out.empty()) out += ' ';
    out += std::to_string(*v);
  }
  *canonical = std::move(out);
  return {};
}

std::string parse_percentile_list(std::string_view text, std::string* canonical) {
  std::string out;
  for (std::string_view part : split_spaces(text)) {
    auto v = parse_double(part);
    if (!v) return std::string(err::kConfigPercentilesInvalid);
    if (*v < 0.0 || *v > 100.0) return std::string(err::kConfigPercentilesRange);
    if (!out.empty()) out += ' ';
    out += format_percentile(*v);
  }
  *canonical = std::move(out);
  return {};
}

std::string parse_memory_or_percent(std::string_view text, std::string* canonical) {
  int64_t v = 0;
  if (!text.empty() && text.back() == '%') {
    auto percent = parse_int64(text.substr(0, text.size() - 1));
    if (!percent || *percent < 0) return std::string(err::kConfigNotMemoryOrPercent);
    v = -*percent;
  } else {
    auto bytes = parse_memory(text);
    if (!bytes) return std::string(err::kConfigNotMemoryOrPercent);
    // Stored signed, negative meaning a percentage: 2^64-1 bytes reads back as "1%".
    v = static_cast<int64_t>(*bytes);
  }
  if (v < -100) return std::string(err::kConfigPercentTooLarge);
  *canonical = v < 0 ? std::to_string(-v) + "%" : std::to_string(v);
  return {};
}

std::string parse_octal(std::string_view text, std::string* canonical) {
  if (text.empty() || text.size() > 11) return std::string(err::kConfigNotOctal);
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '7') return std::string(err::kConfigNotOctal);
    v = v * 8 + (c - '0');
  }
  if (v > 0777) return std::string(err::kConfigNotOctal);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%o", static_cast<unsigned>(v));
  *canonical = buf;
  return {};
}

std::string parse_dir(std::string_view text, std::string* canonical) {
  std::error_code ec;
  const std::filesystem::path path(text);
  if (text.empty() || !std::filesystem::is_directory(path, ec)) {
    return std::string(err::kConfigNoSuchDirectory);
  }
  std::filesystem::path abs = std::filesystem::canonical(path, ec);
  if (ec) return ec.message();
  *canonical = abs.string();
  return {};
}

std::string parse_replicaof(std::string_view text, std::string* canonical) {
  const std::vector<std::string_view> parts = split_spaces(text);
  if (parts.size() != 2) return std::string(err::kConfigWrongArgCount);
  if (eq_ci(parts[0], "no") && eq_ci(parts[1], "one")) {
    canonical->clear();
    return {};
  }
  // Redis reads the port with atoi.
  auto port = parse_strtoll(parts[1]);
  *canonical = std::string(parts[0]) + " " + std::to_string(port ? static_cast<int32_t>(*port) : 0);
  return {};
}

}  // namespace

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t sp = s.find(' ', start);
    if (sp == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, sp - start));
    start = sp + 1;
  }
}

std::optional<uint64_t> parse_memory(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits >= 128) return std::nullopt;
  const std::string_view unit = s.substr(digits);
  uint64_t mul = 0;
  if (unit.empty() || eq_ci(unit, "b")) {
    mul = 1;
  } else if (eq_ci(unit, "k")) {
    mul = 1000;
  } else if (eq_ci(unit, "kb")) {
    mul = 1024;
  } else if (eq_ci(unit, "m")) {
    mul = 1000 * 1000;
  } else if (eq_ci(unit, "mb")) {
    mul = 1024 * 1024;
  } else if (eq_ci(unit, "g")) {
    mul = 1000ull * 1000 * 1000;
  } else if (eq_ci(unit, "gb")) {
    mul = 1024ull * 1024 * 1024;
  } else {
    return std::nullopt;
  }
  uint64_t v = 0;
  for (size_t i = 0; i < digits; ++i) {
    const uint64_t d = static_cast<uint64_t>(s[i] - '0');
    if (v > (UINT64_MAX - d) / 10) {
      v = UINT64_MAX;  // strtoull saturates
      break;
    }
    v = v * 10 + d;
  }
  return v * mul;  // wraps on overflow, as Redis's multiplication does
}

std::optional<int64_t> parse_strtoll(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  const size_t first_digit = i;
  uint64_t mag = 0;
  bool overflow = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    const uint64_t d = static_cast<uint64_t>(s[i] - '0');
    if (mag > (UINT64_MAX - d) / 10) overflow = true;
    if (!overflow) mag = mag * 10 + d;
    ++i;
  }
  if (i == first_digit) {
    // No digits: strtoll consumed nothing, so only the empty text counts as fully read.
    if (s.empty()) return 0;
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  if (negative) {
    if (overflow || mag > uint64_t{1} << 63) return INT64_MIN;
    return static_cast<int64_t>(0 - mag);
  }
  if (overflow || mag > static_cast<uint64_t>(INT64_MAX)) return INT64_MAX;
  return static_cast<int64_t>(mag);
}

std::string format_memory_units(uint64_t bytes) {
  constexpr uint64_t kKb = 1024, kMb = kKb * 1024, kGb = kMb * 1024;
  if (bytes != 0 && bytes % kGb == 0) return std::to_string(bytes / kGb) + "gb";
  if (bytes != 0 && bytes % kMb == 0) return std::to_string(bytes / kMb) + "mb";
  if (bytes != 0 && bytes % kKb == 0) return std::to_string(bytes / kKb) + "kb";
  return std::to_string(bytes);
}

std::string format_percentile(double v) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%f", v);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string quote_repr(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      default:
        if (std::isprint(c)) {
          out += static_cast<char>(c);
        } else {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        }
    }
  }
  out += '"';
  return out;
}

std::vector<BufferLimit> parse_buffer_limits(std::string_view canonical) {
  std::vector<BufferLimit> limits(3);
  const std::vector<std::string_view> parts = split_spaces(canonical);
  for (size_t i = 0; i + 3 < parts.size(); i += 4) {
    auto cls = buffer_class(parts[i]);
    if (!cls) continue;
    limits[*cls] = {parse_memory(parts[i + 1]).value_or(0), parse_memory(parts[i + 2]).value_or(0),
                    parse_strtoll(parts[i + 3]).value_or(0)};
  }
  return limits;
}

std::vector<double> parse_percentiles(std::string_view canonical) {
  std::vector<double> out;
  for (std::string_view part : split_spaces(canonical)) {
    if (auto v = parse_double(part)) out.push_back(*v);
  }
  return out;
}

std::string parse_value(const ParamSpec& spec, const ParseInput& in, std::string* canonical) {
  const std::string_view text = in.text;
  switch (spec.kind) {
    case Kind::kBool: {
      if (!eq_ci(text, "yes") && !eq_ci(text, "no")) return std::string(err::kConfigNotBool);
      const bool yes = eq_ci(text, "yes");
      if (yes && spec.check == Check::kActiveDefrag) return std::string(err::kConfigActiveDefrag);
      *canonical = yes ? "yes" : "no";
      return {};
    }
    case Kind::kInt: {
      auto v = parse_int64(text);
      if (!v) return std::string(err::kConfigNotInteger);
      if (*v < spec.min || *v > spec.max) return err::config_range(spec.min, spec.max);
      int64_t value = *v;
      if (spec.check == Check::kClampHz) value = value < 1 ? 1 : (value > 500 ? 500 : value);
      *canonical = std::to_string(value);
      return {};
    }
    case Kind::kMemory: {
      auto v = parse_memory(text);
      if (!v) return std::string(err::kConfigNotMemory);
      if (spec.has(kUnsigned)) {
        *canonical = std::to_string(*v);
        return {};
      }
      // Signed parameters see values beyond INT64_MAX as negative, hence out of range.
      const auto value = static_cast<int64_t>(*v);
      if (value < spec.min || value > spec.max) return err::config_range(spec.min, spec.max);
      *canonical = std::to_string(value);
      return {};
    }
    case Kind::kMemoryOrPercent:
      return parse_memory_or_percent(text, canonical);
    case Kind::kEnum: {
      auto v = enum_value(spec, text);
      if (!v) return enum_error(spec);
      *canonical = enum_name(spec, *v);
      return {};
    }
    case Kind::kFlags:
      return parse_flags(spec, text, canonical);
    case Kind::kString:
      if (spec.check == Check::kProcTitle && !valid_proc_title(text, in.unixsocket)) {
        return std::string(err::kConfigProcTitleTemplate);
      }
      *canonical = text;
      return {};
    case Kind::kSave:
      return parse_save(text, canonical);
    case Kind::kBind:
      if (split_spaces(text).size() > 16) return std::string(err::kConfigBindTooMany);
      *canonical = text;
      return {};
    case Kind::kOutputBufferLimit:
      return parse_output_buffer_limit(text, in.current, canonical);
    case Kind::kKeyspaceEvents:
      return parse_keyspace_events(text, canonical);
    case Kind::kOomScoreAdjValues:
      return parse_oom_score_adj_values(text, canonical);
    case Kind::kPercentiles:
      return parse_percentile_list(text, canonical);
    case Kind::kDir:
      return parse_dir(text, canonical);
    case Kind::kReplicaOf:
      return parse_replicaof(text, canonical);
    case Kind::kOctal:
      return parse_octal(text, canonical);
  }
  return std::string(err::kConfigNotBool);  // unreachable: every kind is handled above
}

}  // namespace kevy::config

// Status and Result<T>: errors as values across the public API (no exceptions).
//
// When a Status comes from command semantics its message is the exact Redis error text
// (e.g. "WRONGTYPE Operation against a key holding the wrong kind of value"), so a typed call
// and the same command through execute() report the same words.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kevy {

class Status {
 public:
  enum class Code { kOk, kCommandError, kInvalidArgument, kIOError, kCorruption, kNotFound };

  Status() = default;
  static Status ok() { return Status(); }
  // A Redis command error; `text` is the reply text without the leading '-'.
  static Status command_error(std::string_view text) { return Status(Code::kCommandError, text); }
  static Status invalid_argument(std::string_view msg) { return Status(Code::kInvalidArgument, msg); }
  static Status io_error(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status not_found(std::string_view msg) { return Status(Code::kNotFound, msg); }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string to_string() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a T or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).is_ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kevy

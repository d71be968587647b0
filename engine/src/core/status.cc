#include "kevy/status.h"

namespace kevy {

std::string Status::to_string() const {
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kCommandError: return message_;
    case Code::kInvalidArgument: return "invalid argument: " + message_;
    case Code::kIOError: return "I/O error: " + message_;
    case Code::kCorruption: return "corruption: " + message_;
    case Code::kNotFound: return "not found: " + message_;
  }
  return message_;
}

}  // namespace kevy

// Status and Result<T>: how every fallible echoes call reports failure.
//
// Errors are values. No exception crosses include/echoes/; the CLI alone turns a
// Status into an exit code. Callers branch on code(), never on the message.

#ifndef ECHOES_STATUS_H_
#define ECHOES_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace echoes {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  ///< a bad option or flag value: the caller's mistake
  kNotFound,         ///< an input path does not exist
  kIoError,          ///< reading or writing a file failed (permissions, disk full)
  kCorruptInput,     ///< an input is malformed (broken JSON, truncated gzip); see the message
  kStrictStop,       ///< a record was rejected and DedupOptions::strict asked to stop
  kInternal,         ///< a bug in echoes: please report it
};

// Returns a short lower-case name for `code`, such as "io error".
std::string_view StatusCodeName(StatusCode code);

// The outcome of an operation: ok, or a code with a human-readable message.
class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status CorruptInput(std::string m) { return {StatusCode::kCorruptInput, std::move(m)}; }
  static Status StrictStop(std::string m) { return {StatusCode::kStrictStop, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ok", or "<code name>: <message>".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be ok

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace echoes

#endif  // ECHOES_STATUS_H_

// ParseDate: publication dates as found in corpora, to seconds since the Unix epoch.

#ifndef ECHOES_TEXT_DATE_PARSER_H_
#define ECHOES_TEXT_DATE_PARSER_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace echoes {

// Understands, with surrounding spaces ignored:
//   ISO 8601   2023-11-08, 2023-11-08T14:05, 2023-11-08 14:05:09.123+02:00, ...Z
//   slashes    2023/11/08 [time]
//   Reuters    26-FEB-1987 15:01:01.79
//   RFC 2822   Wed, 08 Nov 2023 14:05:09 +0000 (weekday and seconds optional)
// A time without zone is taken as UTC. Returns nullopt for anything else, and for
// impossible dates (2023-02-30).
std::optional<int64_t> ParseDate(std::string_view text);

}  // namespace echoes

#endif  // ECHOES_TEXT_DATE_PARSER_H_

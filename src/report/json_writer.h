// Appending JSON text: the few pieces echoes' output files are made of.

#ifndef ECHOES_REPORT_JSON_WRITER_H_
#define ECHOES_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace echoes {

// Appends `s` as a JSON string literal. Invalid UTF-8 becomes U+FFFD, so the output is
// always valid JSON whatever bytes an id or a file name held.
void AppendJsonString(std::string* out, std::string_view s);

// Appends a number with up to 4 decimals and no trailing zeros ("0.8125", "1").
void AppendJsonScore(std::string* out, double value);

}  // namespace echoes

#endif  // ECHOES_REPORT_JSON_WRITER_H_

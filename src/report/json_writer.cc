// JSON string escaping per RFC 8259: quote, backslash and control characters escaped,
// everything else (valid UTF-8) written as is.

#include "report/json_writer.h"

#include <cmath>
#include <cstdio>

#include "text/utf8.h"

namespace echoes {

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = ValidUtf8SequenceLength(s.substr(i));
      if (n == 0) {
        out->append("\xEF\xBF\xBD");
        ++i;
      } else {
        out->append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

void AppendJsonScore(std::string* out, double value) {
  if (!std::isfinite(value)) value = 0;
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.4f", value);
  while (n > 1 && buf[n - 1] == '0') --n;
  if (n > 1 && buf[n - 1] == '.') --n;
  out->append(buf, static_cast<size_t>(n));
}

}  // namespace echoes

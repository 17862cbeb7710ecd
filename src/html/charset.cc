// DetectCharset: BOM, UTF-8 validity, declarations, then uchardet.

#include "html/charset.h"

#include <uchardet/uchardet.h>

#include <algorithm>

#include "text/utf8.h"

namespace echoes {
namespace {

constexpr size_t kPrescanBytes = 4096;
constexpr size_t kGuessBytes = 64 << 10;  // uchardet reads this much of a page

std::string NameOf(myencoding_t encoding) {
  size_t length = 0;
  const char* name = myencoding_name_by_id(encoding, &length);
  return name == nullptr ? std::string("unknown") : std::string(name, length);
}

Charset Make(myencoding_t encoding, bool declared) {
  return Charset{encoding, NameOf(encoding), declared};
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c & 0x80) != 0; });
}

}  // namespace

Charset DetectCharset(std::string_view html, std::string_view declared) {
  myencoding_t encoding = MyENCODING_DEFAULT;
  if (myencoding_detect_bom(html.data(), html.size(), &encoding)) return Make(encoding, true);

  if (IsValidUtf8(html)) return Make(MyENCODING_UTF_8, true);  // pure ASCII is UTF-8 too

  // Not UTF-8: believe a declaration that names something else.
  if (!declared.empty() && myencoding_by_name(declared.data(), declared.size(), &encoding) &&
      encoding != MyENCODING_UTF_8) {
    return Make(encoding, true);
  }
  encoding = myencoding_prescan_stream_to_determine_encoding(html.data(),
                                                             std::min(html.size(), kPrescanBytes));
  if (encoding != MyENCODING_NOT_DETERMINED && encoding != MyENCODING_UTF_8 &&
      encoding != MyENCODING_DEFAULT) {
    return Make(encoding, true);
  }
  if (HasNonAscii(html)) {
    uchardet_t detector = uchardet_new();
    uchardet_handle_data(detector, html.data(), std::min(html.size(), kGuessBytes));
    uchardet_data_end(detector);
    const std::string guess = uchardet_get_charset(detector);
    uchardet_delete(detector);
    if (!guess.empty() && myencoding_by_name(guess.data(), guess.size(), &encoding) &&
        encoding != MyENCODING_UTF_8) {
      return Make(encoding, false);
    }
  }
  return Make(MyENCODING_WINDOWS_1252, false);
}

}  // namespace echoes

// DetectCharset: BOM, UTF-8 validity, declarations, then uchardet.

#include "html/charset.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>

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

std::string ToUtf8(std::string_view bytes, const Charset& charset) {
  // Byte-order marks say the encoding (DetectCharset read them) and are not text.
  size_t bom = 0;
  if (bytes.starts_with("\xEF\xBB\xBF")) bom = 3;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) bom = 2;
  if (charset.encoding == MyENCODING_UTF_8) return std::string(bytes.substr(bom == 3 ? 3 : 0));
  bytes.remove_prefix(bom);
  std::string name = charset.name;
  if (charset.encoding == MyENCODING_UTF_16LE) name = "UTF-16LE";
  if (charset.encoding == MyENCODING_UTF_16BE) name = "UTF-16BE";
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::string(bytes);
  const size_t unit = name.starts_with("UTF-16") ? 2 : 1;  // what to skip past a bad sequence
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t written = 0;
  while (in_left > 0) {
    if (out.size() - written < 16) out.resize(out.size() * 2);
    char* to = out.data() + written;
    size_t to_left = out.size() - written;
    const size_t result = iconv(cd, &in, &in_left, &to, &to_left);
    written = out.size() - to_left;
    if (result != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (invalid here) or EINVAL (cut short at the end): a replacement character.
    if (out.size() - written < 3) out.resize(out.size() * 2);
    out.replace(written, 3, "\xEF\xBF\xBD");
    written += 3;
    const size_t skip = std::min(in_left, unit);
    in += skip;
    in_left -= skip;
  }
  iconv_close(cd);
  out.resize(written);
  return out;
}

}  // namespace echoes

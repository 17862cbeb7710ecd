// DetectCharset: what a page's bytes are really encoded in.

#ifndef ECHOES_HTML_CHARSET_H_
#define ECHOES_HTML_CHARSET_H_

#include <myhtml/api.h>

#include <string>
#include <string_view>

namespace echoes {

struct Charset {
  myencoding_t encoding = MyENCODING_UTF_8;  // what MyHTML decodes with
  std::string name;                          // for the record: "utf-8", "windows-1251"…
  bool declared = false;  // a BOM, the transport or a <meta> said so and the bytes agree
};

// Decides in this order: a byte-order mark; bytes that are valid UTF-8 with non-ASCII
// characters are UTF-8 whatever a declaration says (legacy text is practically never
// valid UTF-8 by accident, while wrong declarations are common); otherwise
// `declared` (the transport's charset), then a <meta> charset in the first 4 KB, unless
// it claims UTF-8 for bytes that are not; otherwise uchardet's statistical guess;
// finally windows-1252, the web's default.
Charset DetectCharset(std::string_view html, std::string_view declared);

// `bytes` in `charset`, converted to UTF-8 by iconv (glibc), without a byte-order mark.
// Bytes that are not valid in the charset become U+FFFD. The HTML parser is only ever
// given UTF-8: MyHTML's own decoders crash on some malformed input (a UTF-16 byte-order
// mark followed by an odd number of bytes, found by bench/fuzz.sh).
std::string ToUtf8(std::string_view bytes, const Charset& charset);

}  // namespace echoes

#endif  // ECHOES_HTML_CHARSET_H_

// Name hints: what a class or id attribute says about an element. "post-content"
// names the article, "sidebar-widget" or "share-bar" page furniture.

#ifndef ECHOES_CLEAN_NAME_HINTS_H_
#define ECHOES_CLEAN_NAME_HINTS_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace echoes {

// > 0 main content, -2 strong furniture (share, comments, related, sidebar…: whatever
// else the name says), -1 weak furniture (nav, menu, meta…: unless a content word
// stands beside it), 0 neither. Words are split at non-alphanumerics and lower-cased
// ("post-content sidebarLeft" is "post", "content", "sidebarleft"); a furniture or
// content word counts whole, and some also inside longer words ("authorbox").
int NameHint(std::string_view value);

// NameHint of class and id values, remembered for one page: pages repeat a few class
// strings on thousands of elements.
class NameHints {
 public:
  int Of(std::string_view value) {
    if (value.empty()) return 0;
    auto [it, added] = cache_.try_emplace(value, 0);
    if (added) it->second = static_cast<int8_t>(NameHint(value));
    return it->second;
  }

 private:
  std::unordered_map<std::string_view, int8_t> cache_;  // views into the parsed tree
};

}  // namespace echoes

#endif  // ECHOES_CLEAN_NAME_HINTS_H_

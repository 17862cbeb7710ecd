#include "clean/name_hints.h"

#include <gtest/gtest.h>

#include <string>

namespace echoes {
namespace {

TEST(NameHintTest, ContentNamesPointToTheArticle) {
  EXPECT_EQ(NameHint("entry-content"), 1);
  EXPECT_EQ(NameHint("articleBodyWrapper"), 1);  // a content part inside a longer word
  EXPECT_EQ(NameHint("post"), 1);
}

TEST(NameHintTest, StrongFurnitureWinsOverContent) {
  EXPECT_EQ(NameHint("post-comments"), -2);
  EXPECT_EQ(NameHint("share"), -2);         // whole word
  EXPECT_EQ(NameHint("reshared"), -2);      // part of a longer word
  EXPECT_EQ(NameHint("sidebarLeft"), -2);   // case folded before matching
  EXPECT_EQ(NameHint("td-authorbox wrap"), -2);
  EXPECT_EQ(NameHint("article outbrain-widget"), -2);
}

TEST(NameHintTest, WeakFurnitureGivesWayToContentBesideIt) {
  EXPECT_EQ(NameHint("nav"), -1);
  EXPECT_EQ(NameHint("site-navigation"), -1);
  EXPECT_EQ(NameHint("navbar-top"), -1);
  EXPECT_EQ(NameHint("content-nav-section"), 0);
  EXPECT_EQ(NameHint("main-navigation"), 0);
}

TEST(NameHintTest, OtherWordsSayNothing) {
  EXPECT_EQ(NameHint(""), 0);
  EXPECT_EQ(NameHint("widget hidden"), 0);
  EXPECT_EQ(NameHint("navy canvas"), 0);  // "nav" is a whole word only
  EXPECT_EQ(NameHint("col-md-8 mt-4"), 0);
}

TEST(NameHintTest, OverlongWordsAreNoise) {
  // A 49-character token (a hash, encoded state) is ignored even if it holds a
  // listed part; the same part in a word of 48 counts.
  const std::string filler(41, 'x');
  EXPECT_EQ(NameHint(filler + "sidebar"), -2);        // 48 characters
  EXPECT_EQ(NameHint(filler + "xsidebar"), 0);        // 49
  EXPECT_EQ(NameHint(filler + "xsidebar footer"), -2);  // the next word still counts
}

}  // namespace
}  // namespace echoes

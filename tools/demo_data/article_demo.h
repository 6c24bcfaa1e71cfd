// tools/demo_data/article_demo.h — the demo info center of the Hui'an federation: articles in every channel
// (articles.txt, embedded at build time, and case studies 以案说法 made from a table), two banner images and the
// forms to download (demo_files.h makes genuine files of each kind). Deterministic.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace gongyou {
/// The bytes of tools/demo_data/articles.txt (embedded at build time).
std::string_view demo_articles_text();
}  // namespace gongyou

namespace gongyou::demo {

/// A demo article; its body may name demo images as {{image:N}} (1-based), replaced by their ids when seeded.
struct DemoArticle {
  ArticleChannel channel = ArticleChannel::news;
  std::string title;
  std::string body;
  int hours_ago = 0;  ///< published this long before loading
  bool pinned = false;
};

/// A demo image: a PNG banner.
struct DemoImage {
  std::string caption;
  std::string png;
};

/// A demo document: its title, download name and bytes.
struct DemoDocument {
  std::string title;
  std::string file_name;
  std::string bytes;
};

/// Every demo article, articles.txt's first, then the case studies.
std::vector<DemoArticle> demo_articles();
/// The demo images, numbered from 1 in {{image:N}}.
std::vector<DemoImage> demo_images();
/// The demo documents and forms.
std::vector<DemoDocument> demo_documents();

}  // namespace gongyou::demo

// server/articles/demo_articles.cpp — see demo_articles.h.
#include "server/articles/demo_articles.h"

#include "core/markup.h"
#include "tools/demo_data/article_demo.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {

DemoArticleCounts seed_demo_articles(Store& store, UtcSeconds now) {
  DemoArticleCounts counts;
  if (store.has_articles()) return counts;
  const auto unions = store.all_unions();
  if (unions.empty()) return counts;
  const UnionId federation = unions.front().id;  // Hui'an's federation is the first demo union
  const auto staff = store.find_credentials(demo::demo_staff().front().username);
  if (!staff) return counts;
  const UserId author = staff->user.id;

  std::vector<std::int64_t> image_ids;
  for (const demo::DemoImage& image : demo::demo_images()) {
    StoredFile file{0, federation, FilePurpose::image, FileKind::png, {}, {}, 0, image.png, author, now, 0};
    image_ids.push_back(store.add_file(file));
    ++counts.images;
  }
  const auto images = demo::demo_images();
  for (const demo::DemoDocument& d : demo::demo_documents()) {
    const auto kind = sniff_file_kind(d.bytes);
    if (!kind) continue;  // a generator gone wrong: the core test says which
    store.add_file({0, federation, FilePurpose::document, *kind, d.title, d.file_name, 0, d.bytes, author, now, 0});
    ++counts.documents;
  }

  for (const demo::DemoArticle& d : demo::demo_articles()) {
    ArticleWrite write{federation, d.channel, d.title, {}, d.body, d.pinned};
    for (std::size_t n = 0; n < image_ids.size(); ++n) {
      const std::string token = "{{image:" + std::to_string(n + 1) + "}}";
      const std::string markup =
          "![" + images[n].caption + "](" + std::string(kImagePathPrefix) + std::to_string(image_ids[n]) + ")";
      for (std::size_t at = write.body.find(token); at != std::string::npos; at = write.body.find(token))
        write.body.replace(at, token.size(), markup);
    }
    write.summary = markup_summary(parse_markup(write.body), kAutoSummaryBytes);
    const UtcSeconds published{now.value - d.hours_ago * 3600LL};
    const ArticleRecord created = store.create_article(write, author, published);
    store.set_article_status(created.id, ArticleStatus::published, published);
    ++counts.articles;
  }
  return counts;
}

}  // namespace gongyou::server

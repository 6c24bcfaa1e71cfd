// server/articles/demo_articles.h — loads the demo info center (tools/demo_data/article_demo.h) into the Hui'an
// federation: its images and documents, then every article published at its time before `now`, pins kept.
#pragma once
#include <cstddef>

#include "core/civil_time.h"
#include "server/store/store.h"

namespace gongyou::server {

/// What seed_demo_articles() added.
struct DemoArticleCounts {
  std::size_t articles = 0;
  std::size_t images = 0;
  std::size_t documents = 0;
};

/// Seeds when the store has no article yet (needs the demo unions and staff); nothing otherwise.
DemoArticleCounts seed_demo_articles(Store& store, UtcSeconds now);

}  // namespace gongyou::server

// server/api/articles_api.h — the info center (信息中心, docs/api-articles.md). Everyone: published articles by
// channel, search (Chinese text, pinyin initials or syllables) and pages; one article (a read counted once per reader
// and Asia/Shanghai day); documents to download with their Chinese names (RFC 6266); images. Staff of the article's
// union (admins: every union): drafts, edits, publishing, pins, uploads of images and documents.
#pragma once
#include "server/api/membership_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the workers' info center endpoints (articles, documents, images) to `router`.
void add_article_routes(http::Router& router, const MembershipServices& services);

/// Adds the staff's info center endpoints (write, publish, pin, upload) to `router`.
void add_article_staff_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api

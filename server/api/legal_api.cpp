// server/api/legal_api.cpp — see legal_api.h.
//
// [SECTION] Readers     who may read a consultation, and the audit of staff reads
// [SECTION] JSON        a consultation as its asker or staff see it
// [SECTION] Workers     ask, mine, one, write, close, photos
// [SECTION] Lookup      by case number and phone, rate limited
// [SECTION] Staff       the queue, the lawyers with their load, assign
#include "core/id_number.h"
#include "core/ids_json.h"
#include "core/legal.h"
#include "server/api/accounts_api.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/legal_api.h"
#include "server/api/path_ids.h"
#include "server/crypto/secrets.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

/// The lookup's window and how many failures in it an address may have (api-services.md "Legal aid").
constexpr std::int64_t kLookupWindowSeconds = 15 * 60;
constexpr std::int64_t kLookupFailuresAllowed = 10;

// [SECTION] Readers

/// How the caller stands to a consultation.
enum class Reader : std::uint8_t { asker, lawyer, admin };

http::ApiError no_consultation() { return http::not_found("没有这个咨询 / no such consultation"); }

/// The consultation of the path and how the caller may read it; the same 404 for a consultation that does not
/// exist and for one the caller may not read (another worker's, another lawyer's, any union staff's).
std::pair<ConsultationRecord, Reader> readable(const MembershipServices& services, const User& user,
                                               std::string_view segment) {
  auto found = services.api.store.find_consultation(path_id<ConsultationId>(segment, "consultation"));
  if (!found) throw no_consultation();
  if (found->asker == user.id) return {std::move(*found), Reader::asker};
  if (found->lawyer && *found->lawyer == user.id) return {std::move(*found), Reader::lawyer};
  if (user.role == Role::admin) return {std::move(*found), Reader::admin};
  throw no_consultation();
}

/// Every read of a consultation by a lawyer or an admin goes to the audit log.
void audit_read(const MembershipServices& services, const User& user, Reader reader, const ConsultationRecord& c,
                std::string_view action) {
  if (reader == Reader::asker) return;
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), user.id, {}, std::string(action), std::nullopt,
                                      c.asker, c.id.value, c.case_number});
}

// [SECTION] JSON

json time_or_null(const std::optional<UtcSeconds>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }

/// A consultation as `reader` sees it. The full phone only to its asker; staff see the mask. `full` adds the thread.
json consultation_json(const MembershipServices& services, const ConsultationRecord& c, Reader reader, bool full) {
  const UtcSeconds now = services.api.clock.now();
  json out = {{"id", c.id},
              {"case_number", c.case_number},
              {"category", legal_category_name(c.category)},
              {"question", c.question},
              {"status", consultation_status_name(c.status)},
              {"asked_at", format_iso8601(c.asked_at)},
              {"assigned_at", time_or_null(c.assigned_at)},
              {"first_answered_at", time_or_null(c.first_answered_at)},
              {"closed_at", time_or_null(c.closed_at)},
              {"updated_at", format_iso8601(c.updated_at)},
              {"first_answer_due", format_iso8601(first_answer_due(c.asked_at))},
              {"overdue", consultation_overdue(c.status, c.asked_at, now)},
              {"contact_phone_masked", c.phone_masked},
              {"message_count", c.message_count},
              {"lawyer", c.lawyer ? json{{"user_id", *c.lawyer}, {"display_name", c.lawyer_name}} : json(nullptr)}};
  if (reader == Reader::asker) {
    const auto phone = services.member_key.open(c.phone_sealed);
    out["contact_phone"] = phone ? json(*phone) : json(nullptr);
  } else {
    out["asker"] = {{"user_id", c.asker}, {"display_name", mask_name(c.asker_name)}};
  }
  if (full) {
    json messages = json::array();
    for (const LegalMessageRecord& m : c.messages)
      messages.push_back({{"id", m.id},
                          {"from", m.from_lawyer ? "lawyer" : "asker"},
                          {"author", m.from_lawyer ? m.author_name : mask_name(m.author_name)},
                          {"text", m.text},
                          {"at", format_iso8601(m.at)}});
    json photos = json::array();
    for (const LegalPhotoRecord& p : c.photos)
      photos.push_back({{"id", p.id},
                        {"content_type", photo_content_type(p.kind)},
                        {"width", p.width},
                        {"height", p.height},
                        {"size", p.size},
                        {"url", "/api/v1/legal/consultations/" + std::to_string(c.id.value) + "/photos/" +
                                    std::to_string(p.id)}});
    out["messages"] = std::move(messages);
    out["photos"] = std::move(photos);
  }
  return out;
}

// [SECTION] Workers

LegalCategory category_of(const JsonBody& body) {
  const auto category = parse_legal_category(body.text("category", 40));
  if (!category)
    throw http::bad_request(
        "category must be wages_owed, contract, work_injury, social_insurance, dismissal or new_employment");
  return *category;
}

std::string new_case_number() {
  return std::string(kCaseNumberPrefix) + crypto::random_code(kCaseNumberAlphabet, kCaseNumberRandomChars);
}

/// The keyed hash the lookup matches a phone by (the member key's hash, in its own domain).
std::string phone_hash(const MembershipServices& services, std::string_view phone) {
  return services.member_key.id_hash("legal-phone:" + std::string(phone));
}

void ask(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const JsonBody body(req);
  const LegalCategory category = category_of(body);
  const std::string question = body.text("question", kQuestionMaxChars * 4 + 64);
  if (const auto problem = legal_text_problem(question, /*question=*/true))
    throw http::ApiError(400, "bad_request", *problem);
  const std::string phone = normalize_phone(body.text("contact_phone", 64));
  if (!is_mobile_phone(phone))
    throw http::ApiError(400, "invalid_phone", "手机号码应为以1开头的11位数字 / a mobile number is 11 digits starting with 1");
  const UtcSeconds now = services.api.clock.now();
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const NewConsultation asked{user.id, category, question, services.member_key.seal(phone),
                                phone_hash(services, phone), mask_phone(phone), now};
    ConsultationRecord stored = services.api.store.create_consultation(asked, new_case_number);
    stored.messages.clear();
    const json answer = consultation_json(services, stored, Reader::asker, /*full=*/true);
    return {201, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

void mine(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  json items = json::array();
  for (const ConsultationRecord& c : services.api.store.user_consultations(user.id))
    items.push_back(consultation_json(services, c, Reader::asker, false));
  http::send_json(res, {{"items", std::move(items)}});
}

void one(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const auto [c, reader] = readable(services, user, params.at(0));
  audit_read(services, user, reader, c, "legal_case_read");
  http::send_json(res, consultation_json(services, c, reader, true));
}

void write_message(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const auto [c, reader] = readable(services, user, params.at(0));
  if (reader == Reader::admin) throw no_consultation();  // only the asker and the assigned lawyer write
  const JsonBody body(req);
  const std::string text = body.text("text", kLegalMessageMaxChars * 4 + 64);
  if (const auto problem = legal_text_problem(text, /*question=*/false)) throw http::ApiError(400, "bad_request", *problem);
  const UtcSeconds now = services.api.clock.now();
  const LegalOutcome outcome = services.api.store.add_legal_message(c.id, user.id, reader == Reader::lawyer, text, now);
  if (outcome.result == LegalChange::not_found) throw no_consultation();
  if (outcome.result == LegalChange::closed) throw http::ApiError(409, "closed", "这个咨询已经结案 / the consultation is closed");
  auto after = services.api.store.find_consultation(c.id);
  http::send_json(res, consultation_json(services, *after, reader, true), 201);
}

void close(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const auto [c, reader] = readable(services, user, params.at(0));
  if (reader == Reader::admin) throw no_consultation();  // the asker or the assigned lawyer close it
  const LegalOutcome outcome = services.api.store.close_consultation(c.id, user.id, services.api.clock.now());
  if (outcome.result == LegalChange::not_found) throw no_consultation();
  if (outcome.result == LegalChange::conflict) throw http::ApiError(409, "conflict", "已经结案 / closed already");
  auto after = services.api.store.find_consultation(c.id);
  http::send_json(res, consultation_json(services, *after, reader, true));
}

void add_photo(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const auto [c, reader] = readable(services, user, params.at(0));
  if (reader != Reader::asker) throw no_consultation();  // photos come from the asker
  const PhotoCheck check = check_photo(req.body, req.get_header_value("Content-Type"));
  if (check.problem) {
    const int status = *check.problem == PhotoProblem::too_large ? 413 : *check.problem == PhotoProblem::malformed ||
                                                                            *check.problem == PhotoProblem::too_many_pixels
                                                                        ? 422
                                                                        : 415;
    const char* code = status == 413 ? "payload_too_large" : status == 415 ? "unsupported_media_type" : "invalid_photo";
    throw http::ApiError(status, code,
                         std::string("照片只能是 JPEG 或 PNG，不超过 768 KB、2400 万像素 / a photo is a JPEG or PNG of at "
                                     "most 768 KB and 24 megapixels (") +
                             std::string(photo_problem_code(*check.problem)) + ")");
  }
  LegalPhotoRecord photo;
  photo.kind = check.kind;
  photo.width = check.size.width;
  photo.height = check.size.height;
  photo.bytes = strip_photo_metadata(req.body, check.kind);
  const LegalOutcome outcome = services.api.store.add_legal_photo(c.id, photo, services.api.clock.now());
  if (outcome.result == LegalChange::not_found) throw no_consultation();
  if (outcome.result == LegalChange::closed) throw http::ApiError(409, "closed", "这个咨询已经结案 / the consultation is closed");
  if (outcome.result == LegalChange::limit)
    throw http::ApiError(409, "photo_limit", "每个咨询最多 3 张照片 / at most 3 photos per consultation");
  http::send_json(res, consultation_json(services, *outcome.consultation, reader, true), 201);
}

void get_photo(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const auto [c, reader] = readable(services, user, params.at(0));
  const auto photo = services.api.store.find_legal_photo(c.id, path_id(params.at(1), "photo"));
  if (!photo) throw http::not_found("没有这张照片 / no such photo");
  audit_read(services, user, reader, c, "legal_photo_read");
  res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set_header("Cache-Control", "private, no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(photo->bytes, std::string(photo_content_type(photo->kind)));
}

// [SECTION] Lookup

void lookup(const MembershipServices& services, const Request& req, Response& res) {
  const std::string address = client_address(services.api, req);
  const UtcSeconds now = services.api.clock.now();
  if (services.api.store.lookup_failures(address, UtcSeconds{now.value - kLookupWindowSeconds}) >= kLookupFailuresAllowed)
    throw http::ApiError(429, "rate_limited", "查询失败次数过多，请 15 分钟后再试 / too many failed lookups; try again later");
  const http::QueryParams params(req);
  const auto number = normalize_case_number(params.text("case_number").value_or(""));
  const std::string phone = normalize_phone(params.text("phone").value_or(""));
  std::optional<ConsultationRecord> found;
  if (number && is_mobile_phone(phone)) found = services.api.store.lookup_case(*number, phone_hash(services, phone));
  if (!found) {
    services.api.store.record_lookup_failure(address, now);
    throw http::not_found("案件编号或手机号不匹配 / the case number and phone do not match a case");
  }
  http::send_json(res, {{"case_number", found->case_number},
                        {"status", consultation_status_name(found->status)},
                        {"updated_at", format_iso8601(found->updated_at)}});
}

// [SECTION] Staff

/// The caller when they are a lawyer or an admin; 403 for anyone else (union staff included).
User require_legal_staff(const MembershipServices& services, const Request& req) {
  User user = require_user(services.api, req);
  if (user.role != Role::admin && !services.api.store.is_lawyer(user.id))
    throw http::ApiError(403, "forbidden", "this needs a lawyer or admin account");
  return user;
}

void queue(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_legal_staff(services, req);
  const bool admin = user.role == Role::admin;
  LegalQueueQuery query;
  if (!admin) query.lawyer = user.id;
  query.now = services.api.clock.now();
  const http::QueryParams params(req);
  if (const auto status = params.text("status"); status && !status->empty()) {
    query.status = parse_consultation_status(*status);
    if (!query.status) throw http::bad_request("status must be open, assigned, answered or closed");
  }
  query.include_closed = params.text("closed").value_or("") == "1";
  query.limit = static_cast<std::size_t>(params.integer("limit", 1, 500).value_or(200));
  const auto cases = services.api.store.legal_queue(query);
  // The suggestion for unassigned cases: round robin by load, the least loaded lawyer first.
  std::vector<LawyerLoad> loads = admin ? services.api.store.lawyer_loads() : std::vector<LawyerLoad>{};
  json items = json::array();
  std::int64_t overdue = 0;
  for (const ConsultationRecord& c : cases) {
    json item = consultation_json(services, c, admin ? Reader::admin : Reader::lawyer, false);
    if (consultation_overdue(c.status, c.asked_at, query.now)) ++overdue;
    if (admin && !c.lawyer && !loads.empty()) {
      auto least = std::min_element(loads.begin(), loads.end(), [](const LawyerLoad& a, const LawyerLoad& b) {
        return a.open_cases != b.open_cases ? a.open_cases < b.open_cases : a.user.value < b.user.value;
      });
      item["suggested_lawyer"] = {{"user_id", least->user}, {"display_name", least->display_name}};
      ++least->open_cases;
    }
    items.push_back(std::move(item));
  }
  services.api.store.audit(AuditEntry{0, query.now, user.id, {}, "legal_queue_read", std::nullopt, std::nullopt,
                                      std::nullopt, std::to_string(cases.size()) + " cases"});
  http::send_json(res, {{"items", std::move(items)}, {"overdue", overdue}});
}

void lawyers(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  if (user.role != Role::admin) throw http::ApiError(403, "forbidden", "this needs an admin account");
  json items = json::array();
  for (const LawyerLoad& l : services.api.store.lawyer_loads())
    items.push_back({{"user_id", l.user}, {"display_name", l.display_name}, {"open_cases", l.open_cases}});
  http::send_json(res, {{"items", std::move(items)}});
}

void assign(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const auto id = path_id<ConsultationId>(params.at(0), "consultation");
  if (user.role != Role::admin) throw no_consultation();  // learn nothing, not even that it exists
  const JsonBody body(req);
  const UserId lawyer{body.integer("lawyer_user_id", 1, kMaxJsonId)};
  if (!services.api.store.is_lawyer(lawyer)) throw http::bad_request("lawyer_user_id is not a lawyer's account");
  const LegalOutcome outcome = services.api.store.assign_consultation(id, lawyer, user.id, services.api.clock.now());
  if (outcome.result == LegalChange::not_found) throw no_consultation();
  if (outcome.result == LegalChange::closed) throw http::ApiError(409, "closed", "这个咨询已经结案 / the consultation is closed");
  if (outcome.result == LegalChange::conflict)
    throw http::ApiError(409, "conflict", "已分配给另一位律师 / assigned to another lawyer already");
  services.api.store.audit(AuditEntry{0, services.api.clock.now(), user.id, {}, "legal_case_assign", std::nullopt,
                                      outcome.consultation->asker, id.value, "lawyer " + std::to_string(lawyer.value)});
  http::send_json(res, consultation_json(services, *outcome.consultation, Reader::admin, false));
}

}  // namespace

void add_legal_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.add("POST", "/api/v1/legal/consultations",
             [&services](const Request& req, Response& res, P) { ask(services, req, res); });
  router.get("/api/v1/me/legal/consultations",
             [&services](const Request& req, Response& res, P) { mine(services, req, res); });
  router.get("/api/v1/legal/consultations/{id}",
             [&services](const Request& req, Response& res, P p) { one(services, req, p, res); });
  router.add("POST", "/api/v1/legal/consultations/{id}/messages",
             [&services](const Request& req, Response& res, P p) { write_message(services, req, p, res); });
  router.add("POST", "/api/v1/legal/consultations/{id}/close",
             [&services](const Request& req, Response& res, P p) { close(services, req, p, res); });
  router.add("POST", "/api/v1/legal/consultations/{id}/photos",
             [&services](const Request& req, Response& res, P p) { add_photo(services, req, p, res); });
  router.get("/api/v1/legal/consultations/{id}/photos/{photo}",
             [&services](const Request& req, Response& res, P p) { get_photo(services, req, p, res); });
  router.get("/api/v1/legal/case-lookup", [&services](const Request& req, Response& res, P) { lookup(services, req, res); });
  router.get("/api/v1/admin/legal/consultations",
             [&services](const Request& req, Response& res, P) { queue(services, req, res); });
  router.get("/api/v1/admin/legal/lawyers",
             [&services](const Request& req, Response& res, P) { lawyers(services, req, res); });
  router.add("POST", "/api/v1/admin/legal/consultations/{id}/assign",
             [&services](const Request& req, Response& res, P p) { assign(services, req, p, res); });
}

}  // namespace gongyou::server::api

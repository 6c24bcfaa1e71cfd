// server/api/quizzes_api.h — prize quizzes (api-services.md "Quizzes", docs/api-quizzes.md). Workers: the quizzes,
// attempts (questions without their answers), saving and submitting answers, results with the right options and the
// article, leaderboards, draws and their prizes. Staff of the quiz's union (admins: every union): the question bank
// (edit, retire, CSV import), creating quizzes, the draw, handing prizes out.
#pragma once
#include <vector>

#include "server/api/membership_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// The banks a quiz of `quiz_union` draws from: its union's and every union's above it (the county's bank serves
/// every town), which is also what staff of that union see of the bank.
std::vector<UnionId> quiz_banks(const UnionDirectory& unions, UnionId quiz_union);

/// Adds the workers' quiz endpoints to `router`.
void add_quiz_routes(http::Router& router, const MembershipServices& services);

/// Adds the staff's quiz endpoints (question bank, quizzes, draws, prizes) to `router`.
void add_quiz_staff_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api

// tools/scale_data/gen_main.cpp — `gongyou-scale-gen`: writes the national scale data set (never committed).
//   gongyou-scale-gen [--sites N] [--demand N] (--json | --csv | --points) [--out FILE]
//   --json    {"sites":[Site...]} in the API's form
//   --csv     the sites as CSV (UTF-8, header row; facilities separated by '|'), the import format
//   --points  {"sites":[[lon,lat]...],"demand":[[lon,lat,members,town]...]}: the benchmarks' shared input
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "tools/scale_data/scale_data.h"

namespace {

using namespace gongyou;

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) (quoted += c) += c == '"' ? "\"" : "";
  return quoted + '"';
}

void write_csv(std::ostream& out, const std::vector<Site>& sites) {
  out << "id,type,name,town,address,lat,lon,phone,hours,facilities\n";
  char number[32];
  for (const Site& s : sites) {
    std::string facilities;
    for (const auto& f : s.facilities) (facilities += facilities.empty() ? "" : "|") += f;
    out << s.id.value << ',' << info(s.type).id << ',' << csv_field(s.name) << ',' << csv_field(s.town) << ','
        << csv_field(s.address) << ',';
    std::snprintf(number, sizeof number, "%.6f,%.6f", s.position.lat, s.position.lon);
    out << number << ',' << csv_field(s.phone) << ',' << csv_field(s.hours) << ',' << csv_field(facilities) << '\n';
  }
}

void write_points(std::ostream& out, const std::vector<Site>& sites, const std::vector<DemandPoint>& demand) {
  char text[96];
  out << "{\"sites\":[";
  for (std::size_t i = 0; i < sites.size(); ++i) {
    std::snprintf(text, sizeof text, "%s[%.6f,%.6f]", i ? "," : "", sites[i].position.lon, sites[i].position.lat);
    out << text;
  }
  out << "],\n\"demand\":[";
  for (std::size_t i = 0; i < demand.size(); ++i) {
    std::snprintf(text, sizeof text, "%s[%.6f,%.6f,%u,%u]", i ? "," : "", demand[i].position.lon,
                  demand[i].position.lat, demand[i].members, demand[i].group);
    out << text;
  }
  out << "]}\n";
}

int usage() {
  std::cerr << "usage: gongyou-scale-gen [--sites N] [--demand N] (--json | --csv | --points) [--out FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t site_count = scale::kDefaultSites, demand_count = scale::kDefaultDemand;
  std::string format = "--json", out_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--sites" || arg == "--demand" || arg == "--out") && i + 1 < argc) {
      const std::string value = argv[++i];
      if (arg == "--out") {
        out_path = value;
        continue;
      }
      char* end = nullptr;
      const unsigned long long n = std::strtoull(value.c_str(), &end, 10);
      if (*end != '\0' || n > 10'000'000) return usage();
      (arg == "--sites" ? site_count : demand_count) = static_cast<std::size_t>(n);
    } else if (arg == "--json" || arg == "--csv" || arg == "--points") {
      format = arg;
    } else {
      return usage();
    }
  }
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path, std::ios::binary);
    if (!file) {
      std::cerr << "gongyou-scale-gen: cannot write " << out_path << '\n';
      return 1;
    }
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  const auto sites = scale::scale_sites(site_count);
  if (format == "--csv") {
    write_csv(out, sites);
  } else if (format == "--points") {
    write_points(out, sites, scale::scale_demand(demand_count));
  } else {
    nlohmann::json list = nlohmann::json::array();
    for (const Site& s : sites) list.push_back(to_json(s));
    out << nlohmann::json{{"sites", std::move(list)}}.dump() << '\n';
  }
  out.flush();
  return out ? 0 : 1;
}

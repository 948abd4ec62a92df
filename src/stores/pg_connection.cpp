// pg_connection.cpp: see pg_connection.h.
#include "stores/pg_connection.h"
#include "stores/row_store.h"  // exact_number

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sespm::pg_store {

std::string num(long long v) { return std::to_string(v); }

std::string num(double v) { return exact_number(v); }

long long Result::integer(int row, int col) const { return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10); }
double Result::real(int row, int col) const { return std::strtod(PQgetvalue(r_, row, col), nullptr); }
long long Result::affected() const {
    const char* t = PQcmdTuples(r_);
    return t && *t ? std::strtoll(t, nullptr, 10) : 0;
}

namespace {

// A location that may hold a password (any "pass" key, or user information before an '@'):
// libpq's reason for refusing it may quote a part of it, so it is not passed on.
bool may_hold_password(const std::string& location) {
    std::string l = location;
    for (char& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return l.find("pass") != std::string::npos || l.find('@') != std::string::npos;
}

} // namespace

void check_server_location(const std::string& location) {
    std::string scheme = location.substr(0, location.find("://") == std::string::npos ? 0 : location.find("://") + 3);
    if (!scheme.empty() && scheme != "postgresql://" && scheme != "postgres://")
        throw SettingError("project", "", "write the server location's scheme in lower case (postgresql://...); libpq reads no other "
                         "(the location is not repeated here, as it may hold a password)");
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(location.c_str(), &err);
    if (!opts) {
        std::string why = err ? err : "libpq could not read it";
        PQfreemem(err);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        if (may_hold_password(location)) why = "its reason is not shown either, as it may quote a password";
        throw SettingError("project", "", "not a server location libpq reads (" + why + "); the location is not repeated here, as it may hold a password");
    }
    bool password = false;
    for (PQconninfoOption* o = opts; o->keyword; ++o)
        if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) password = true;
    PQconninfoFree(opts);
    if (password)
        throw SettingError("project", "", "the server location holds a password; never put one on the command line: "
                         "use ~/.pgpass (or PGPASSFILE) or a service in pg_service.conf (see README, shared server)");
}

Connection::Connection(const std::string& location) : location_(location) { connect(); }

void Connection::connect() {
    const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* vals[] = {"10", "sespm-map", location_.c_str(), nullptr};
    c_ = PQconnectdbParams(keys, vals, 1);
    if (!c_) throw ProjectError(Kind::Io, where(location_, 0, "", "cannot connect to the server (out of memory)"));
    if (PQstatus(c_) != CONNECTION_OK) {
        std::string why = PQerrorMessage(c_);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        PQfinish(c_);
        c_ = nullptr;
        throw ProjectError(Kind::Io, where(location_, 0, "", "cannot connect to the server: " + why));
    }
    // A writer waits at most 30 s for another's row lock, as the SQLite file's busy timeout.
    script("connecting", "SET lock_timeout = '30s'; SET client_min_messages = warning");
}

bool Connection::reconnect() {
    PQreset(c_);
    if (PQstatus(c_) != CONNECTION_OK) return false;
    script("reconnecting", "SET lock_timeout = '30s'; SET client_min_messages = warning");
    return true;
}

ProjectError pg_error(PGconn* c, const PGresult* r, const std::string& location, const std::string& doing) {
    std::string state = r && PQresultErrorField(r, PG_DIAG_SQLSTATE) ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "";
    std::string msg = r && PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : PQerrorMessage(c);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    auto at = [&](Kind k, const std::string& what) { return ProjectError(k, where(location, 0, "", doing + ": " + what)); };
    if (PQstatus(c) == CONNECTION_BAD || state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
        return at(Kind::Io, "the connection to the server was lost (" + msg + "); nothing was saved");
    if (state == "40001" || state == "40P01") return at(Kind::Retry, "another edit ran at the same time (" + msg + ")");
    if (state == "42501") return at(Kind::Denied, msg);
    if (state == "23505") return at(Kind::Exists, msg);
    if (state == "55P03" || state == "57014") return at(Kind::Busy, "the project is busy (another edit held the row for 30 s); nothing was saved, try again");
    if (state == "3F000" || state == "42P01") return at(Kind::NotAProject, "no SESPM project in this database (" + msg + "); an admin runs: sespm-map project init --project LOCATION");
    return at(Kind::Io, msg + (state.empty() ? "" : " (SQLSTATE " + state + ")"));
}

Result Connection::exec(const std::string& doing, const char* sql, const Params& params) const {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecParams(c_, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        ProjectError e = pg_error(c_, r, location_, doing);
        PQclear(r);
        throw e;
    }
    return Result(r);
}

void Connection::script(const std::string& doing, const char* sql) const {
    PGresult* r = PQexec(c_, sql);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        ProjectError e = pg_error(c_, r, location_, doing);
        PQclear(r);
        throw e;
    }
    PQclear(r);
}

} // namespace sespm::pg_store
